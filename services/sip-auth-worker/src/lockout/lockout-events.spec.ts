import { decodeEvents, encodeEvent, LockoutEvent } from './lockout-events';

describe('lockout events between replicas', () => {
  it('reads back every kind of event, several per message', () => {
    const events: LockoutEvent[] = [
      { k: 'f', origin: 'abc', trunkId: 'TK1', accountId: 'AC1', sourceIp: '2001:db8::1', maxFailures: 10, windowSeconds: 60, lockoutSeconds: 300, username: 'al|ice' },
      { k: 'ok', trunkId: 'TK1', sourceIp: '192.0.2.1' },
      { k: 'clear', trunkId: 'TK1' },
      { k: 'clear', trunkId: 'TK1', sourceIp: '192.0.2.1' },
    ];
    expect(decodeEvents(events.map(encodeEvent).join('\n'))).toEqual(events);
  });

  it('keeps a username with a line break on one line', () => {
    const line = encodeEvent({ k: 'f', origin: 'o', trunkId: 'T', accountId: 'A', sourceIp: '192.0.2.1', maxFailures: 1, windowSeconds: 1, lockoutSeconds: 1, username: 'a\nok|T|192.0.2.1' });
    expect(decodeEvents(line)).toHaveLength(1);
  });

  it('skips lines it cannot read', () => {
    expect(decodeEvents('nonsense\nf|o|T|A|192.0.2.1|x|1|1|u\nok|T\n')).toEqual([]);
  });
});
