/** The NestJS edge of the projection-service: HTTP probes, the rebuild request on NATS and the runner's lifecycle. */
import { Module, type DynamicModule } from '@nestjs/common';
import { ProbesController } from './ops/probes.controller';
import { ProjectionServiceLifecycle } from './projection-service.lifecycle';
import { PROJECTION_RUNTIME, type ProjectionRuntime } from './projection-service.tokens';
import { RebuildController } from './transport/rebuild.controller';

@Module({})
export class ProjectionServiceModule {
  static forRoot(runtime: ProjectionRuntime): DynamicModule {
    return {
      module: ProjectionServiceModule,
      controllers: [ProbesController, RebuildController],
      providers: [{ provide: PROJECTION_RUNTIME, useValue: runtime }, ProjectionServiceLifecycle],
    };
  }
}
