/**
 * REST bearer tokens (`CONFIG_API_TOKENS` = `name:token=account1|account2,name2:token2=*`). The name is
 * who the audit trail says acted; it is not secret. Only SHA-256 digests of the tokens are kept; a
 * presented token is hashed and compared with every entry in constant time.
 *
 * The older form without a name (`token=accounts`) is still accepted, so existing deployments keep
 * working; such a token is named `token-<first 6 hex digits of its SHA-256>`, which tells entries apart
 * in the trail without revealing anything usable. A name is the part before the first `:`, so in the
 * named form a token may itself contain `:`, but an unnamed token may not.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { checkAccountId } from '@sipauth/domain';

interface TokenEntry { name: string; digest: Buffer; accounts: '*' | ReadonlySet<string> }

export interface ApiTokens { entries: readonly TokenEntry[] }

/** `allowed` carries the token's name (the actor); the others say why the request is refused. */
export type TokenVerdict = { verdict: 'allowed'; name: string } | { verdict: 'unknown-token' } | { verdict: 'other-account'; name: string };

/** What a token name may be: it appears in logs and in the history, so plain and short. */
const NAME = /^[A-Za-z0-9._@-]{1,64}$/;

const digestOf = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** The name an entry written without one gets. */
export const derivedTokenName = (token: string): string => `token-${digestOf(token).toString('hex').slice(0, 6)}`;

/** Parses the variable; errors name the entry by position, never the token. Unset → no token is accepted. */
export function parseApiTokens(text: string | undefined): ApiTokens {
  if (!text || text.trim() === '') return { entries: [] };
  const names = new Set<string>();
  const entries = text.split(',').map((raw, index) => {
    const where = `CONFIG_API_TOKENS entry ${index + 1}`;
    const entry = parseEntry(raw.trim(), where);
    if (names.has(entry.name)) throw new Error(`${where} repeats the name ${entry.name}; every token needs its own name`);
    names.add(entry.name);
    return entry;
  });
  return { entries };
}

function parseEntry(entry: string, where: string): TokenEntry {
  const eq = entry.lastIndexOf('=');
  if (eq < 1) throw new Error(`${where} must have the form name:token=account1|account2 or name:token=*`);
  const credential = entry.slice(0, eq);
  const colon = credential.indexOf(':');
  const name = colon < 0 ? undefined : credential.slice(0, colon);
  const token = colon < 0 ? credential : credential.slice(colon + 1);
  if (name !== undefined && !NAME.test(name)) throw new Error(`${where} has an invalid name: 1–64 of A-Z a-z 0-9 . _ @ -`);
  if (token.length < 16) throw new Error(`${where} has a token shorter than 16 characters`);
  const scope = entry.slice(eq + 1).trim();
  const digest = digestOf(token);
  const named = name ?? derivedTokenName(token);
  if (scope === '*') return { name: named, digest, accounts: '*' };
  const accounts = scope.split('|').map((a) => a.trim());
  if (accounts.some((a) => checkAccountId(a) !== undefined)) throw new Error(`${where} names an invalid account id`);
  return { name: named, digest, accounts: new Set(accounts) };
}

/** Whether `token` may act on `accountId`, and its name. Every entry is compared, so timing does not reveal which matched. */
export function checkToken(tokens: ApiTokens, token: string | undefined, accountId: string): TokenVerdict {
  if (!token) return { verdict: 'unknown-token' };
  const presented = digestOf(token);
  let match: TokenEntry | undefined;
  for (const entry of tokens.entries) {
    if (timingSafeEqual(entry.digest, presented) && !match) match = entry;
  }
  if (!match) return { verdict: 'unknown-token' };
  const covers = match.accounts === '*' || match.accounts.has(accountId);
  return { verdict: covers ? 'allowed' : 'other-account', name: match.name };
}
