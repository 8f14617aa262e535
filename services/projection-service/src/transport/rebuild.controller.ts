/**
 * `<ns>.v1.admin.projection.rebuild`: rebuilds the read model into a fresh generation and replies
 * `{ok:true,data:{generation,position}}` once readers have been switched to it. Every replica hears
 * the request (EVERY_REPLICA: a queue group each) but only the lease holder answers, so it always
 * reaches the one that can do it.
 */
import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { adminPattern, fail, ok, type Reply } from '@sipauth/contracts';
import { EVERY_REPLICA } from '@sipauth/nats-transport';
import { PROJECTION_RUNTIME, type ProjectionRuntime } from '../projection-service.tokens';
import { NotActive, type RebuildResult } from '../rebuild-generation';

@Controller()
export class RebuildController {
  constructor(@Inject(PROJECTION_RUNTIME) private readonly runtime: ProjectionRuntime) {}

  /** Nothing (no reply) on a standby: the active replica answers. */
  @MessagePattern(adminPattern('projection.rebuild'), EVERY_REPLICA)
  async rebuild(): Promise<Reply<RebuildResult> | undefined> {
    const { runner } = this.runtime;
    if (!runner.isActive) return undefined;
    try {
      return ok(await runner.rebuild());
    } catch (failure) {
      return failure instanceof NotActive
        ? fail('CONFLICT', failure.message)
        : fail('INTERNAL', `rebuild failed: ${(failure as Error)?.message ?? String(failure)}`);
    }
  }
}
