import type { SealedHa1s } from '../common';
import { DeciderSpecification } from '../testing';
import { credentialListDecider } from './credential-list.decider';
import { upcastCredentialListEvent } from './credential-list.upcast';

/**
 * Events stored before password overlaps existed (SPEC §5.2) are version 1 without `previousHa1` /
 * `previousValidUntil`: the current shape makes both optional, so they read unchanged as changes
 * without an overlap, and no upcast step is needed (README "Events are a storage contract").
 */
describe('reading credential list events stored before password overlaps', () => {
  const credentialListId = 'CL' + '1'.repeat(32);
  const credentialId = 'CR' + 'a'.repeat(32);
  const ha1: SealedHa1s = { 'MD5': 'k1.a', 'SHA-256': 'k1.b', 'SHA-512-256': 'k1.c' };
  const storedV1 = { credentialListId, credentialId, realm: 'sipauth.local', ha1 };

  it('reads a version 1 CredentialPasswordChanged as a change without an overlap', () => {
    const event = upcastCredentialListEvent('CredentialPasswordChanged', storedV1, 1);
    expect(event).toEqual({ type: 'CredentialPasswordChanged', data: storedV1 });
    expect(event.type === 'CredentialPasswordChanged' && event.data.previousValidUntil).toBeUndefined();
  });

  it('folds a stored version 1 change so that a later change carries its hashes into an overlap', () => {
    const now = '2025-01-01T00:00:00.000Z';
    const history = [
      upcastCredentialListEvent('CredentialListCreated', { credentialListId, accountId: 'acme', friendlyName: 'Office', createdAt: now }, 1),
      upcastCredentialListEvent('CredentialAdded', { credentialListId, credentialId, username: 'alice', realm: 'sipauth.local', ha1: { ...ha1, MD5: 'k1.old' }, createdAt: now }, 1),
      upcastCredentialListEvent('CredentialPasswordChanged', storedV1, 1),
    ];
    const newHa1 = { ...ha1, MD5: 'k1.new' };
    return DeciderSpecification.for(credentialListDecider).given(history)
      .when({ type: 'ChangeCredentialPassword', accountId: 'acme', credentialListId, credentialId, realm: 'sipauth.local', ha1: newHa1, now, previousPasswordValidForSeconds: 60 })
      .then([{
        type: 'CredentialPasswordChanged',
        data: { credentialListId, credentialId, realm: 'sipauth.local', ha1: newHa1, previousHa1: ha1, previousValidUntil: '2025-01-01T00:01:00.000Z' },
      }]);
  });
});
