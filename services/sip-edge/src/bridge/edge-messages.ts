/**
 * The evapi messages between deploy/kamailio/kamailio.cfg and the bridge. Kamailio sends a question
 * per suspended transaction; strings taken from the SIP message arrive base64-encoded so the
 * config needs no JSON escaping. The bridge answers with the SIP status and the header lines to
 * append to the reply; Kamailio resumes the transaction (`t_continue`) with them.
 */
import type { AuthDecision, AuthorizeRequest } from '@sipauth/contracts';

/** A decoded question: the transaction to resume and the worker request. */
export interface EdgeQuestion {
  tindex: number;
  tlabel: number;
  request: AuthorizeRequest & { transactionId?: string };
}

/** The SIP outcome Kamailio applies: 200 forwards, any other code is the reply. */
export interface EdgeAnswer {
  tindex: number;
  tlabel: number;
  code: 200 | 403 | 404 | 407 | 503;
  /** Header lines (each CRLF-terminated) Kamailio appends to the reply. */
  hdrs?: string;
}

const b64 = (v: unknown): string | undefined => (typeof v === 'string' ? Buffer.from(v, 'base64').toString('utf8') : undefined);

/** Parses one evapi payload; throws naming the field for anything else (the bridge logs and drops it). */
export function decodeQuestion(payload: string): EdgeQuestion {
  const raw = JSON.parse(payload) as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null) throw new Error('question: not a JSON object');
  const { tindex, tlabel, sourceIp } = raw;
  if (!Number.isInteger(tindex) || !Number.isInteger(tlabel)) throw new Error('question: tindex and tlabel must be integers');
  if (typeof sourceIp !== 'string') throw new Error('question: sourceIp must be a string');
  const request: EdgeQuestion['request'] = {
    domain: b64(raw.domain) ?? '',
    sourceIp,
    method: b64(raw.method) ?? '',
    requestUri: b64(raw.requestUri) ?? '',
  };
  const authorization = b64(raw.authorization);
  if (authorization !== undefined) request.authorization = authorization;
  const body = b64(raw.body);
  if (body !== undefined) request.body = body;
  const transactionId = b64(raw.transactionId);
  if (transactionId) request.transactionId = transactionId;
  return { tindex: tindex as number, tlabel: tlabel as number, request };
}

/** A header value that could split the reply (CR, LF, NUL) is never sent. */
const SAFE_VALUE = /^[^\r\n\0]+$/;

/** The SIP outcome of a worker decision (SPEC §10): allow forwards, challenge 407, deny 403/404. */
export function answerFor(q: Pick<EdgeQuestion, 'tindex' | 'tlabel'>, decision: AuthDecision): EdgeAnswer {
  const { tindex, tlabel } = q;
  if (decision.decision === 'allow') return { tindex, tlabel, code: 200 };
  if (decision.decision === 'challenge') {
    const values = (decision.proxyAuthenticate ?? []).filter((v) => SAFE_VALUE.test(v));
    if (values.length === 0) return unavailable(q);
    return { tindex, tlabel, code: 407, hdrs: values.map((v) => `Proxy-Authenticate: ${v}\r\n`).join('') };
  }
  return { tindex, tlabel, code: decision.status === 404 ? 404 : 403 };
}

/** Fail closed: the worker did not answer (in time, or at all). */
export function unavailable(q: Pick<EdgeQuestion, 'tindex' | 'tlabel'>): EdgeAnswer {
  return { tindex: q.tindex, tlabel: q.tlabel, code: 503 };
}
