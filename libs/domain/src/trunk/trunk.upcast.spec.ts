import { DeciderSpecification } from '../testing';
import { trunkDecider } from './trunk.decider';
import { upcastTrunkEvent } from './trunk.upcast';

/**
 * Trunks created before the default challenge order became MD5 then SHA-256, and before lockout
 * policies existed, have version 1 events that never state an order or a policy: they fold into a trunk
 * that set neither, so readers give it the current defaults (SPEC §5, §5.1) and no upcast step is needed.
 */
describe('reading trunk events stored before lockout policies and the MD5-first default', () => {
  const trunkId = 'TK' + '1'.repeat(32);
  const now = '2025-01-01T00:00:00.000Z';
  const createdV1 = upcastTrunkEvent('TrunkCreated', { trunkId, accountId: 'acme', friendlyName: 'Main', domainName: 'acme.example.net', createdAt: now }, 1);
  const state = () => trunkDecider.evolve(trunkDecider.initialState(), createdV1);

  it('folds a version 1 TrunkCreated into a trunk that set no digest order and no lockout policy', () => {
    const trunk = state();
    expect(trunk).toMatchObject({ status: 'Active', digestAlgorithms: [] });
    expect(trunk.status === 'Active' && trunk.lockoutPolicy).toBeUndefined();
  });

  it('records the old default order when such a trunk asks for it, so it keeps SHA-256 first', () =>
    DeciderSpecification.for(trunkDecider).given([createdV1])
      .when({ type: 'SetDigestAlgorithms', accountId: 'acme', trunkId, algorithms: ['SHA-256', 'MD5'] })
      .then([{ type: 'TrunkDigestAlgorithmsSet', data: { trunkId, algorithms: ['SHA-256', 'MD5'] } }]));
});
