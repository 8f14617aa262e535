/**
 * One event in words, for the audit trail. Only the fields named here are read: events carry sealed
 * HA1s (and, during an overlap, the previous ones), so nothing is ever copied from `data` wholesale.
 * Friendly names are the customer's text and are quoted; usernames and ids are shown as they are.
 */

/** What a summary needs to know that its event does not carry (a credential's username, an address's range). */
export interface NameBook {
  credentials: ReadonlyMap<string, string>;
  ipAddresses: ReadonlyMap<string, string>;
}

export const EMPTY_NAMES: NameBook = { credentials: new Map(), ipAddresses: new Map() };

/** An event as the trail reads it; `streamName` tells the list's side of an assignment from the trunk's. */
interface EventLike { type: string; data: unknown; streamName?: string }

const str = (data: Record<string, unknown>, field: string): string => (typeof data[field] === 'string' ? (data[field] as string) : '?');
const quoted = (text: string): string => `"${text}"`;
const LIST_KIND_NAMES: Record<string, string> = { credentialList: 'credential list', ipAccessControlList: 'IP ACL' };

/** The usernames and address ranges an aggregate's events define, for summaries of later events. */
export function namesFrom(events: readonly EventLike[]): NameBook {
  const credentials = new Map<string, string>();
  const ipAddresses = new Map<string, string>();
  for (const { type, data } of events) {
    const d = (data ?? {}) as Record<string, unknown>;
    if (type === 'CredentialAdded') credentials.set(str(d, 'credentialId'), str(d, 'username'));
    if (type === 'CredentialsImported' && Array.isArray(d.credentials)) {
      for (const c of d.credentials as Array<Record<string, unknown>>) credentials.set(str(c, 'credentialId'), str(c, 'username'));
    }
    if (type === 'IpAddressAdded') ipAddresses.set(str(d, 'ipAddressId'), `${str(d, 'ipAddress')}/${String(d.cidrPrefixLength)}`);
  }
  return { credentials, ipAddresses };
}

/** A sentence a person reads, e.g. `Credential alice added`; unknown event types are named, never dumped. */
export function summarise(event: EventLike, names: NameBook = EMPTY_NAMES): string {
  const d = (event.data ?? {}) as Record<string, unknown>;
  const username = (): string => names.credentials.get(str(d, 'credentialId')) ?? str(d, 'credentialId');
  const range = (): string => names.ipAddresses.get(str(d, 'ipAddressId')) ?? str(d, 'ipAddressId');
  const listKind = LIST_KIND_NAMES[str(d, 'listKind')] ?? 'list';
  switch (event.type) {
    case 'CredentialListCreated': return `Credential list ${quoted(str(d, 'friendlyName'))} created`;
    case 'CredentialListRenamed': return `Credential list renamed to ${quoted(str(d, 'friendlyName'))}`;
    case 'CredentialListDeleted': return 'Credential list deleted';
    case 'CredentialAdded': return `Credential ${str(d, 'username')} added`;
    case 'CredentialPasswordChanged':
      return typeof d.previousValidUntil === 'string'
        ? `Password of ${username()} changed (previous valid until ${d.previousValidUntil})`
        : `Password of ${username()} changed`;
    case 'CredentialRemoved': return `Credential ${username()} removed`;
    case 'CredentialsImported': return importSummary(d);
    case 'IpAccessControlListCreated': return `IP ACL ${quoted(str(d, 'friendlyName'))} created`;
    case 'IpAccessControlListRenamed': return `IP ACL renamed to ${quoted(str(d, 'friendlyName'))}`;
    case 'IpAccessControlListDeleted': return 'IP ACL deleted';
    case 'IpAddressAdded': return `IP address ${str(d, 'ipAddress')}/${String(d.cidrPrefixLength)} (${quoted(str(d, 'friendlyName'))}) added`;
    case 'IpAddressRenamed': return `IP address ${range()} renamed to ${quoted(str(d, 'friendlyName'))}`;
    case 'IpAddressRemoved': return `IP address ${range()} removed`;
    case 'TrunkCreated': return `Trunk ${quoted(str(d, 'friendlyName'))} created with domain ${str(d, 'domainName')}`;
    case 'TrunkRenamed': return `Trunk renamed to ${quoted(str(d, 'friendlyName'))}`;
    case 'TrunkDeleted': return `Trunk deleted (domain ${str(d, 'domainName')} released)`;
    case 'TrunkDigestAlgorithmsSet': return `Digest algorithms set to ${Array.isArray(d.algorithms) ? d.algorithms.map(String).join(', ') : '?'}`;
    case 'TrunkLockoutPolicySet':
      return d.enabled === false
        ? 'Lockout turned off'
        : `Lockout policy set: ${String(d.maxFailures)} failures within ${String(d.windowSeconds)} s lock a source out for ${String(d.lockoutSeconds)} s`;
    case 'TrunkAssigned':
      return isListSide(event) ? `Assigned to trunk ${str(d, 'trunkId')}` : `${capitalise(listKind)} ${str(d, 'listId')} assigned`;
    case 'TrunkUnassigned':
      return isListSide(event) ? `Unassigned from trunk ${str(d, 'trunkId')}` : `${capitalise(listKind)} ${str(d, 'listId')} unassigned`;
    case 'TrunkDomainReserved': return `Domain ${str(d, 'domainName')} reserved for trunk ${str(d, 'trunkId')}`;
    case 'TrunkDomainReleased': return `Domain ${str(d, 'domainName')} released by trunk ${str(d, 'trunkId')}`;
    default: return `${event.type} recorded`;
  }
}

/** `3 credentials imported: alice, bob, carol` (the first few usernames; MD5-only ones counted). */
function importSummary(d: Record<string, unknown>): string {
  const credentials = Array.isArray(d.credentials) ? (d.credentials as Array<Record<string, unknown>>) : [];
  const shown = credentials.slice(0, 5).map((c) => str(c, 'username')).join(', ');
  const md5Only = credentials.filter((c) => c.md5Only === true).length;
  return `${credentials.length} credential${credentials.length === 1 ? '' : 's'} imported: ${shown}${credentials.length > 5 ? ', …' : ''}`
    + (md5Only > 0 ? ` (${md5Only} from MD5 HA1s: MD5 only)` : '');
}

/** Both a trunk and its list record an assignment; the list's copy lives in the list's stream. */
export function isListSide(event: EventLike): boolean {
  return event.streamName !== undefined && !event.streamName.startsWith('trunk-');
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
