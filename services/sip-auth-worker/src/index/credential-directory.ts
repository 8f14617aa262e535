/**
 * Credential lists in memory: list → username → credential, plus userhash → credential.
 *
 * Lookup is by the username exactly as the client sends it. Usernames are unique case-insensitively
 * within a list, but HA1 = H(username:realm:password) is computed over the username as configured,
 * and a client that sends another letter case has hashed that other case: its response could never
 * verify. Matching exactly therefore loses no valid caller and reports the honest reason,
 * `unknown-user`, instead of a misleading `bad-response`.
 *
 * HA1s stay sealed until first needed, then are kept open in memory (the worker must hold them to
 * verify anyway); loading 100,000 credentials costs no AES work.
 */
import type { CredentialDoc } from '@sipauth/contracts';
import { BaseAlgorithm, BASE_ALGORITHMS, computeUserhash, SealingKeyring, unsealHa1s } from '@sipauth/sip-digest';
import type { CredentialCandidate } from '../authorization/auth-lookup';

class CredentialEntry implements CredentialCandidate {
  private opened: Record<BaseAlgorithm, string> | null | undefined;

  constructor(readonly doc: CredentialDoc, readonly userhashes: readonly string[], private readonly keyring: SealingKeyring) {}

  get credentialListId(): string { return this.doc.credentialListId; }
  get credentialId(): string { return this.doc.credentialId; }
  get username(): string { return this.doc.username; }

  ha1(algorithm: BaseAlgorithm): string | undefined {
    if (this.opened === undefined) {
      try {
        this.opened = unsealHa1s(this.keyring, this.doc.ha1, `${this.doc.credentialListId}/${this.doc.credentialId}`);
      } catch (err) {
        this.opened = null;
        console.error(`sip-auth-worker: cannot open the HA1s of credential ${this.doc.credentialId}: ${(err as Error).message}`);
      }
    }
    return this.opened === null ? undefined : this.opened[algorithm];
  }
}

interface ListEntry {
  byId: Map<string, CredentialEntry>;
  byUsername: Map<string, CredentialEntry>;
  byUserhash: Map<string, CredentialEntry>;
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
      list = { byId: new Map(), byUsername: new Map(), byUserhash: new Map() };
      this.lists.set(key, list);
    }
    const userhashes = BASE_ALGORITHMS.map((alg) => `${alg}:${computeUserhash(alg, doc.username, this.realm)}`);
    const entry = new CredentialEntry(doc, userhashes, this.keyring);
    list.byId.set(doc.credentialId, entry);
    list.byUsername.set(doc.username, entry);
    for (const h of userhashes) list.byUserhash.set(h, entry);
    this.count++;
  }

  remove(accountId: string, listId: string, credentialId: string): void {
    const key = listKey(accountId, listId);
    const list = this.lists.get(key);
    const entry = list?.byId.get(credentialId);
    if (!list || !entry) return;
    list.byId.delete(credentialId);
    if (list.byUsername.get(entry.username) === entry) list.byUsername.delete(entry.username);
    for (const h of entry.userhashes) if (list.byUserhash.get(h) === entry) list.byUserhash.delete(h);
    if (list.byId.size === 0) this.lists.delete(key);
    this.count--;
  }

  /** Candidates in the given lists, in the lists' order. */
  find(accountId: string, listIds: readonly string[], username: string, userhash: boolean, algorithm: BaseAlgorithm): CredentialCandidate[] {
    const found: CredentialCandidate[] = [];
    const name = userhash ? `${algorithm}:${username.toLowerCase()}` : username;
    for (const listId of listIds) {
      const list = this.lists.get(listKey(accountId, listId));
      const entry = userhash ? list?.byUserhash.get(name) : list?.byUsername.get(name);
      if (entry) found.push(entry);
    }
    return found;
  }
}
