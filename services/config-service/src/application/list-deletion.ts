/**
 * Deleting a list (credential list or IP ACL). The list refuses deletion while trunks hold it; when a
 * blocking trunk is itself deleted (its TrunkDeleted was written but the detach step never ran), the
 * stale attachment is detached and the deletion retried once.
 */
import { Inject, Injectable } from '@nestjs/common';
import { Conflict } from '@sipauth/domain';
import type { EventStore } from '@sipauth/event-store';
import { EVENT_STORE } from '../config-service.tokens';
import { load, run } from './aggregates';
import type { CommandContext } from './command-context';
import { detachList, type ListKindName } from './list-attachment';

@Injectable()
export class ListDeletion {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async deleteList(kind: ListKindName, listId: string, ctx: CommandContext): Promise<{ position: string }> {
    try {
      return await this.deleteOnce(kind, listId, ctx);
    } catch (err) {
      if (!(err instanceof Conflict)) throw err;
      const blocking = err.details.filter((d) => d.field === 'trunkId').map((d) => d.message);
      let detachedAny = false;
      for (const trunkId of blocking) {
        const trunk = await load(this.store, 'trunk', trunkId);
        if (trunk.status === 'Active') continue;
        await detachList(this.store, kind, listId, trunkId, ctx);
        detachedAny = true;
      }
      if (!detachedAny) throw err;
      return this.deleteOnce(kind, listId, ctx);
    }
  }

  private async deleteOnce(kind: ListKindName, listId: string, ctx: CommandContext): Promise<{ position: string }> {
    const { position } = kind === 'credentialList'
      ? await run(this.store, 'credentialList', { type: 'DeleteCredentialList', accountId: ctx.accountId, credentialListId: listId }, ctx)
      : await run(this.store, 'ipAcl', { type: 'DeleteIpAccessControlList', accountId: ctx.accountId, ipAccessControlListId: listId }, ctx);
    return { position };
  }
}
