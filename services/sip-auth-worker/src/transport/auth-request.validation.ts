/**
 * Cheap hand-written checks of the auth requests (SPEC §6), on the hot path instead of
 * class-validator: every bad field is reported, and what passes is already parsed for the engine.
 */
import type { ErrorDetail } from '@sipauth/contracts';
import { formatSourceIp, parseSourceIp, SourceIp } from '@sipauth/ip-acl-match';
import { MAX_HEADER_LENGTH } from '@sipauth/sip-digest';
import type { AuthorizeInput, ChallengeInput, VerifyInput } from '../authorization/authorizer';
import type { ExplainInput } from '../explain/decision-explainer';
import { HostPort, parseSipUriHost } from '../authorization/request-target';

export type Validated<T> = { ok: true; value: T } | { ok: false; details: ErrorDetail[] };

const MAX_DOMAIN = 300;
const MAX_BODY = 256 * 1024;
const METHOD = /^[A-Za-z0-9!%*_+`'~.-]{1,32}$/;
/** A Via branch is a token; 256 characters is far above any real one. */
const MAX_TRANSACTION_ID = 256;
const MAX_EXPLAIN_FIELD = 256;

type Body = Record<string, unknown>;

class Fields {
  readonly details: ErrorDetail[] = [];
  constructor(private readonly body: Body) {}

  private bad(field: string, message: string): undefined {
    this.details.push({ field, message });
    return undefined;
  }

  string(field: string, required: boolean, max: number): string | undefined {
    const v = this.body[field];
    if (v === undefined || v === null) return required ? this.bad(field, 'is required') : undefined;
    if (typeof v !== 'string') return this.bad(field, 'must be a string');
    if (required && v.length === 0) return this.bad(field, 'must not be empty');
    return v.length > max ? this.bad(field, `must be at most ${max} characters`) : v;
  }

  domain(): string {
    return this.string('domain', true, MAX_DOMAIN) ?? '';
  }

  source(required: boolean): SourceIp | undefined {
    const text = this.string('sourceIp', required, 64);
    if (text === undefined) return undefined;
    return parseSourceIp(text) ?? this.bad('sourceIp', 'must be an IPv4 or IPv6 address');
  }

  /** An optional non-empty string: `""` is refused rather than read as absent. */
  optional(field: string, max: number): string | undefined {
    const v = this.string(field, false, max);
    return v === '' ? this.bad(field, 'must not be empty when given') : v;
  }

  method(required = true): string {
    const v = this.string('method', required, 32);
    if (v !== undefined && !METHOD.test(v)) this.bad('method', 'must be a SIP method token, e.g. INVITE');
    return v ?? '';
  }

  requestUri(): HostPort {
    const v = this.string('requestUri', true, 2048);
    const target = v === undefined ? undefined : parseSipUriHost(v);
    if (v !== undefined && !target) this.bad('requestUri', 'must be a sip: or sips: URI with a host');
    return target ?? { host: '' };
  }
}

function fieldsOf(body: unknown): Fields | ErrorDetail[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [{ field: '(body)', message: 'must be a JSON object' }];
  return new Fields(body as Body);
}

function result<T>(f: Fields, value: T): Validated<T> {
  return f.details.length === 0 ? { ok: true, value } : { ok: false, details: f.details };
}

export function validateAuthorize(body: unknown): Validated<AuthorizeInput> {
  const f = fieldsOf(body);
  if (Array.isArray(f)) return { ok: false, details: f };
  const value: AuthorizeInput = { domain: f.domain(), source: f.source(true) as SourceIp, method: f.method(), requestUri: f.requestUri() };
  const authorization = f.string('authorization', false, MAX_HEADER_LENGTH);
  const content = f.string('body', false, MAX_BODY);
  // An edge that copies a missing header as "" has sent no credentials: challenge it (SPEC §5 step 5).
  if (authorization !== undefined && authorization.trim() !== '') value.authorization = authorization;
  if (content !== undefined) value.body = content;
  const transactionId = f.optional('transactionId', MAX_TRANSACTION_ID);
  if (transactionId !== undefined) value.transactionId = transactionId;
  return result(f, value);
}

export function validateChallenge(body: unknown): Validated<ChallengeInput> {
  const f = fieldsOf(body);
  if (Array.isArray(f)) return { ok: false, details: f };
  const value: ChallengeInput = { domain: f.domain() };
  const source = f.source(false);
  if (source) value.source = source;
  f.optional('transactionId', MAX_TRANSACTION_ID);
  return result(f, value);
}

/** `sourceIp` is used only for the lockout (checked and counted): verify is the digest check alone. */
export function validateVerify(body: unknown): Validated<VerifyInput> {
  const f = fieldsOf(body);
  if (Array.isArray(f)) return { ok: false, details: f };
  const value: VerifyInput = {
    domain: f.domain(), method: f.method(), requestUri: f.requestUri(),
    authorization: f.string('authorization', true, MAX_HEADER_LENGTH) ?? '',
  };
  const source = f.source(false);
  if (source) value.source = source;
  const content = f.string('body', false, MAX_BODY);
  if (content !== undefined) value.body = content;
  const transactionId = f.optional('transactionId', MAX_TRANSACTION_ID);
  if (transactionId !== undefined) value.transactionId = transactionId;
  return result(f, value);
}

/** auth.explain: a password only ever reaches the digest computation of the synthetic request. */
export function validateExplain(body: unknown): Validated<ExplainInput> {
  const f = fieldsOf(body);
  if (Array.isArray(f)) return { ok: false, details: f };
  const value: ExplainInput = { domain: f.domain(), source: f.source(true) as SourceIp, method: 'INVITE' };
  if ((body as Body).method !== undefined) value.method = f.method();
  const username = f.optional('username', MAX_EXPLAIN_FIELD);
  const password = f.optional('password', MAX_EXPLAIN_FIELD);
  if (username !== undefined) value.username = username;
  if (password !== undefined) value.password = password;
  if ((username === undefined) !== (password === undefined)) {
    f.details.push({ field: username === undefined ? 'username' : 'password', message: 'is required when the other of username and password is given' });
  }
  return result(f, value);
}

/** auth.lockouts.list / auth.lockouts.clear. */
export function validateLockouts(body: unknown, withSource: boolean): Validated<{ accountId: string; trunkId: string; sourceIp?: string }> {
  const f = fieldsOf(body);
  if (Array.isArray(f)) return { ok: false, details: f };
  const value: { accountId: string; trunkId: string; sourceIp?: string } = {
    accountId: f.string('accountId', true, 128) ?? '', trunkId: f.string('trunkId', true, 128) ?? '',
  };
  if (withSource) {
    const source = f.source(false);
    if (source) value.sourceIp = formatSourceIp(source);
  }
  return result(f, value);
}
