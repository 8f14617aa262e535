/**
 * The input rules of SPEC §3 as pure functions. The deciders apply them again; the config-service
 * DTOs reuse them so that the edge and the core can never disagree. Each check returns the problem
 * (field + message) or undefined; none of them ever echoes a password.
 */
import { parseCidr, type Cidr } from '@sipauth/ip-acl-match';
import type { DigestAlgorithmName, ListKind, LockoutPolicyData } from './common';
import { ValidationFailed, type FieldProblem } from './errors';

export const MAX_CREDENTIALS_PER_LIST = 1000;
export const MAX_IP_ADDRESSES_PER_ACL = 1000;
/** Per kind: a trunk holds at most this many credential lists and this many IP ACLs. */
export const MAX_LISTS_PER_TRUNK = 100;

export const FRIENDLY_NAME_MAX_LENGTH = 64;
export const USERNAME_MAX_LENGTH = 32;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const DOMAIN_NAME_MAX_LENGTH = 253;

export const LIST_KIND_NAMES: readonly ListKind[] = ['credentialList', 'ipAccessControlList'];
export const DIGEST_ALGORITHM_NAMES: readonly DigestAlgorithmName[] = ['SHA-512-256', 'SHA-256', 'MD5'];

/**
 * Limits of a trunk's lockout policy (SPEC §5.1): at least one failure, and windows and lockouts from
 * one second to one day (a longer lockout is an operator's block, which belongs in the IP ACLs).
 */
export const LOCKOUT_LIMITS = {
  maxFailures: { min: 1, max: 1000 },
  windowSeconds: { min: 1, max: 86_400 },
  lockoutSeconds: { min: 1, max: 86_400 },
} as const;
/** Credentials one import command may carry: a whole list's worth (SPEC §3), all or none. */
export const MAX_CREDENTIALS_PER_IMPORT = MAX_CREDENTIALS_PER_LIST;
/**
 * Credentials per `CredentialsImported` event. Measured with real sealed HA1s (credential-import.int.spec):
 * ~500 B per credential with a 32-character username, so a full import of 1,000 is ~500 KB in one
 * append (the JetStream adapter writes one append as one message; the limit is 1 MB) and each event
 * stays ~125 KB.
 */
export const MAX_CREDENTIALS_PER_IMPORTED_EVENT = 250;
/** Longest overlap of a replaced password (SPEC §5.2): one week. */
export const MAX_PREVIOUS_PASSWORD_VALID_FOR_SECONDS = 604_800;

/** Type prefix of each generated id (`CL` + 32 lower-case hex digits, …). */
export const ID_PREFIXES = {
  credentialList: 'CL',
  credential: 'CR',
  ipAccessControlList: 'AL',
  ipAddress: 'IP',
  trunk: 'TK',
} as const;
export type IdPrefix = (typeof ID_PREFIXES)[keyof typeof ID_PREFIXES];

export type Normalised<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

const problem = (field: string, message: string): FieldProblem => ({ field, message });
const codePointLength = (value: string): number => [...value].length;

