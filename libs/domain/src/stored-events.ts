/**
 * The one way a reader turns a stored event into a domain event: the stream name tells the
 * aggregate, the aggregate's upcaster checks the type against its event union and brings any
 * supported schema version to the current shape. Unknown streams, types and versions throw.
 */
import { upcastCredentialListEvent } from './credential-list/credential-list.upcast';
import type { CredentialListEvent } from './credential-list/credential-list.events';
import { upcastIpAclEvent } from './ip-acl/ip-acl.upcast';
import type { IpAclEvent } from './ip-acl/ip-acl.events';
import { upcastTrunkDomainEvent } from './trunk-domain/trunk-domain.upcast';
import type { TrunkDomainEvent } from './trunk-domain/trunk-domain.events';
import { upcastTrunkEvent } from './trunk/trunk.upcast';
import type { TrunkEvent } from './trunk/trunk.events';

/** A domain event with the aggregate kind its stream names. */
export type UpcastEvent =
  | { kind: 'credentialList'; event: CredentialListEvent }
  | { kind: 'ipAcl'; event: IpAclEvent }
  | { kind: 'trunk'; event: TrunkEvent }
  | { kind: 'trunkDomain'; event: TrunkDomainEvent };

/** A stored event on a stream no aggregate of this code owns. */
export class UnknownStream extends Error {
  constructor(readonly streamName: string) {
    super(`stream ${streamName} belongs to no known aggregate`);
    this.name = 'UnknownStream';
  }
}

/** What a stored event looks like to the domain: its stream, type, data and schema version. */
export interface StoredEventOf { streamName: string; type: string; data: unknown; metadata?: { schemaVersion?: number } }

/**
 * The stored event in the current shape of its aggregate's events; throws {@link UnknownStream},
 * `UnknownEventType` or `UnsupportedSchemaVersion` rather than letting a reader fold what it cannot read.
 */
export function upcastStoredEvent(stored: StoredEventOf): UpcastEvent {
  const { streamName, type, data } = stored;
  const version = stored.metadata?.schemaVersion;
  if (streamName.startsWith('credentialList-')) return { kind: 'credentialList', event: upcastCredentialListEvent(type, data, version) };
  if (streamName.startsWith('ipAcl-')) return { kind: 'ipAcl', event: upcastIpAclEvent(type, data, version) };
  if (streamName.startsWith('trunkDomain-')) return { kind: 'trunkDomain', event: upcastTrunkDomainEvent(type, data, version) };
  if (streamName.startsWith('trunk-')) return { kind: 'trunk', event: upcastTrunkEvent(type, data, version) };
  throw new UnknownStream(streamName);
}
