/** Use cases of credential lists and their credentials: DTO → domain command → handle. */
import { Inject, Injectable } from '@nestjs/common';
import { ID_PREFIXES, NotFound } from '@sipauth/domain';
import type { EventStore } from '@sipauth/event-store';
import { EVENT_STORE } from '../config-service.tokens';
import type { AddCredentialDto } from '../dto/add-credential.dto';
import type { ChangeCredentialPasswordDto } from '../dto/change-credential-password.dto';
import type { CreateCredentialListDto } from '../dto/create-credential-list.dto';
import type { DeleteCredentialListDto } from '../dto/delete-credential-list.dto';
import type { ImportCredentialsDto } from '../dto/import-credentials.dto';
import type { RemoveCredentialDto } from '../dto/remove-credential.dto';
import type { RenameCredentialListDto } from '../dto/rename-credential-list.dto';
import { load, run } from './aggregates';
import { newId, now, type CommandContext } from './command-context';
import { importCredentials } from './credential-import';
import { ListDeletion } from './list-deletion';
import { PasswordSealer } from './password-sealer';

type Position = { position: string };

@Injectable()
export class CredentialListsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly sealer: PasswordSealer,
    private readonly deletion: ListDeletion,
  ) {}

  async create(dto: CreateCredentialListDto, ctx: CommandContext): Promise<Position & { credentialListId: string; credentialId: string }> {
    const credentialListId = newId(ID_PREFIXES.credentialList, ctx);
    const credentialId = newId(ID_PREFIXES.credential, ctx);
    const sealed = this.sealer.seal(credentialListId, credentialId, dto.username, dto.password);
    const { position } = await run(this.store, 'credentialList', {
      type: 'CreateCredentialList', accountId: ctx.accountId, credentialListId, friendlyName: dto.friendlyName, now: now(),
      credentialId, username: dto.username, ...sealed,
    }, ctx);
    return { credentialListId, credentialId, position };
  }

  async rename(dto: RenameCredentialListDto, ctx: CommandContext): Promise<Position> {
    const { credentialListId, friendlyName } = dto;
    const { position } = await run(this.store, 'credentialList', { type: 'RenameCredentialList', accountId: ctx.accountId, credentialListId, friendlyName }, ctx);
    return { position };
  }

  delete(dto: DeleteCredentialListDto, ctx: CommandContext): Promise<Position> {
    return this.deletion.deleteList('credentialList', dto.credentialListId, ctx);
  }

  async addCredential(dto: AddCredentialDto, ctx: CommandContext): Promise<Position & { credentialId: string }> {
    const credentialId = newId(ID_PREFIXES.credential, ctx);
    const sealed = this.sealer.seal(dto.credentialListId, credentialId, dto.username, dto.password);
    const { position } = await run(this.store, 'credentialList', {
      type: 'AddCredential', accountId: ctx.accountId, credentialListId: dto.credentialListId, credentialId, username: dto.username, now: now(), ...sealed,
    }, ctx);
    return { credentialId, position };
  }

  /**
   * HA1 covers the username, so the credential is read first to learn it (usernames never change). The
   * HA1s being replaced, for an overlap, are taken by the decider from the state it decides on.
   */
  async changePassword(dto: ChangeCredentialPasswordDto, ctx: CommandContext): Promise<Position> {
    const { credentialListId, credentialId } = dto;
    const list = await load(this.store, 'credentialList', credentialListId);
    if (list.status !== 'Active' || list.accountId !== ctx.accountId) {
      throw new NotFound(`credential list ${credentialListId} not found`, [{ field: 'credentialListId', message: 'no such credential list' }]);
    }
    const credential = list.credentials.get(credentialId);
    if (!credential) throw new NotFound(`credential ${credentialId} not found`, [{ field: 'credentialId', message: 'no such credential in this list' }]);
    const sealed = this.sealer.seal(credentialListId, credentialId, credential.username, dto.password);
    const { position } = await run(this.store, 'credentialList', {
      type: 'ChangeCredentialPassword', accountId: ctx.accountId, credentialListId, credentialId, ...sealed,
      previousPasswordValidForSeconds: dto.previousPasswordValidForSeconds ?? 0, now: now(),
    }, ctx);
    return { position };
  }

  /** Up to 1,000 credentials at once, all or none (see credential-import.ts). */
  importCredentials(dto: ImportCredentialsDto, ctx: CommandContext): ReturnType<typeof importCredentials> {
    return importCredentials(this.store, this.sealer, dto, ctx);
  }

  async removeCredential(dto: RemoveCredentialDto, ctx: CommandContext): Promise<Position> {
    const { credentialListId, credentialId } = dto;
    const { position } = await run(this.store, 'credentialList', { type: 'RemoveCredential', accountId: ctx.accountId, credentialListId, credentialId }, ctx);
    return { position };
  }
}
