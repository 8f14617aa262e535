/** The list's side of an assignment (recorded on the list's own stream, so deletion can be refused). */
import type { ListKind } from '@sipauth/domain';
import type { EventStore, HandleResult } from '@sipauth/event-store';
import { run } from './aggregates';
import type { CommandContext } from './command-context';

export type ListKindName = ListKind;

export function attachList(store: EventStore, kind: ListKind, listId: string, trunkId: string, ctx: CommandContext): Promise<HandleResult> {
  return kind === 'credentialList'
    ? run(store, 'credentialList', { type: 'AttachCredentialListToTrunk', accountId: ctx.accountId, credentialListId: listId, trunkId }, ctx)
    : run(store, 'ipAcl', { type: 'AttachIpAclToTrunk', accountId: ctx.accountId, ipAccessControlListId: listId, trunkId }, ctx);
}

export function detachList(store: EventStore, kind: ListKind, listId: string, trunkId: string, ctx: CommandContext): Promise<HandleResult> {
  return kind === 'credentialList'
    ? run(store, 'credentialList', { type: 'DetachCredentialListFromTrunk', accountId: ctx.accountId, credentialListId: listId, trunkId }, ctx)
    : run(store, 'ipAcl', { type: 'DetachIpAclFromTrunk', accountId: ctx.accountId, ipAccessControlListId: listId, trunkId }, ctx);
}
