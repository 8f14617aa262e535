import { KeyedQueue } from './keyed-queue';

/** A promise settled from outside, to control the order tasks finish in. */
function gate(): { promise: Promise<void>; open(): void; fail(err: Error): void } {
  let open = (): void => undefined;
  let fail = (_: Error): void => undefined;
  const promise = new Promise<void>((resolve, reject) => { open = resolve; fail = reject; });
  return { promise, open, fail };
}

describe('KeyedQueue', () => {
  it('runs the tasks of one key one at a time, in arrival order', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const first = gate();
    const a = queue.run('s', async () => { log.push('a start'); await first.promise; log.push('a end'); });
    const b = queue.run('s', async () => { log.push('b start'); });
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.open();
    await Promise.all([a, b]);
    expect(log).toEqual(['a start', 'a end', 'b start']);
  });

  it('runs tasks of different keys side by side', async () => {
    const queue = new KeyedQueue();
    const held = gate();
    const slow = queue.run('x', () => held.promise);
    expect(await queue.run('y', async () => 'done')).toBe('done');
    held.open();
    await slow;
  });

  it('passes a failure to its own caller only; the next task of the key still runs, and the key is forgotten when idle', async () => {
    const queue = new KeyedQueue();
    const failing = gate();
    const a = queue.run('s', () => failing.promise);
    const b = queue.run('s', async () => 'after');
    failing.fail(new Error('boom'));
    await expect(a).rejects.toThrow('boom');
    expect(await b).toBe('after');
    await new Promise((r) => setImmediate(r));
    expect(queue.size).toBe(0);
  });
});
