import fc from 'fast-check';
import { fromPosition, toPosition } from './positions';

describe('JetStream positions', () => {
  it('round-trip a message sequence and event index', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 0, max: 999 }), (seq, index) => {
        expect(fromPosition(toPosition(seq, index))).toEqual({ seq, index });
      }),
    );
  });

  it('order as integers exactly as (sequence, index) pairs do', () => {
    const pair = fc.tuple(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 0, max: 999 }));
    fc.assert(
      fc.property(pair, pair, ([s1, i1], [s2, i2]) => {
        const byPair = s1 - s2 || i1 - i2;
        const byPosition = BigInt(toPosition(s1, i1)) - BigInt(toPosition(s2, i2));
        expect(Math.sign(byPair)).toBe(Math.sign(Number(byPosition)));
      }),
    );
  });

  it('stays exact beyond the sequences plain arithmetic can hold', () => {
    const seq = 2 ** 53;
    expect(toPosition(seq, 7)).toBe((BigInt(seq) * 1000n + 7n).toString());
    expect(toPosition(9_007_199_254_740, 991)).toBe('9007199254740991');
  });

  it('treats "0" as before the first event and rejects what is not a decimal', () => {
    expect(BigInt('0') < BigInt(toPosition(1, 0))).toBe(true);
    expect(() => fromPosition('-1')).toThrow();
    expect(() => fromPosition('1e3')).toThrow();
  });
});
