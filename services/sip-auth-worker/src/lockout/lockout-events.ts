/**
 * The events replicas send each other about the lockout, as text lines (cheaper to write and read
 * than JSON on the failure path), several per NATS message: the failures of one event-loop turn go
 * out together. Fields are `|`-separated; the username, which comes from the caller, is last (it may
 * hold `|`) and loses any line break.
 *  - `f|origin|trunkId|accountId|sourceIp|maxFailures|windowSeconds|lockoutSeconds|username`
 *  - `ok|trunkId|sourceIp` (a verified response: the source's count starts again)
 *  - `clear|trunkId|sourceIp?` (an operator cleared the trunk's lockouts, or one source's)
 */
export type LockoutEvent =
  | { k: 'f'; origin: string; trunkId: string; accountId: string; sourceIp: string; maxFailures: number; windowSeconds: number; lockoutSeconds: number; username: string }
  | { k: 'ok'; trunkId: string; sourceIp: string }
  | { k: 'clear'; trunkId: string; sourceIp?: string };

export function encodeEvent(e: LockoutEvent): string {
  switch (e.k) {
    case 'f':
      return `f|${e.origin}|${e.trunkId}|${e.accountId}|${e.sourceIp}|${e.maxFailures}|${e.windowSeconds}|${e.lockoutSeconds}|${e.username.replace(/[\r\n]/g, ' ')}`;
    case 'ok':
      return `ok|${e.trunkId}|${e.sourceIp}`;
    case 'clear':
      return e.sourceIp === undefined ? `clear|${e.trunkId}` : `clear|${e.trunkId}|${e.sourceIp}`;
  }
}

/** The events of one message; lines it cannot read are skipped (a newer replica's kinds, or noise). */
export function decodeEvents(text: string): LockoutEvent[] {
  const events: LockoutEvent[] = [];
  for (const line of text.split('\n')) {
    const p = line.split('|');
    if (p[0] === 'f' && p.length >= 9) {
      const [maxFailures, windowSeconds, lockoutSeconds] = [Number(p[5]), Number(p[6]), Number(p[7])];
      if (![maxFailures, windowSeconds, lockoutSeconds].every((n) => Number.isInteger(n) && n > 0)) continue;
      events.push({ k: 'f', origin: p[1], trunkId: p[2], accountId: p[3], sourceIp: p[4], maxFailures, windowSeconds, lockoutSeconds, username: p.slice(8).join('|') });
    } else if (p[0] === 'ok' && p.length === 3) {
      events.push({ k: 'ok', trunkId: p[1], sourceIp: p[2] });
    } else if (p[0] === 'clear' && (p.length === 2 || p.length === 3)) {
      events.push(p.length === 2 ? { k: 'clear', trunkId: p[1] } : { k: 'clear', trunkId: p[1], sourceIp: p[2] });
    }
  }
  return events;
}
