import type { CredentialDoc } from '@sipauth/contracts';
import { credentialSummary } from './queries.service';

describe('the credential summary of a query reply', () => {
  const sealed = { 'MD5': 'k1.a', 'SHA-256': 'k1.b', 'SHA-512-256': 'k1.c' };
  const doc: CredentialDoc = {
    credentialId: 'CR' + '1'.repeat(32), credentialListId: 'CL' + '2'.repeat(32), accountId: 'acme', username: 'alice',
    realm: 'sipauth.test', ha1: sealed, createdAt: '2025-01-01T00:00:00.000Z', revision: 2, position: '3000', updatedAt: '2025-01-01T00:00:00.000Z',
  };
  const until = '2025-01-01T01:00:00.000Z';
  const withOverlap: CredentialDoc = { ...doc, previous: { ha1: { ...sealed, MD5: 'k1.old' }, validUntil: until } };

  it('shows until when the replaced password still counts while the overlap runs, and no hash', () => {
    const summary = credentialSummary(withOverlap, Date.parse(until) - 1);
    expect(summary).toEqual({ credentialId: doc.credentialId, username: 'alice', createdAt: doc.createdAt, previousPasswordValidUntil: until });
  });

  it('leaves the overlap out from the moment it ends', () =>
    expect(credentialSummary(withOverlap, Date.parse(until))).not.toHaveProperty('previousPasswordValidUntil'));

  it('shows no overlap for a credential whose password was never changed with one', () =>
    expect(credentialSummary(doc, Date.parse(until))).toEqual({ credentialId: doc.credentialId, username: 'alice', createdAt: doc.createdAt }));
});
