/**
 * Credential lists in memory: list → username → credential, plus userhash → credential.
 *
 * Lookup is by the username exactly as the client sends it. Usernames are unique case-insensitively
 * within a list, but HA1 = H(username:realm:password) is computed over the username as configured,
 * and a client that sends another letter case has hashed that other case: its response could never
 * verify. Matching exactly therefore loses no valid caller and reports the honest reason,
 * `unknown-user`, instead of a misleading `bad-response`.
 *
 * Memory is the constraint (100,000 credentials per worker and more), so an entry keeps only what a
 * decision needs, not the credential document:
 *  - HA1s stay sealed until first needed, then are kept open in memory (the worker must hold them to
 *    verify anyway); loading costs no AES work. Once open, the sealed form is dropped: nothing reads
 *    it again, and an update of the credential arrives as a whole new document.
 *  - The three HA1s, sealed or open, are one flat string (see {@link packHa1s}), not an object of three.
 *  - Userhash lookups are rare, so H(username:realm) is computed only for a list and algorithm for
 *    which a userhash request was seen, all at once, and kept up to date from then on.
 *  - A replaced password still in its overlap (SPEC §5.2) keeps its HA1s the same way, beside the
 *    current ones, with the end of the overlap; the read model drops `previous` on a later change or a
 *    removal, and the entry is replaced whole, so the overlap ends at once.
 */
import { credentialChunkOf, type CredentialDoc } from '@sipauth/contracts';
import { BaseAlgorithm, computeUserhash, ha1SealingContext, SealingKeyring, unsealPresentHa1s } from '@sipauth/sip-digest';
import type { CredentialCandidate } from '../authorization/auth-lookup';

/** Where each algorithm's HA1 sits in a packed string. */
const SLOTS: readonly BaseAlgorithm[] = ['MD5', 'SHA-256', 'SHA-512-256'];
/** Neither sealed values (base64url and `.`) nor HA1s (hex) contain it. */
const SEPARATOR = ' ';

/** The three values in SLOTS order as one string (`join` yields a flat string, not a rope of parts). */
function packHa1s(values: Partial<Record<BaseAlgorithm, unknown>> | undefined): string {
  return SLOTS.map((alg) => (typeof values?.[alg] === 'string' ? values[alg] : '')).join(SEPARATOR);
}

function unpackHa1(packed: string, algorithm: BaseAlgorithm): string {
  let start = 0;
  for (let slot = SLOTS.indexOf(algorithm); slot > 0; slot--) start = packed.indexOf(SEPARATOR, start) + 1;
  const end = packed.indexOf(SEPARATOR, start);
  return packed.slice(start, end < 0 ? undefined : end);
}

function unpackAll(packed: string): Partial<Record<BaseAlgorithm, string>> {
  const [md5, sha256, sha512256] = packed.split(SEPARATOR);
  return { 'MD5': md5, 'SHA-256': sha256, 'SHA-512-256': sha512256 };
}

/** One set of packed HA1s, opened on first use. */
class Ha1Set {
  /** Packed HA1s, sealed while `sealed`; null once they failed to open (logged once, not retried). */
  private ha1s: string | null;
  private sealed = true;

  constructor(sealedHa1s: string) {
    this.ha1s = sealedHa1s;
  }

  get(algorithm: BaseAlgorithm, list: ListEntry, credentialId: string, which: string): string | undefined {
    if (this.sealed) this.open(list, credentialId, which);
    // An empty slot (a credential imported from an MD5 HA1 has no other) is no HA1, never an empty one anyone could answer.
    const ha1 = this.ha1s === null ? '' : unpackHa1(this.ha1s, algorithm);
    return ha1 === '' ? undefined : ha1;
  }

  private open(list: ListEntry, credentialId: string, which: string): void {
    this.sealed = false;
    try {
      const opened = unsealPresentHa1s(list.keyring, unpackAll(this.ha1s as string), ha1SealingContext(list.listId, credentialId));
      this.ha1s = packHa1s(opened);
    } catch (err) {
      this.ha1s = null;
      console.error(`sip-auth-worker: cannot open the ${which} HA1s of credential ${credentialId}: ${(err as Error).message}`);
    }
  }
}

/** The replaced password's HA1s and the end of their overlap (epoch ms). */
interface PreviousHa1s { set: Ha1Set; validUntil: number }

class CredentialEntry implements CredentialCandidate {
  private readonly current: Ha1Set;
  private readonly previous?: PreviousHa1s;

  constructor(
    private readonly list: ListEntry, readonly credentialId: string, readonly username: string, readonly revision: number,
    sealedHa1s: string, previous?: PreviousHa1s,
  ) {
    this.current = new Ha1Set(sealedHa1s);
    if (previous) this.previous = previous;
  }

  get credentialListId(): string { return this.list.listId; }

  ha1(algorithm: BaseAlgorithm): string | undefined {
    return this.current.get(algorithm, this.list, this.credentialId, 'current');
  }