// Controls, lone surrogates and unassigned code points cannot be displayed; format characters (bidi
// overrides, zero-width), private-use code points and line/paragraph separators do not print either and
// let a name look like another.
const NON_PRINTABLE = /[\p{Cc}\p{Cs}\p{Cn}\p{Cf}\p{Co}\p{Zl}\p{Zp}]/u;
const USERNAME = /^[A-Za-z0-9._~!$&'()*+,;=-]+$/;
const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const RESOURCE_ID = /^[A-Z]{2}[0-9a-f]{32}$/;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** 1–64 printable characters, not blank. */
export function checkFriendlyName(value: unknown, field = 'friendlyName'): FieldProblem | undefined {
  if (typeof value !== 'string') return problem(field, 'must be a string');
  const length = codePointLength(value);
  if (length < 1 || length > FRIENDLY_NAME_MAX_LENGTH) {
    return problem(field, `must be 1 to ${FRIENDLY_NAME_MAX_LENGTH} characters long`);
  }
  if (NON_PRINTABLE.test(value)) return problem(field, 'must contain only printable characters');
  if (value.trim().length === 0) return problem(field, 'must not be blank');
  return undefined;
}

/** 1–32 characters of `A-Za-z0-9._~!$&'()*+,;=-` (the unreserved and sub-delims of RFC 3261 `user`). */
export function checkUsername(value: unknown, field = 'username'): FieldProblem | undefined {
  if (typeof value !== 'string') return problem(field, 'must be a string');
  if (value.length < 1 || value.length > USERNAME_MAX_LENGTH) {
    return problem(field, `must be 1 to ${USERNAME_MAX_LENGTH} characters long`);
  }
  if (!USERNAME.test(value)) return problem(field, "may contain only letters, digits and . _ ~ ! $ & ' ( ) * + , ; = -");
  return undefined;
}

/**
 * 12–128 characters with at least one upper-case letter, one lower-case letter and one digit.
 * The message names the unmet requirements, never the password itself.
 */
export function checkPassword(value: unknown, field = 'password'): FieldProblem | undefined {
  if (typeof value !== 'string') return problem(field, 'must be a string');
  const missing: string[] = [];
  const length = codePointLength(value);
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    missing.push(`a length of ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`);
  }
  if (!/\p{Lu}/u.test(value)) missing.push('an upper-case letter');
  if (!/\p{Ll}/u.test(value)) missing.push('a lower-case letter');
  if (!/\p{Nd}/u.test(value)) missing.push('a digit');
  if (missing.length === 0) return undefined;
  return problem(field, `must have ${missing.join(', ')}`);
}

/** An MD5 HA1 as Kamailio's `subscriber.ha1` holds it: 32 hex digits (either case). */
export function checkMd5Ha1(value: unknown, field = 'ha1'): FieldProblem | undefined {
  if (typeof value !== 'string' || !/^[0-9a-fA-F]{32}$/.test(value)) return problem(field, 'must be an MD5 HA1: 32 hex digits');
  return undefined;
}

/**
 * A DNS host name (RFC 1123): at least two labels of 1–63 letters, digits or hyphens, not starting
 * or ending with a hyphen, at most 253 characters. Lower-cased; one trailing dot is stripped. The
 * last label may not be all digits, so an IPv4 address is never taken for a domain.
 */
