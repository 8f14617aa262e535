import { BaseRpcContext } from '@nestjs/microservices';
import type { ServiceMsg } from 'nats';

/**
 * What a `@MessagePattern` handler served by NatsServicesStrategy may read beyond the decoded body
 * (`@Ctx() ctx: NatsServicesContext`): the subject it arrived on and the message itself (headers).
 */
export class NatsServicesContext extends BaseRpcContext<[subject: string, msg: ServiceMsg]> {
  /** The full subject, namespace included. */
  getSubject(): string {
    return this.args[0];
  }

  getMessage(): ServiceMsg {
    return this.args[1];
  }
}
