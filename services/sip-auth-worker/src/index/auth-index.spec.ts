import { keys, type TrunkDoc } from '@sipauth/contracts';
import { SealingKeyring } from '@sipauth/sip-digest';
import { AuthIndex } from './auth-index';

const keyring = SealingKeyring.fromConfig(`k1:${Buffer.alloc(32, 2).toString('base64')}`);
const trunk = (trunkId: string, domainName: string, position: string): TrunkDoc => ({
  trunkId, accountId: 'acme', friendlyName: trunkId, domainName, credentialListIds: [], ipAccessControlListIds: [],
  digestAlgorithms: [], revision: 0, position, updatedAt: '2026-11-26T00:00:00Z', createdAt: '2026-11-26T00:00:00Z',
});

describe('AuthIndex domain lookup', () => {
  it('finds a trunk by its domain and forgets it when the trunk is deleted', () => {
    const index = new AuthIndex('sipauth.test', keyring);
    index.apply(keys.trunk('acme', 'TKa'), trunk('TKa', 'acme.pstn.example.net', '1000'));
    expect(index.trunkByDomain('acme.pstn.example.net')?.trunkId).toBe('TKa');
    index.apply(keys.trunk('acme', 'TKa'), undefined);
    expect(index.trunkByDomain('acme.pstn.example.net')).toBeUndefined();
  });

  it('keeps a domain on its newer trunk while a replay briefly re-creates and re-deletes the older one', () => {
    const index = new AuthIndex('sipauth.test', keyring);
    index.apply(keys.trunk('acme', 'TKold'), trunk('TKold', 'shared.pstn.example.net', '1000'));
    index.apply(keys.trunk('acme', 'TKold'), undefined);
    index.apply(keys.trunk('globex', 'TKnew'), trunk('TKnew', 'shared.pstn.example.net', '5000'));
    // The projection replays from an older checkpoint: the deleted trunk reappears, then goes again.
    index.apply(keys.trunk('acme', 'TKold'), trunk('TKold', 'shared.pstn.example.net', '1000'));
    expect(index.trunkByDomain('shared.pstn.example.net')?.trunkId).toBe('TKnew');
    index.apply(keys.trunk('acme', 'TKold'), undefined);
    expect(index.trunkByDomain('shared.pstn.example.net')?.trunkId).toBe('TKnew');
  });

  it('moves a domain with its trunk when a document changes it', () => {
    const index = new AuthIndex('sipauth.test', keyring);
    index.apply(keys.trunk('acme', 'TKa'), trunk('TKa', 'one.example.net', '1000'));
    index.apply(keys.trunk('acme', 'TKa'), trunk('TKa', 'two.example.net', '2000'));
    expect(index.trunkByDomain('one.example.net')).toBeUndefined();
    expect(index.trunkByDomain('two.example.net')?.trunkId).toBe('TKa');
  });
});
