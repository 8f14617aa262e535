/**
 * The worker's in-memory index of one read-model generation: domain → trunk; trunk → ACL matcher
 * and credential lists; list → credentials. Fed one KV entry at a time, in the bucket's order, so
 * when `meta.position` P has been applied every document up to P has been too.
 */
import {
  AuthStatus, CredentialChunkDoc, CredentialListDoc, credentialsOfChunk, decodeKvJson, effectiveDigestAlgorithms, effectiveLockoutPolicy, IpAddressDoc, KvValueEntry, LockoutPolicy, parseKey, PositionDoc, TrunkDoc,
} from '@sipauth/contracts';
import { CidrMatcher, SourceIp } from '@sipauth/ip-acl-match';
import type { BaseAlgorithm, SealingKeyring } from '@sipauth/sip-digest';
import type { AuthLookup, CredentialCandidate, MatchedRange, TrunkView } from '../authorization/auth-lookup';
import { CredentialCache, type ListLoader } from './credential-cache';
import { CredentialDirectory } from './credential-directory';

class TrunkEntry implements TrunkView {
  readonly algorithms: readonly BaseAlgorithm[];
  readonly lockoutPolicy: Readonly<LockoutPolicy>;

  constructor(readonly doc: TrunkDoc, private readonly index: AuthIndex) {
    this.algorithms = effectiveDigestAlgorithms(doc.digestAlgorithms);
    this.lockoutPolicy = effectiveLockoutPolicy(doc.lockoutPolicy);
  }

  get trunkId(): string { return this.doc.trunkId; }
  get accountId(): string { return this.doc.accountId; }
  get credentialListIds(): readonly string[] { return this.doc.credentialListIds; }
  get hasAcl(): boolean { return this.doc.ipAccessControlListIds.length > 0; }

  allowsSource(source: SourceIp): boolean {
    return this.index.aclMatcherOf(this).matchesParsed(source);
  }

  matchingRange(source: SourceIp): MatchedRange | undefined {
    return this.index.matchingRange(this, source);
  }
}

const scoped = (accountId: string, id: string): string => `${accountId}/${id}`;

/** One generation of the read model in memory. Not thread-shared: a new generation is built beside it and swapped in. */
export class AuthIndex implements AuthLookup {
  private readonly trunks = new Map<string, TrunkEntry>();
  private readonly byDomain = new Map<string, TrunkEntry>();
  /** Every trunk document naming a domain (normally one; see resolveDomain). */
  private readonly domainHolders = new Map<string, Set<TrunkEntry>>();
  private readonly credentials: CredentialCache;
  /** List (account-scoped) → its credential count from the list document: the status counts every credential, cached or not. */
  private readonly credentialLists = new Map<string, number>();
  private credentialTotal = 0;
  private readonly ipAcls = new Set<string>();
  /** ACL (account-scoped) → its ranges (`address/prefix`) by address id; the documents themselves are not kept. */
  private readonly ranges = new Map<string, Map<string, string>>();
  private rangeCount = 0;
  /** Per-trunk matchers, built on first use and dropped whenever the trunk or one of its ACLs changes. */
  private readonly matchers = new Map<TrunkEntry, CidrMatcher<string>>();
  private positionText = '0';

  /** @param maxCachedCredentials bound of the on-demand credential cache (see {@link CredentialCache}). */
  constructor(realm: string, keyring: SealingKeyring, maxCachedCredentials?: number) {
    this.credentials = new CredentialCache(new CredentialDirectory(realm, keyring), maxCachedCredentials);
  }

  /** From now on credentials are loaded by list on demand through `loader`, and only cached lists follow updates. */
  loadCredentialsWith(loader: ListLoader): void { this.credentials.attach(loader); }

  /** What the credential cache holds. */
  cacheStats(): ReturnType<CredentialCache['stats']> { return this.credentials.stats(); }

  /** The position of the last event applied to this generation. */
  get position(): string { return this.positionText; }

  counts(): AuthStatus['counts'] {
    return {
      trunks: this.trunks.size,
      credentialLists: this.credentialLists.size,
      credentials: this.credentialTotal,
      ipAccessControlLists: this.ipAcls.size,
      ipRanges: this.rangeCount,
    };
  }

  /**
   * Applies one KV entry: a document, or `undefined` for a deleted key. Unknown keys are ignored.
   * `revision` (the KV revision) orders a credential chunk change against a list load in progress.
   */
  apply(key: string, value: unknown, revision = 0): void {
    const k = parseKey(key);
    if (k) this.applyParsed(k, value, revision);
  }

  /**
   * Applies one KV entry as {@link apply} does, decoding its value only if the index uses it: the chunk
   * of a list whose credentials are not cached nor being loaded is dropped unread (an import rewrites
   * chunks of lists no worker holds, ~40 kB of JSON each). Throws, naming the key, on a value it uses
   * that is not JSON. Returns the key's kind and the decoded value (no value when left unread;
   * undefined for a key the read model does not know), so that the caller need not parse the key again.
   */
  applyEntry(entry: KvValueEntry & { revision: number }): { kind: string; value?: unknown } | undefined {
    const k = parseKey(entry.key);
    if (!k) return undefined;
    if (k.kind === 'credential-chunk' && !this.credentials.follows(k.accountId, k.parentId)) return { kind: k.kind };
    const value = decodeKvJson(entry);
    this.applyParsed(k, value, entry.revision);
    return { kind: k.kind, value };
  }

