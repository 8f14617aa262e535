/**
 * The query subjects of SPEC §6 (`<ns>.v1.query.<query>`), served by libs/nats-transport in queue
 * group `config-service`: plain JSON in, the dispatcher's `{ok, data | error}` out.
 */
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { queryPattern as on, type QueryName, type Reply } from '@sipauth/contracts';
import { ConfigDispatcher } from '../application/config-dispatcher';

@Controller()
export class ConfigQueriesController {
  constructor(private readonly dispatcher: ConfigDispatcher) {}

  private run(name: QueryName, body: unknown): Promise<Reply<unknown>> {
    return this.dispatcher.query(name, body);
  }

  @MessagePattern(on('credential-list.get')) getCredentialList(@Payload() b: unknown) { return this.run('credential-list.get', b); }
  @MessagePattern(on('credential-list.list')) listCredentialLists(@Payload() b: unknown) { return this.run('credential-list.list', b); }
  @MessagePattern(on('ip-acl.get')) getIpAcl(@Payload() b: unknown) { return this.run('ip-acl.get', b); }
  @MessagePattern(on('ip-acl.list')) listIpAcls(@Payload() b: unknown) { return this.run('ip-acl.list', b); }
  @MessagePattern(on('trunk.get')) getTrunk(@Payload() b: unknown) { return this.run('trunk.get', b); }
  @MessagePattern(on('trunk.list')) listTrunks(@Payload() b: unknown) { return this.run('trunk.list', b); }
  @MessagePattern(on('credential.get')) getCredential(@Payload() b: unknown) { return this.run('credential.get', b); }
  @MessagePattern(on('credential.list')) listCredentials(@Payload() b: unknown) { return this.run('credential.list', b); }
  @MessagePattern(on('ip-address.get')) getIpAddress(@Payload() b: unknown) { return this.run('ip-address.get', b); }
  @MessagePattern(on('ip-address.list')) listIpAddresses(@Payload() b: unknown) { return this.run('ip-address.list', b); }
  @MessagePattern(on('history')) history(@Payload() b: unknown) { return this.run('history', b); }
}
