import fc from 'fast-check';
import { esdbFromPosition, esdbToPosition } from './esdb-positions';

const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });

describe('EventStoreDB positions', () => {
  it('round-trip a (commit, prepare) pair', () => {
    fc.assert(fc.property(u64, u64, (commit, prepare) => expect(esdbFromPosition(esdbToPosition({ commit, prepare }))).toEqual({ commit, prepare })));
  });

  it('order as integers exactly as $all orders (commit, prepare) pairs', () => {
    fc.assert(
      fc.property(u64, u64, u64, u64, (c1, p1, c2, p2) => {
        const byPair = c1 === c2 ? (p1 === p2 ? 0 : p1 < p2 ? -1 : 1) : c1 < c2 ? -1 : 1;
        const a = BigInt(esdbToPosition({ commit: c1, prepare: p1 }));
        const b = BigInt(esdbToPosition({ commit: c2, prepare: p2 }));
        expect(a === b ? 0 : a < b ? -1 : 1).toBe(byPair);
      }),
    );
  });
});
