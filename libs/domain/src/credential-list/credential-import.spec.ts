import type { CredentialHa1s, SealedHa1s } from '../common';
import { Conflict, NotFound, ValidationFailed } from '../errors';
import { MAX_CREDENTIALS_PER_IMPORTED_EVENT, MAX_CREDENTIALS_PER_LIST } from '../rules';
import { DeciderSpecification } from '../testing';
import type { ImportCredentials, ImportLine } from './credential-list.commands';
import { credentialListDecider } from './credential-list.decider';
import type { CredentialListEvent, CredentialsImported } from './credential-list.events';

const spec = DeciderSpecification.for(credentialListDecider);
const accountId = 'acme';
const credentialListId = 'CL' + '1'.repeat(32);
const now = '2025-01-01T00:00:00.000Z';
const realm = 'sipauth.local';
const ha1: SealedHa1s = { 'MD5': 'k1.md5', 'SHA-256': 'k1.sha256', 'SHA-512-256': 'k1.sha512' };
const md5Only: CredentialHa1s = { 'MD5': 'k1.imported-md5' };
const idOf = (n: number): string => 'CR' + n.toString(16).padStart(32, '0');

const created: CredentialListEvent = { type: 'CredentialListCreated', data: { credentialListId, accountId, friendlyName: 'Office', createdAt: now } };
const added = (n: number, username: string): CredentialListEvent =>
  ({ type: 'CredentialAdded', data: { credentialListId, credentialId: idOf(n), username, realm, ha1, createdAt: now } });
const existing: CredentialListEvent[] = [created, added(1, 'alice')];
const line = (n: number, username: string, extra: Partial<ImportLine> = {}): ImportLine => ({ credentialId: idOf(n), username, ha1, ...extra });
const importing = (credentials: ImportLine[], account = accountId): ImportCredentials =>
  ({ type: 'ImportCredentials', accountId: account, credentialListId, realm, credentials, now });
const imported = (credentials: ImportLine[]): CredentialsImported =>
  ({ type: 'CredentialsImported', data: { credentialListId, realm, createdAt: now, credentials } });

describe('ImportCredentials', () => {
  it('adds every credential of the import in one event', () =>
    spec.given(existing).when(importing([line(2, 'bob'), line(3, 'carol', { ha1: md5Only, md5Only: true })]))
      .then([imported([line(2, 'bob'), line(3, 'carol', { ha1: md5Only, md5Only: true })])]));

  it('splits a large import into events of at most the per-event maximum, all decided together', () => {
    const lines = Array.from({ length: 600 }, (_, i) => line(100 + i, `user${i}`));
    const events = credentialListDecider.decide(importing(lines), existing.reduce(credentialListDecider.evolve, credentialListDecider.initialState()));
    expect(events.map((e) => (e as CredentialsImported).data.credentials.length)).toEqual([MAX_CREDENTIALS_PER_IMPORTED_EVENT, MAX_CREDENTIALS_PER_IMPORTED_EVENT, 100]);
    expect(events.flatMap((e) => (e as CredentialsImported).data.credentials.map((c) => c.username))).toEqual(lines.map((l) => l.username));
  });

  it('folds imported credentials like added ones: a later add of the same username is refused', () =>
    spec.given([...existing, imported([line(2, 'bob')])])
      .when({ type: 'AddCredential', accountId, credentialListId, credentialId: idOf(9), username: 'BOB', realm, ha1, now })
      .thenRejects(Conflict, [{ field: 'username' }]));

  it('does nothing when the same import is sent again (a retry: same ids, same usernames)', () =>
    spec.given([...existing, imported([line(2, 'bob'), line(3, 'carol')])]).when(importing([line(2, 'bob'), line(3, 'carol')])).thenNothing());

  it('names every bad line by index and field, and writes nothing', () =>
    spec.given(existing).when(importing([line(2, 'ok'), line(3, 'bad name'), line(4, 'x'.repeat(33)), line(5, 'fine', { ha1: { 'MD5': 'k1' } as SealedHa1s })]))
      .thenRejects(ValidationFailed, [
        { field: 'credentials[1].username', message: /may contain only/ },
        { field: 'credentials[2].username', message: /1 to 32/ },
        { field: 'credentials[3].ha1' },
      ]));

  it('refuses a username repeated within the import, case-insensitively, naming the earlier line', () =>
    spec.given(existing).when(importing([line(2, 'dave'), line(3, 'Dave')]))
      .thenRejects(ValidationFailed, [{ field: 'credentials[1].username', message: /credentials\[0\]/ }]));

  it('refuses a credentialId repeated within the import or malformed', () =>
    spec.given(existing).when(importing([line(2, 'a1'), line(2, 'a2'), { ...line(3, 'a3'), credentialId: 'nope' }]))
      .thenRejects(ValidationFailed, [{ field: 'credentials[1].credentialId' }, { field: 'credentials[2].credentialId' }]));

  it('refuses an empty import and one larger than a list', () => {
    spec.given(existing).when(importing([])).thenRejects(ValidationFailed, [{ field: 'credentials' }]);
    const tooMany = Array.from({ length: MAX_CREDENTIALS_PER_LIST + 1 }, (_, i) => line(100 + i, `u${i}`));
    spec.given(existing).when(importing(tooMany)).thenRejects(ValidationFailed, [{ field: 'credentials' }]);
  });

  it('refuses, whole, an import with a username already in the list (re-importing is refused, not skipped)', () =>
    spec.given(existing).when(importing([line(2, 'bob'), line(3, 'ALICE')]))
      .thenRejects(Conflict, [{ field: 'credentials[1].username', message: /already in this list/ }]));

  it('refuses an import that would take the list past its maximum', () => {
    const full = [created, ...Array.from({ length: MAX_CREDENTIALS_PER_LIST - 1 }, (_, i) => added(100 + i, `u${i}`))];
    spec.given(full).when(importing([line(2, 'bob')])).then([imported([line(2, 'bob')])]);
    spec.given(full).when(importing([line(2, 'bob'), line(3, 'carol')])).thenRejects(Conflict, [{ field: 'credentials', message: /do not fit/ }]);
  });

  it('reports a missing, deleted or other account\'s list as not found', () => {
    spec.given([]).when(importing([line(2, 'bob')])).thenRejects(NotFound);
    spec.given([...existing, { type: 'CredentialListDeleted', data: { credentialListId } }]).when(importing([line(2, 'bob')])).thenRejects(NotFound);
    spec.given(existing).when(importing([line(2, 'bob')], 'globex')).thenRejects(NotFound);
  });
});
