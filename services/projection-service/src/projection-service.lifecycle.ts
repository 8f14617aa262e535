/** The runner's place in the Nest lifecycle: it stops (checkpoint written, lease released) before HTTP and NATS do. */
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { PROJECTION_RUNTIME, type ProjectionRuntime } from './projection-service.tokens';

@Injectable()
export class ProjectionServiceLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(PROJECTION_RUNTIME) private readonly runtime: ProjectionRuntime) {}

  /** Before HTTP stops: stop applying and write the checkpoint. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
