import { Batcher } from './batcher';

describe('Batcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('hands over everything pushed within the window in one batch, in order, then starts a new one', () => {
    const batches: number[][] = [];
    const b = new Batcher<number>(2, (items) => batches.push(items));
    b.push(1);
    b.push(2);
    jest.advanceTimersByTime(1);
    b.push(3);
    expect(batches).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(batches).toEqual([[1, 2, 3]]);
    b.push(4);
    jest.advanceTimersByTime(2);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('with a window of 0 hands over at the end of the event-loop turn', () => {
    const batches: string[][] = [];
    const b = new Batcher<string>(0, (items) => batches.push(items));
    b.push('a');
    b.push('b');
    expect(batches).toEqual([]);
    jest.runOnlyPendingTimers();
    expect(batches).toEqual([['a', 'b']]);
  });
});
