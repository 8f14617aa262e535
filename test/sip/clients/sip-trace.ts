/**
 * Reads the SIP messages a client printed (sipsak -vvv, baresip -s, linphonec -d 6 all print each
 * message whole, start line first, headers one per line) and tells how its call went, the same way
 * for every client.
 */

export interface TracedMessage {
  /** `INVITE`, `ACK`, … for a request; undefined for a response. */
  method?: string;
  requestUri?: string;
  status?: number;
  /** Header values by lower-cased name, in order. */
  headers: Map<string, string[]>;
}

/** What a client's call attempt came to, read from its own trace. */
export interface CallOutcome {
  client: string;
  /** The client received a 200 to its INVITE. */
  answered: boolean;
  /** Status of the last final response to an INVITE (e.g. 200, 403, 407). */
  finalStatus?: number;
  /** The algorithms the edge's 407 offered, in order. */
  offered: string[];
  /** The algorithm of the credentials on the client's last INVITE (MD5 when the client left it out). */
  algorithm?: string;
  /** INVITEs the client sent with credentials. */
  credentialedInvites: number;
  /** Contact of the 200: the upstream that answered. */
  answeredBy?: string;
  /** The ACK to the 200 repeated the INVITE's credentials (RFC 3261 §22.1 / 13.2.2.4). */
  ackCarriedCredentials: boolean;
  /** The client hung up and its BYE was answered 200 (the upstream saw the ACK first). */
  byeAnswered: boolean;
  /** The client's own words when it gave up, if it said any. */
  reason?: string;
  exitCode?: number | null;
  /** The client's output, for failure messages. */
  log: string;
}

const START_LINE = /^(?:SIP\/2\.0 (\d{3}) .*|([A-Z]+) (sips?:\S+) SIP\/2\.0)\s*$/;
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*)$/;
const COMPACT: Record<string, string> = { v: 'via', f: 'from', t: 'to', i: 'call-id', m: 'contact', l: 'content-length', c: 'content-type' };

/** Every SIP message in `log` (duplicates included, when a client prints one twice). */
export function tracedMessages(log: string): TracedMessage[] {
  const messages: TracedMessage[] = [];
  let current: TracedMessage | undefined;
  for (const raw of log.split(/\r?\n/)) {
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
    const start = START_LINE.exec(line);
    if (start) {
      current = start[1]
        ? { status: Number(start[1]), headers: new Map() }
        : { method: start[2], requestUri: start[3], headers: new Map() };
      messages.push(current);
      continue;
    }
    const header = current && HEADER_LINE.exec(line);
    if (current && header) {
      const name = header[1].toLowerCase();
      const key = COMPACT[name] ?? name;
      current.headers.set(key, [...(current.headers.get(key) ?? []), header[2].trim()]);
    } else {
      current = undefined; // a blank line (body follows) or a log line ends the headers
    }
  }
  return messages;
}

const header = (m: TracedMessage, name: string) => m.headers.get(name)?.[0];
const cseqMethod = (m: TracedMessage) => header(m, 'cseq')?.split(/\s+/)[1]?.toUpperCase();
const cseqNumber = (m: TracedMessage) => header(m, 'cseq')?.split(/\s+/)[0];
/** `algorithm=` of a Digest header value; RFC 2617 says absent means MD5. */
export const digestAlgorithm = (value: string) => /algorithm\s*=\s*"?([A-Za-z0-9-]+)"?/i.exec(value)?.[1]?.toUpperCase() ?? 'MD5';

/** How the call went, from the messages in `log`. */
export function callOutcome(client: string, log: string, extra: { reason?: string; exitCode?: number | null } = {}): CallOutcome {
  const messages = tracedMessages(log);
  const invites = messages.filter((m) => m.method === 'INVITE');
  const credentialed = invites.filter((m) => m.headers.has('proxy-authorization'));
  const inviteFinals = messages.filter((m) => m.status !== undefined && m.status >= 200 && cseqMethod(m) === 'INVITE');
  const challenge = inviteFinals.find((m) => m.status === 407);
  const ok = inviteFinals.filter((m) => m.status === 200);
  const okCseq = ok.length ? cseqNumber(ok[ok.length - 1]) : undefined;
  const ack2xx = messages.filter((m) => m.method === 'ACK' && okCseq !== undefined && cseqNumber(m) === okCseq);
  const lastCredentials = credentialed.length ? header(credentialed[credentialed.length - 1], 'proxy-authorization') : undefined;
  return {
    client,
    answered: ok.length > 0,
    finalStatus: inviteFinals.length ? inviteFinals[inviteFinals.length - 1].status : undefined,
    offered: (challenge?.headers.get('proxy-authenticate') ?? []).map(digestAlgorithm),
    algorithm: lastCredentials ? digestAlgorithm(lastCredentials) : undefined,
    credentialedInvites: new Set(credentialed.map((m) => header(m, 'via'))).size,
    answeredBy: ok.length ? header(ok[0], 'contact') : undefined,
    ackCarriedCredentials: ack2xx.some((m) => m.headers.has('proxy-authorization')),
    byeAnswered: messages.some((m) => m.status === 200 && cseqMethod(m) === 'BYE'),
    reason: extra.reason,
    exitCode: extra.exitCode,
    log: log.length > 20_000 ? log.slice(-20_000) : log,
  };
}
