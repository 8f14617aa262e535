/**
 * What the two list aggregates (credential lists and IP access control lists) decide alike: that a
 * list belongs to one account, creation retries, renaming, and the list's side of a trunk assignment
 * (recorded so that deleting a list in use can be refused). What a list holds stays in its own decider.
 *
 * Internal to the domain library: the deciders are the public API.
 */
import type { ListKind, TrunkAssignedData } from '../common';
import type { DomainEvent } from '../decider';
import { Conflict, NotFound } from '../errors';
import { assertValid, checkFriendlyName } from '../rules';

/** The part of an active list's state these rules read; both list aggregates' Active states have it. */
export interface ActiveList {
  status: 'Active';
  accountId: string;
  friendlyName: string;
  /** Trunks (of the same account) this list is assigned to. */
  trunkIds: ReadonlySet<string>;
}

/** Any list aggregate's state: its Active variant carries the common part and whatever the list holds. */
export type ListState = { status: 'Empty' } | ActiveList | { status: 'Deleted'; accountId: string };

export type ListTrunkAssigned<K extends ListKind> = DomainEvent<'TrunkAssigned', TrunkAssignedData & { listKind: K }>;
export type ListTrunkUnassigned<K extends ListKind> = DomainEvent<'TrunkUnassigned', TrunkAssignedData & { listKind: K }>;

/** How rejections name a list of each kind: in the message, and as the field of its id. */
const NAMING: Record<ListKind, { label: string; idField: string }> = {
  credentialList: { label: 'credential list', idField: 'credentialListId' },
  ipAccessControlList: { label: 'IP access control list', idField: 'ipAccessControlListId' },
};

const isActive = <S extends ListState>(state: S): state is Extract<S, ActiveList> => state.status === 'Active';

/** The list if it is active and the acting account's; otherwise NotFound (another account's list does not exist for it). */
export function activeListOwnedBy<S extends ListState>(kind: ListKind, state: S, accountId: string, listId: string): Extract<S, ActiveList> {
  if (!isActive(state) || state.accountId !== accountId) {
    const { label, idField } = NAMING[kind];
    throw new NotFound(`${label} ${listId} not found`, [{ field: idField, message: `no such ${label}` }]);
  }
  return state;
}

/**
 * Whether a creation is a retry of the one that made this list (true: decide nothing) rather than a new
 * list (false). A stream already used any other way, even by a deleted list, is a Conflict.
 * `sameContents` compares what the creation put in the list besides its name.
 */
export function isRepeatedCreation<S extends ListState>(
  kind: ListKind,
  state: S,
  listId: string,
  creation: { accountId: string; friendlyName: string },
  sameContents: (list: Extract<S, ActiveList>) => boolean = () => true,
): boolean {
  if (state.status === 'Empty') return false;
  if (isActive(state) && state.accountId === creation.accountId && state.friendlyName === creation.friendlyName && sameContents(state)) {
    return true;
  }
  const { label, idField } = NAMING[kind];
  throw new Conflict(`${label} ${listId} already exists`, [{ field: idField, message: 'already exists' }]);
}

/** Checks the new name and tells whether renaming changes anything (the list's current name again is a no-op). */
export function isRename(kind: ListKind, state: ListState, accountId: string, listId: string, friendlyName: string): boolean {
  assertValid([checkFriendlyName(friendlyName)]);
  return activeListOwnedBy(kind, state, accountId, listId).friendlyName !== friendlyName;
}

/** Refuses (Conflict, naming each trunk) to delete a list that is still assigned to a trunk. */
export function assertDeletable(kind: ListKind, state: ListState, accountId: string, listId: string): void {
  const { trunkIds } = activeListOwnedBy(kind, state, accountId, listId);
  if (trunkIds.size === 0) return;
  throw new Conflict(
    `${NAMING[kind].label} ${listId} is assigned to trunk(s) ${[...trunkIds].join(', ')}; unassign it first`,
    [...trunkIds].map((trunkId) => ({ field: 'trunkId', message: trunkId })),
  );
}

/** The list's side of assigning it to a trunk; nothing if it is already attached. */
export function attachToTrunk<K extends ListKind>(kind: K, state: ListState, accountId: string, listId: string, trunkId: string): ListTrunkAssigned<K>[] {
  if (activeListOwnedBy(kind, state, accountId, listId).trunkIds.has(trunkId)) return [];
  return [{ type: 'TrunkAssigned', data: { trunkId, listKind: kind, listId } }];
}

/** The list's side of unassigning it from a trunk; nothing if it is not attached. */
export function detachFromTrunk<K extends ListKind>(kind: K, state: ListState, accountId: string, listId: string, trunkId: string): ListTrunkUnassigned<K>[] {
  if (!activeListOwnedBy(kind, state, accountId, listId).trunkIds.has(trunkId)) return [];
  return [{ type: 'TrunkUnassigned', data: { trunkId, listKind: kind, listId } }];
}

/** Folds the list's side of an assignment into its state. */
export function evolveTrunkIds<A extends ActiveList>(list: A, event: ListTrunkAssigned<ListKind> | ListTrunkUnassigned<ListKind>): A {
  const trunkIds = new Set(list.trunkIds);
  if (event.type === 'TrunkAssigned') trunkIds.add(event.data.trunkId);
  else trunkIds.delete(event.data.trunkId);
  return { ...list, trunkIds };
}
