import { LockoutBook, lockoutKey } from './lockout-book';

const policy = { maxFailures: 3, windowSeconds: 10, lockoutSeconds: 60 };
const report = (sourceIp: string, username = 'alice', trunkId = 'TK1') => ({ trunkId, accountId: 'AC1', sourceIp, username, policy });

describe('LockoutBook', () => {
  let now: number;
  let book: LockoutBook;
  beforeEach(() => {
    now = 1_000_000;
    book = new LockoutBook(() => now);
  });

  it('starts a lockout when the window holds maxFailures, with its expiry', () => {
    expect(book.countFailure(report('192.0.2.1')).lockout).toBeUndefined();
    now += 1000;
    expect(book.countFailure(report('192.0.2.1')).lockout).toBeUndefined();
    const { lockout } = book.countFailure(report('192.0.2.1'));
    expect(lockout).toEqual({ trunkId: 'TK1', accountId: 'AC1', sourceIp: '192.0.2.1', lockedAt: now, expiresAt: now + 60_000, failures: 3 });
    expect(book.lockedUntil(lockoutKey('TK1', '192.0.2.1'))).toBe(now + 60_000);
    expect(book.lockedUntil(lockoutKey('TK2', '192.0.2.1'))).toBeUndefined();
  });

  it('keys an IPv6 source with KV-safe characters', () => {
    expect(lockoutKey('TK1', '2001:db8::1')).toBe('TK1.2001_db8__1');
  });

  it('lists only active lockouts of the trunk and clears one source or all, counting active ones', () => {
    for (const ip of ['192.0.2.1', '192.0.2.2']) for (let i = 0; i < 3; i++) book.countFailure(report(ip));
    for (let i = 0; i < 3; i++) book.countFailure(report('192.0.2.1', 'alice', 'TK2'));
    expect(book.active('TK1').map((r) => r.sourceIp)).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(book.clear('TK1', '192.0.2.2')).toBe(1);
    expect(book.active('TK1').map((r) => r.sourceIp)).toEqual(['192.0.2.1']);
    now += 60_000;
    expect(book.active('TK1')).toEqual([]);
    expect(book.clear('TK1')).toBe(0);
    expect(book.lockCount).toBe(1);
  });

  it('drops a lockout record that has already ended instead of storing it', () => {
    book.putLock('TK1.192.0.2.9', { trunkId: 'TK1', accountId: 'AC1', sourceIp: '192.0.2.9', lockedAt: now - 2, expiresAt: now - 1, failures: 3 });
    expect(book.lockCount).toBe(0);
  });

  it('reports a username crossing the threshold from several sources', () => {
    const outcomes = ['192.0.2.1', '192.0.2.2', '192.0.2.3'].map((ip) => book.countFailure(report(ip, 'bob')));
    expect(outcomes.map((o) => o.usernameFailures)).toEqual([undefined, undefined, 3]);
    expect(outcomes.every((o) => o.lockout === undefined)).toBe(true);
  });

  it('forgets the oldest tracked sources beyond its bound, and sweeps counts that left the window', () => {
    const small = new LockoutBook(() => now, 2);
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) small.countFailure(report(ip, ip));
    expect(small.hasFailures(lockoutKey('TK1', '192.0.2.1'))).toBe(false);
    expect(small.hasFailures(lockoutKey('TK1', '192.0.2.3'))).toBe(true);
    now += 11_000;
    small.sweep(10);
    expect(small.counting).toBe(false);
  });
});
