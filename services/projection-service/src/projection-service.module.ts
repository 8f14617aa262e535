/** The NestJS edge of the projection-service: HTTP probes, the rebuild request on NATS and the runner's lifecycle. */
import { Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule } from '@nestjs/common';
import { ProbesController } from './http/probes.controller';
import { PROJECTION_RUNTIME, type ProjectionRuntime } from './projection-service.tokens';
import { RebuildController } from './transport/rebuild.controller';

@Injectable()
class ProjectionLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(PROJECTION_RUNTIME) private readonly runtime: ProjectionRuntime) {}

  /** Before HTTP stops: stop applying and write the checkpoint. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}

@Module({})
export class ProjectionServiceModule {
  static register(runtime: ProjectionRuntime): DynamicModule {
    return {
      module: ProjectionServiceModule,
      controllers: [ProbesController, RebuildController],
      providers: [{ provide: PROJECTION_RUNTIME, useValue: runtime }, ProjectionLifecycle],
    };
  }
}
