/**
 * The command subjects of SPEC §6 (`<ns>.v1.config.<command>`), served by libs/nats-transport in
 * queue group `config-service`: plain JSON in, the dispatcher's `{ok, data | error}` out.
 */
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { configPattern as on, type ConfigCommandName, type Reply } from '@sipauth/contracts';
import { ConfigDispatcher } from '../application/config-dispatcher';

@Controller()
export class ConfigCommandsController {
  constructor(private readonly dispatcher: ConfigDispatcher) {}

  private run(name: ConfigCommandName, body: unknown): Promise<Reply<unknown>> {
    return this.dispatcher.command(name, body);
  }

  @MessagePattern(on('credential-list.create')) createCredentialList(@Payload() b: unknown) { return this.run('credential-list.create', b); }
  @MessagePattern(on('credential-list.rename')) renameCredentialList(@Payload() b: unknown) { return this.run('credential-list.rename', b); }
  @MessagePattern(on('credential-list.delete')) deleteCredentialList(@Payload() b: unknown) { return this.run('credential-list.delete', b); }
  @MessagePattern(on('credential.add')) addCredential(@Payload() b: unknown) { return this.run('credential.add', b); }
  @MessagePattern(on('credential.change-password')) changePassword(@Payload() b: unknown) { return this.run('credential.change-password', b); }
  @MessagePattern(on('credential.remove')) removeCredential(@Payload() b: unknown) { return this.run('credential.remove', b); }
  @MessagePattern(on('credential.import')) importCredentials(@Payload() b: unknown) { return this.run('credential.import', b); }
  @MessagePattern(on('ip-acl.create')) createIpAcl(@Payload() b: unknown) { return this.run('ip-acl.create', b); }
  @MessagePattern(on('ip-acl.rename')) renameIpAcl(@Payload() b: unknown) { return this.run('ip-acl.rename', b); }
  @MessagePattern(on('ip-acl.delete')) deleteIpAcl(@Payload() b: unknown) { return this.run('ip-acl.delete', b); }
  @MessagePattern(on('ip-address.add')) addIpAddress(@Payload() b: unknown) { return this.run('ip-address.add', b); }
  @MessagePattern(on('ip-address.remove')) removeIpAddress(@Payload() b: unknown) { return this.run('ip-address.remove', b); }
  @MessagePattern(on('ip-address.rename')) renameIpAddress(@Payload() b: unknown) { return this.run('ip-address.rename', b); }
  @MessagePattern(on('trunk.create')) createTrunk(@Payload() b: unknown) { return this.run('trunk.create', b); }
  @MessagePattern(on('trunk.rename')) renameTrunk(@Payload() b: unknown) { return this.run('trunk.rename', b); }
  @MessagePattern(on('trunk.delete')) deleteTrunk(@Payload() b: unknown) { return this.run('trunk.delete', b); }
  @MessagePattern(on('trunk.assign')) assignList(@Payload() b: unknown) { return this.run('trunk.assign', b); }
  @MessagePattern(on('trunk.unassign')) unassignList(@Payload() b: unknown) { return this.run('trunk.unassign', b); }
  @MessagePattern(on('trunk.set-digest-algorithms')) setDigestAlgorithms(@Payload() b: unknown) { return this.run('trunk.set-digest-algorithms', b); }
  @MessagePattern(on('trunk.set-lockout-policy')) setLockoutPolicy(@Payload() b: unknown) { return this.run('trunk.set-lockout-policy', b); }
}