export function normaliseDomainName(value: unknown, field = 'domainName'): Normalised<string> {
  if (typeof value !== 'string') return { ok: false, problem: problem(field, 'must be a string') };
  const fail = (message: string): Normalised<string> => ({ ok: false, problem: problem(field, message) });
  // Lower-casing is only safe on ASCII: the Kelvin sign U+212A would otherwise become a plain "k".
  if (!/^[\x21-\x7e]*$/.test(value)) return fail('must have labels of letters, digits and hyphens that do not start or end with a hyphen (ASCII; use the xn-- form for international names)');
  const name = (value.endsWith('.') ? value.slice(0, -1) : value).toLowerCase();
  if (name.length === 0) return fail('must not be empty');
  if (name.length > DOMAIN_NAME_MAX_LENGTH) return fail(`must be at most ${DOMAIN_NAME_MAX_LENGTH} characters long`);
  const labels = name.split('.');
  if (labels.length < 2) return fail('must have at least two labels (for example acme.example.net)');
  for (const label of labels) {
    if (label.length === 0) return fail('must not contain an empty label');
    if (label.length > 63) return fail('must have labels of at most 63 characters');
    if (!DNS_LABEL.test(label)) {
      return fail('must have labels of letters, digits and hyphens that do not start or end with a hyphen');
    }
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return fail('must be a domain name, not an IP address');
  return { ok: true, value: name };
}

/** The account id becomes a NATS KV key token: `^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`. */
export function checkAccountId(value: unknown, field = 'accountId'): FieldProblem | undefined {
  if (typeof value !== 'string') return problem(field, 'must be a string');
  if (!ACCOUNT_ID.test(value)) {
    return problem(field, 'must be 1 to 64 letters, digits, _ or -, starting with a letter or digit');
  }
  return undefined;
}

/** A generated id: two upper-case letters then 32 lower-case hex digits; with `prefix`, those letters. */
export function checkResourceId(value: unknown, field: string, prefix?: IdPrefix): FieldProblem | undefined {
  if (typeof value !== 'string') return problem(field, 'must be a string');
  if (!RESOURCE_ID.test(value) || (prefix !== undefined && !value.startsWith(prefix))) {
    return problem(field, `must be an id of the form ${prefix ?? 'XX'} followed by 32 lower-case hex digits`);
  }
  return undefined;
}

/** An IPv4 or IPv6 address or range, normalised to its network (delegates to @sipauth/ip-acl-match). */
export function normaliseIpRange(ipAddress: unknown, cidrPrefixLength?: unknown): Normalised<Cidr> {
  if (typeof ipAddress !== 'string') return { ok: false, problem: problem('ipAddress', 'must be a string') };
  if (cidrPrefixLength !== undefined && cidrPrefixLength !== null && typeof cidrPrefixLength !== 'number') {
    return { ok: false, problem: problem('cidrPrefixLength', 'must be an integer') };
  }
  const parsed = parseCidr(ipAddress, cidrPrefixLength ?? undefined);
  return parsed.ok ? parsed : { ok: false, problem: problem(parsed.field, parsed.message) };
}

export function checkListKind(value: unknown, field = 'listKind'): FieldProblem | undefined {
  if (typeof value === 'string' && (LIST_KIND_NAMES as readonly string[]).includes(value)) return undefined;
  return problem(field, `must be one of ${LIST_KIND_NAMES.join(', ')}`);
}

/** A non-empty ordered list of distinct digest algorithms (SHA-512-256, SHA-256, MD5). */
export function checkDigestAlgorithms(value: unknown, field = 'algorithms'): FieldProblem | undefined {
  if (!Array.isArray(value) || value.length === 0) return problem(field, 'must be a non-empty list of algorithms');
  const unknown = value.filter((a) => !(DIGEST_ALGORITHM_NAMES as readonly unknown[]).includes(a));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 3).map((a) => String(JSON.stringify(a)).slice(0, 32)).join(', ');
    return problem(field, `must contain only ${DIGEST_ALGORITHM_NAMES.join(', ')} (got ${shown}${unknown.length > 3 ? ', …' : ''})`);
  }
  if (new Set(value).size !== value.length) return problem(field, 'must not repeat an algorithm');
  return undefined;
}

/** An integer from `min` to `max` inclusive. */
export function checkIntegerInRange(value: unknown, field: string, min: number, max: number): FieldProblem | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return problem(field, `must be an integer from ${min} to ${max}`);
  }
  return undefined;
}

/** `enabled` a boolean and every figure within {@link LOCKOUT_LIMITS}; one problem per bad field. */
export function checkLockoutPolicy(policy: LockoutPolicyData): Array<FieldProblem | undefined> {
  return [
    typeof policy.enabled === 'boolean' ? undefined : problem('enabled', 'must be true or false'),
    ...(['maxFailures', 'windowSeconds', 'lockoutSeconds'] as const).map((field) =>
      checkIntegerInRange(policy[field], field, LOCKOUT_LIMITS[field].min, LOCKOUT_LIMITS[field].max)),
  ];
}

/** A {@link ValidationFailed} naming every bad field among `problems` (undefined entries are fine ones). */
export function validationFailed(problems: ReadonlyArray<FieldProblem | undefined>): ValidationFailed {
  const bad = problems.filter((p): p is FieldProblem => p !== undefined);
  return new ValidationFailed(`invalid ${bad.map((p) => p.field).join(', ')}`, bad);
}

/** Throws {@link ValidationFailed} naming every bad field, if any. */
export function assertValid(problems: ReadonlyArray<FieldProblem | undefined>): void {
  if (problems.some((p) => p !== undefined)) throw validationFailed(problems);
}
