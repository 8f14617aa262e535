/** Builds an Authorizer over an in-memory index for unit tests (not part of the service's runtime). */
import { credentialChunkOf, CredentialChunkDoc, IpAddressDoc, keys, POSITION_KEY, TrunkDoc } from '@sipauth/contracts';
import { computeHa1s, NonceService, SealingKeyring, sealHa1s } from '@sipauth/sip-digest';
import { AuthIndex } from '../src/index/auth-index';
import { Authorizer } from '../src/authorization/authorizer';
import { InMemoryReplayGuard } from '../src/authorization/replay-guard';
import { LocalLockoutGate } from '../src/lockout/local-lockout-gate';

export const REALM = 'sipauth.test';
export const ACCOUNT = 'AC1';
const keyring = new SealingKeyring([{ id: 'k1', key: Buffer.alloc(32, 2) }]);
const meta = { revision: 1, position: '1', updatedAt: '2025-01-01T00:00:00Z', createdAt: '2025-01-01T00:00:00Z' };

export interface Fixture {
  index: AuthIndex;
  authorizer: Authorizer;
  clock: { now: number };
  nonces: NonceService;
  lockouts: LocalLockoutGate;
  trunk(id: string, domainName: string, opts?: Partial<TrunkDoc>): void;
  /** `previous`: the replaced password and until when it still authenticates (SPEC §5.2). */
  credential(listId: string, id: string, username: string, password: string, previous?: { password: string; validUntil: string }): void;
  /** Removes a credential from its chunk (as projection-service does on CredentialRemoved). */
  removeCredential(listId: string, id: string, accountId?: string): void;
  range(aclId: string, id: string, cidr: string): void;
}

export function fixture(ttlSeconds = 300): Fixture {
  // Chunk documents as projection-service keeps them: each change rewrites the credential's chunk, at a newer revision.
  const chunks = new Map<string, CredentialChunkDoc>();
  let revision = 1;
  const rewrite = (accountId: string, listId: string, id: string, edit: (credentials: CredentialChunkDoc['credentials']) => void) => {
    const chunk = credentialChunkOf(id);
    const key = keys.credentialChunk(accountId, listId, chunk);
    const credentials = { ...chunks.get(key)?.credentials };
    edit(credentials);
    const doc: CredentialChunkDoc = { ...meta, revision: ++revision, credentialListId: listId, accountId, chunk, credentials };
    chunks.set(key, doc);
    index.apply(key, doc);
  };
  const clock = { now: Date.parse('2025-01-01T00:00:00Z') };
  const index = new AuthIndex(REALM, keyring);
  const nonces = new NonceService({ secrets: [{ id: 'n1', key: Buffer.alloc(32, 1) }], ttlSeconds, now: () => clock.now });
  const replay = new InMemoryReplayGuard(ttlSeconds * 1000, () => clock.now);
  const lockouts = new LocalLockoutGate(() => clock.now);
  const authorizer = new Authorizer({ index, nonces, replay, realm: REALM, lockouts, now: () => clock.now });
  return {
    index, authorizer, clock, nonces, lockouts,
    trunk(id, domainName, opts = {}) {
      const doc: TrunkDoc = {
        ...meta, trunkId: id, accountId: ACCOUNT, friendlyName: id, domainName,
        credentialListIds: [], ipAccessControlListIds: [], digestAlgorithms: [], ...opts,
      };
      index.apply(keys.trunk(ACCOUNT, id), doc);
    },
    credential(listId, id, username, password, previous) {
      const seal = (text: string) => sealHa1s(keyring, computeHa1s(username, REALM, text), `${listId}/${id}`);
      rewrite(ACCOUNT, listId, id, (credentials) => {
        credentials[id] = {
          ...meta, revision: revision + 1, username, realm: REALM, ha1: seal(password),
          ...(previous ? { previous: { ha1: seal(previous.password), validUntil: previous.validUntil } } : {}),
        };
      });
    },
    removeCredential(listId, id, accountId = ACCOUNT) {
      rewrite(accountId, listId, id, (credentials) => { delete credentials[id]; });
    },
    range(aclId, id, cidr) {
      const [ipAddress, prefix] = cidr.split('/');
      const doc: IpAddressDoc = {
        ...meta, ipAddressId: id, ipAccessControlListId: aclId, accountId: ACCOUNT, friendlyName: id,
        ipAddress, cidrPrefixLength: Number(prefix),
      };
      index.apply(keys.ipAddress(ACCOUNT, aclId, id), doc);
    },
  };
}

export const positionDoc = (position: string) => [POSITION_KEY, { position, updatedAt: meta.updatedAt }] as const;
