/** Recorded events for the projection tests, typed by the event unions of @sipauth/domain. */
import { randomUUID } from 'node:crypto';
import type { CredentialListEvent, IpAclEvent, TrunkDomainEvent, TrunkEvent } from '@sipauth/domain';
import type { EventData, RecordedEvent } from '@sipauth/event-store';

/** Every event any aggregate writes. */
export type KnownEvent = CredentialListEvent | IpAclEvent | TrunkEvent | TrunkDomainEvent;
/** The data of the events of type `T` (both sides' shapes for the assignment events). */
export type DataOf<T extends KnownEvent['type']> = Extract<KnownEvent, { type: T }>['data'];

export const ACCOUNT = 'AC-test';
export const LIST = `CL${'1'.repeat(32)}`;
export const CRED = `CR${'2'.repeat(32)}`;
export const ACL = `AL${'3'.repeat(32)}`;
export const ADDR = `IP${'4'.repeat(32)}`;
export const TRUNK = `TK${'5'.repeat(32)}`;
export const NOW = '2025-01-02T03:04:05.000Z';

/** Sealed-looking HA1s: the projection must copy these strings as they are. */
export const sealed = (tag: string) => ({
  'MD5': `k1:sealed-md5-${tag}`,
  'SHA-256': `k1:sealed-sha256-${tag}`,
  'SHA-512-256': `k1:sealed-sha512-${tag}`,
});

/** One event to append, with the metadata SPEC §4 requires. */
export function eventData(type: string, data: object, accountId = ACCOUNT): EventData {
  return { id: randomUUID(), type, data, metadata: { accountId, correlationId: randomUUID(), causationId: randomUUID(), schemaVersion: 1 } };
}

/** A stream's events in order, as the store would record them (global positions from `firstPosition`). */
export class StreamWriter {
  private static nextPosition = 1000;
  private revision = -1;
  constructor(readonly streamName: string) {}

  /** A domain event of type `type`: its data is checked against the domain's shape. */
  record<T extends KnownEvent['type']>(type: T, data: DataOf<T>, accountId = ACCOUNT): RecordedEvent {
    return this.recordRaw(type, data as object, accountId);
  }

  /** A domain event given whole (as the history helpers return them). */
  recordEvent(event: KnownEvent, accountId = ACCOUNT): RecordedEvent {
    return this.recordRaw(event.type, event.data, accountId);
  }

  /** Anything at all, for the tests of what the projection refuses (unknown types, other streams). */
  recordRaw(type: string, data: object, accountId = ACCOUNT): RecordedEvent {
    StreamWriter.nextPosition += 1000;
    this.revision += 1;
    return { ...eventData(type, data, accountId), streamName: this.streamName, revision: this.revision, position: String(StreamWriter.nextPosition), created: NOW };
  }
}

/** A credential list's life: create with a credential, rename, add, change password, remove, assign, unassign. */
export function credentialListHistory(list = LIST, cred = CRED): CredentialListEvent[] {
  const other = `CR${'9'.repeat(32)}`;
  return [
    { type: 'CredentialListCreated', data: { credentialListId: list, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW } },
    { type: 'CredentialAdded', data: { credentialListId: list, credentialId: cred, username: 'alice', realm: 'sipauth.test', ha1: sealed('a1'), createdAt: NOW } },
    { type: 'CredentialListRenamed', data: { credentialListId: list, friendlyName: 'Head office' } },
    { type: 'CredentialAdded', data: { credentialListId: list, credentialId: other, username: 'bob', realm: 'sipauth.test', ha1: sealed('b1'), createdAt: NOW } },
    { type: 'CredentialPasswordChanged', data: { credentialListId: list, credentialId: cred, realm: 'sipauth.test', ha1: sealed('a2') } },
    { type: 'CredentialRemoved', data: { credentialListId: list, credentialId: other } },
    { type: 'TrunkAssigned', data: { trunkId: TRUNK, listKind: 'credentialList', listId: list } },
  ];
}
