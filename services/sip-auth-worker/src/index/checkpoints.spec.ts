import { Checkpoints } from './checkpoints';

const doc = (position: string) => ({ position, updatedAt: '2026-01-01T00:00:00.000Z', recordedAt: `at-${position}` });

describe('Checkpoints', () => {
  it('with one stream, moves to each newer checkpoint and never back', () => {
    const c = new Checkpoints(1);
    expect(c.delivered(0, doc('5'))).toEqual(doc('5'));
    expect(c.delivered(0, doc('3'))).toBeUndefined();
    expect(c.delivered(0, doc('9'))?.position).toBe('9');
    expect(c.position.position).toBe('9');
  });

  it('with two streams, is the lower of the two: a change counts as applied once both streams delivered it', () => {
    const c = new Checkpoints(2);
    expect(c.delivered(1, doc('7'))).toBeUndefined();
    expect(c.position.position).toBe('0');
    expect(c.delivered(0, doc('7'))).toEqual(doc('7'));
    expect(c.delivered(0, doc('12'))).toBeUndefined();
    expect(c.delivered(1, doc('10'))).toEqual(doc('10'));
    expect(c.delivered(1, doc('15'))).toEqual(doc('12'));
    expect(c.position).toEqual(doc('12'));
  });

  it('counts every stream as delivered up to what a load read, and ignores older checkpoints arriving after it', () => {
    const c = new Checkpoints(2);
    expect(c.loaded(doc('20'))?.position).toBe('20');
    expect(c.delivered(0, doc('18'))).toBeUndefined();
    expect(c.delivered(1, doc('21'))).toBeUndefined();
    expect(c.delivered(0, doc('21'))?.position).toBe('21');
  });
});