  previousHa1(algorithm: BaseAlgorithm, nowMs: number): string | undefined {
    const previous = this.previous;
    if (previous === undefined || !(nowMs < previous.validUntil)) return undefined;
    return previous.set.get(algorithm, this.list, this.credentialId, 'previous');
  }
}

/** The overlap of a document, if one runs at all (an unreadable validUntil runs none). */
function previousOf(doc: CredentialDoc): PreviousHa1s | undefined {
  const validUntil = doc.previous ? Date.parse(doc.previous.validUntil) : NaN;
  return Number.isFinite(validUntil) ? { set: new Ha1Set(packHa1s(doc.previous!.ha1)), validUntil } : undefined;
}

class ListEntry {
  readonly byId = new Map<string, CredentialEntry>();
  readonly byUsername = new Map<string, CredentialEntry>();
  /** userhash (lowercase hex) → credential, per algorithm; only for algorithms a userhash request has asked for. */
  readonly byUserhash = new Map<BaseAlgorithm, Map<string, CredentialEntry>>();

  constructor(readonly listId: string, readonly keyring: SealingKeyring) {}
}

const listKey = (accountId: string, listId: string): string => `${accountId}/${listId}`;

/** The credentials of every list, keyed by account and list so that no trunk reaches another account's list. */
export class CredentialDirectory {
  private readonly lists = new Map<string, ListEntry>();
  private count = 0;

  constructor(private readonly realm: string, private readonly keyring: SealingKeyring) {}

  get size(): number { return this.count; }

  put(doc: CredentialDoc): void {
    this.remove(doc.accountId, doc.credentialListId, doc.credentialId);
    const key = listKey(doc.accountId, doc.credentialListId);
    let list = this.lists.get(key);
    if (!list) {
      list = new ListEntry(doc.credentialListId, this.keyring);
      this.lists.set(key, list);
    }
    const entry = new CredentialEntry(list, doc.credentialId, doc.username, doc.revision, packHa1s(doc.ha1), previousOf(doc));
    list.byId.set(entry.credentialId, entry);
    list.byUsername.set(entry.username, entry);
    for (const [alg, byHash] of list.byUserhash) byHash.set(computeUserhash(alg, entry.username, this.realm), entry);
    this.count++;
  }

  remove(accountId: string, listId: string, credentialId: string): void {
    const key = listKey(accountId, listId);
    const list = this.lists.get(key);
    const entry = list?.byId.get(credentialId);
    if (!list || !entry) return;
    list.byId.delete(credentialId);
    // A userhash index holds exactly the entries the username index holds (see userhashIndex).
    if (list.byUsername.get(entry.username) === entry) {
      list.byUsername.delete(entry.username);
      for (const [alg, byHash] of list.byUserhash) byHash.delete(computeUserhash(alg, entry.username, this.realm));
    }
    if (list.byId.size === 0) this.lists.delete(key);
    this.count--;
  }

  /**
   * Makes the list's credentials of one chunk exactly `docs` (a chunk document, read or watched): the
   * chunk's credentials it no longer names are removed, the changed ones replaced, and an unchanged one
   * (same revision) kept as it is, HA1s already opened included.
   */
  replaceChunk(accountId: string, listId: string, chunk: number, docs: readonly CredentialDoc[]): void {
    const list = this.lists.get(listKey(accountId, listId));
    if (list) {
      const named = new Set(docs.map((doc) => doc.credentialId));
      for (const id of [...list.byId.keys()]) {
        if (!named.has(id) && credentialChunkOf(id) === chunk) this.remove(accountId, listId, id);
      }
    }
    for (const doc of docs) {
      if (list?.byId.get(doc.credentialId)?.revision !== doc.revision) this.put(doc);
    }
  }

  /** Forgets a whole list (evicted from the on-demand cache). */
  dropList(accountId: string, listId: string): void {
    const key = listKey(accountId, listId);
    const list = this.lists.get(key);
    if (!list) return;
    this.count -= list.byId.size;
    this.lists.delete(key);
  }

  /** Candidates in the given lists, in the lists' order. */
  find(accountId: string, listIds: readonly string[], username: string, userhash: boolean, algorithm: BaseAlgorithm): CredentialCandidate[] {
    const found: CredentialCandidate[] = [];
    const name = userhash ? username.toLowerCase() : username;
    for (const listId of listIds) {
      const list = this.lists.get(listKey(accountId, listId));
      if (!list) continue;
      const entry = userhash ? this.userhashIndex(list, algorithm).get(name) : list.byUsername.get(name);
      if (entry) found.push(entry);
    }
    return found;
  }

  /**
   * The list's userhash → credential map for `algorithm`, built on first use from the username
   * index, so a userhash reaches exactly the credential its username would.
   */
  private userhashIndex(list: ListEntry, algorithm: BaseAlgorithm): Map<string, CredentialEntry> {
    let byHash = list.byUserhash.get(algorithm);
    if (!byHash) {
      byHash = new Map();
      for (const [username, entry] of list.byUsername) byHash.set(computeUserhash(algorithm, username, this.realm), entry);
      list.byUserhash.set(algorithm, byHash);
    }
    return byHash;
  }
}
