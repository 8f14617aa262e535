import { HoldWhileBusy } from './hold-while-busy';

describe('HoldWhileBusy', () => {
  let inFlight: number;
  let batches: string[][];
  let hold: HoldWhileBusy<string>;
  beforeEach(() => {
    jest.useFakeTimers();
    inFlight = 0;
    batches = [];
    hold = new HoldWhileBusy(() => inFlight > 0, 2, (items) => {
      batches.push(items);
      inFlight += items.length;
    });
  });
  afterEach(() => jest.useRealTimers());
  /** The end of the current event-loop turn (setImmediate), without moving the clock. */
  const endOfTurn = () => jest.advanceTimersByTime(0);

  it('with nothing in flight hands over what arrived in one turn at the end of that turn', () => {
    hold.push('a');
    hold.push('b');
    expect(batches).toEqual([]);
    endOfTurn();
    expect(batches).toEqual([['a', 'b']]);
  });

  it('while earlier items are in flight holds new ones until a reply releases them, then sends them together', () => {
    hold.push('a');
    endOfTurn();
    hold.push('b');
    endOfTurn();
    hold.push('c');
    endOfTurn();
    expect(batches).toEqual([['a']]);
    inFlight--;
    hold.release();
    endOfTurn();
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it('sends what it holds after maxHoldMs when no reply comes (a stalled worker delays, never drops)', () => {
    hold.push('a');
    endOfTurn();
    hold.push('b');
    jest.advanceTimersByTime(1);
    expect(batches).toEqual([['a']]);
    jest.advanceTimersByTime(1);
    jest.runOnlyPendingTimers();
    expect(batches).toEqual([['a'], ['b']]);
  });

  it('a release with nothing held sends nothing, and leaves no timer behind', () => {
    hold.push('a');
    endOfTurn();
    inFlight = 0;
    hold.release();
    jest.runOnlyPendingTimers();
    expect(batches).toEqual([['a']]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('a release cancels the hold timer, so held items go out once', () => {
    hold.push('a');
    endOfTurn();
    hold.push('b');
    hold.release();
    jest.advanceTimersByTime(5);
    expect(batches).toEqual([['a'], ['b']]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
