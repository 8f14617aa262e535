import { deterministicUuid, eventIdsFor } from './event-ids';

const UUID_V1_TO_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  it('derives the same well-formed version 5 UUID from the same parts, and another from other parts', () => {
    const a = deterministicUuid('acme', 'credential.add', 'req-1');
    expect(a).toMatch(UUID_V1_TO_V5);
    expect(a[14]).toBe('5');
    expect(deterministicUuid('acme', 'credential.add', 'req-1')).toBe(a);
    expect(deterministicUuid('acme', 'credential.add', 'req-2')).not.toBe(a);
    expect(deterministicUuid('acme', 'credential.ad', 'dreq-1')).not.toBe(a);
  });

  it('gives each event of one command its own id, stable with a key and random without', () => {
    const keyed = eventIdsFor('acme\0trunk.create\0r', 'trunk-TK1', 'CreateTrunk', 3);
    expect(new Set(keyed).size).toBe(3);
    expect(eventIdsFor('acme\0trunk.create\0r', 'trunk-TK1', 'CreateTrunk', 3)).toEqual(keyed);
    expect(eventIdsFor('acme\0trunk.create\0r', 'trunkDomain-a', 'CreateTrunk', 1)[0]).not.toBe(keyed[0]);
    expect(eventIdsFor(undefined, 'trunk-TK1', 'CreateTrunk', 1)[0]).not.toBe(eventIdsFor(undefined, 'trunk-TK1', 'CreateTrunk', 1)[0]);
    expect(eventIdsFor(undefined, 'trunk-TK1', 'CreateTrunk', 2).every((id) => UUID_V1_TO_V5.test(id))).toBe(true);
  });
});
