import { keys, type TrunkDoc } from '@sipauth/contracts';
import { ACCOUNT, NOW, StreamWriter, TRUNK } from '../../test/recorded-events';
import type { ReadModelDoc } from './projection.types';
import { project } from './read-model.projection';

describe('the trunk projection of TrunkLockoutPolicySet (SPEC §5.1)', () => {
  const key = keys.trunk(ACCOUNT, TRUNK);
  const trunk = new StreamWriter(`trunk-${TRUNK}`);
  const created = trunk.record('TrunkCreated', { trunkId: TRUNK, accountId: ACCOUNT, friendlyName: 'Main', domainName: 'acme.example.net', createdAt: NOW });
  const strict = trunk.record('TrunkLockoutPolicySet', { trunkId: TRUNK, enabled: true, maxFailures: 3, windowSeconds: 30, lockoutSeconds: 900 });
  const off = trunk.record('TrunkLockoutPolicySet', { trunkId: TRUNK, enabled: false, maxFailures: 10, windowSeconds: 60, lockoutSeconds: 300 });
  const apply = (events: typeof created[], docs = new Map<string, ReadModelDoc>()) => {
    for (const event of events) for (const op of project(event, (k) => docs.get(k))) if (op.op === 'put') docs.set(op.key, op.doc);
    return docs;
  };

  it('leaves a new trunk without a policy of its own, so readers apply the default', () =>
    expect(apply([created]).get(key)).not.toHaveProperty('lockoutPolicy'));

  it('records the policy the trunk set, and the latest one when it sets another', () => {
    const docs = apply([created, strict]);
    expect((docs.get(key) as TrunkDoc).lockoutPolicy).toEqual({ enabled: true, maxFailures: 3, windowSeconds: 30, lockoutSeconds: 900 });
    apply([off], docs);
    expect(docs.get(key)).toMatchObject({ lockoutPolicy: { enabled: false, maxFailures: 10, windowSeconds: 60, lockoutSeconds: 300 }, revision: 2 });
  });

  it('applies nothing a second time when the event is delivered again', () => {
    const docs = apply([created, strict, off]);
    expect(project(strict, (k) => docs.get(k))).toEqual([]);
  });

  it('keeps the order a trunk set as it is, and an empty one for a trunk that set none', () => {
    const docs = apply([created]);
    expect((docs.get(key) as TrunkDoc).digestAlgorithms).toEqual([]);
  });
});