  private applyParsed(k: NonNullable<ReturnType<typeof parseKey>>, value: unknown, revision: number): void {
    switch (k.kind) {
      case 'position':
        if (value) this.positionText = (value as PositionDoc).position;
        return;
      case 'trunk':
        return this.applyTrunk(scoped(k.accountId, k.id), value as TrunkDoc | undefined);
      case 'credential-list':
        return this.applyCredentialList(scoped(k.accountId, k.id), value as CredentialListDoc | undefined);
      case 'ip-acl':
        if (value) this.ipAcls.add(scoped(k.accountId, k.id));
        else this.ipAcls.delete(scoped(k.accountId, k.id));
        return;
      case 'credential-chunk': {
        const credentials = value ? credentialsOfChunk(value as CredentialChunkDoc) : [];
        return this.credentials.changed(k.accountId, k.parentId, { chunk: k.chunk, credentials, revision });
      }
      case 'ip-address':
        return this.applyIpAddress(scoped(k.accountId, k.parentId), k.id, value as IpAddressDoc | undefined);
    }
  }

  trunkByDomain(domain: string): TrunkView | undefined {
    return this.byDomain.get(domain);
  }

  trunkById(accountId: string, trunkId: string): TrunkView | undefined {
    return this.trunks.get(scoped(accountId, trunkId));
  }

  /** The longest range of the trunk's ACLs holding `source`, built afresh: explain only, never the hot path. */
  matchingRange(trunk: TrunkEntry, source: SourceIp): MatchedRange | undefined {
    const matcher = new CidrMatcher<MatchedRange>();
    for (const ipAccessControlListId of trunk.doc.ipAccessControlListIds) {
      for (const [ipAddressId, range] of this.ranges.get(scoped(trunk.accountId, ipAccessControlListId)) ?? []) {
        try { matcher.add(range, { ipAccessControlListId, ipAddressId, range }); } catch { /* logged by aclMatcherOf */ }
      }
    }
    return matcher.lookupParsed(source);
  }

  credentialsFor(trunk: TrunkView, username: string, userhash: boolean, algorithm: BaseAlgorithm): CredentialCandidate[] | Promise<CredentialCandidate[]> {
    return this.credentials.find(trunk.accountId, trunk.credentialListIds, username, userhash, algorithm);
  }

  prefetchCredentials(trunk: TrunkView): void {
    this.credentials.prefetch(trunk.accountId, trunk.credentialListIds);
  }

  /** The matcher over every range of the trunk's ACLs. */
  aclMatcherOf(trunk: TrunkEntry): CidrMatcher<string> {
    let matcher = this.matchers.get(trunk);
    if (!matcher) {
      matcher = new CidrMatcher<string>();
      for (const aclId of trunk.doc.ipAccessControlListIds) {
        for (const [addressId, cidr] of this.ranges.get(scoped(trunk.accountId, aclId)) ?? []) {
          try {
            matcher.add(cidr, aclId);
          } catch {
            console.error(`sip-auth-worker: ignoring invalid range ${addressId} of ACL ${aclId}`);
          }
        }
      }
      this.matchers.set(trunk, matcher);
    }
    return matcher;
  }

  private applyCredentialList(id: string, doc: CredentialListDoc | undefined): void {
    this.credentialTotal -= this.credentialLists.get(id) ?? 0;
    if (!doc) { this.credentialLists.delete(id); return; }
    const count = Number.isSafeInteger(doc.credentialCount) ? doc.credentialCount : 0;
    this.credentialLists.set(id, count);
    this.credentialTotal += count;
  }

  private applyTrunk(id: string, doc: TrunkDoc | undefined): void {
    const old = this.trunks.get(id);
    if (old) {
      this.trunks.delete(id);
      this.matchers.delete(old);
      const oldDomain = old.doc.domainName.toLowerCase();
      this.domainHolders.get(oldDomain)?.delete(old);
      this.resolveDomain(oldDomain);
    }
    if (!doc) return;
    const entry = new TrunkEntry(doc, this);
    this.trunks.set(id, entry);
    const domain = doc.domainName.toLowerCase();
    let holders = this.domainHolders.get(domain);
    if (!holders) this.domainHolders.set(domain, (holders = new Set()));
    holders.add(entry);
    this.resolveDomain(domain);
  }

  /**
   * Points a domain at the trunk that holds it. Domains are unique among live trunks, but a projection
   * replaying after a restart briefly re-creates a deleted trunk whose domain a newer trunk has taken
   * since: the newest document (highest position) wins, and removing one trunk never unmaps another.
   */
  private resolveDomain(domain: string): void {
    let holder: TrunkEntry | undefined;
    for (const entry of this.domainHolders.get(domain) ?? []) {
      if (!holder || BigInt(entry.doc.position) > BigInt(holder.doc.position)) holder = entry;
    }
    if (holder) this.byDomain.set(domain, holder);
    else {
      this.byDomain.delete(domain);
      this.domainHolders.delete(domain);
    }
  }

  private applyIpAddress(aclKey: string, addressId: string, doc: IpAddressDoc | undefined): void {
    let acl = this.ranges.get(aclKey);
    if (acl?.delete(addressId)) this.rangeCount--;
    if (doc) {
      if (!acl) this.ranges.set(aclKey, (acl = new Map()));
      // join yields a flat string; a template literal this long would be a rope of its parts.
      acl.set(addressId, [doc.ipAddress, doc.cidrPrefixLength].join('/'));
      this.rangeCount++;
    } else if (acl && acl.size === 0) {
      this.ranges.delete(aclKey);
    }
    const aclId = aclKey.slice(aclKey.indexOf('/') + 1);
    for (const trunk of this.matchers.keys()) {
      if (trunk.doc.ipAccessControlListIds.includes(aclId)) this.matchers.delete(trunk);
    }
  }
}
