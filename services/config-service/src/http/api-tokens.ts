/**
 * REST bearer tokens (`CONFIG_API_TOKENS` = `token=account1|account2,token2=*`). Only SHA-256 digests
 * are kept; a presented token is hashed and compared with every entry in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { checkAccountId } from '@sipauth/domain';

interface TokenEntry { digest: Buffer; accounts: '*' | ReadonlySet<string> }

export interface ApiTokens { entries: readonly TokenEntry[] }

export type TokenVerdict = 'allowed' | 'unknown-token' | 'other-account';

const digestOf = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** Parses the variable; errors name the entry by position, never the token. Unset → no token is accepted. */
export function parseApiTokens(text: string | undefined): ApiTokens {
  if (!text || text.trim() === '') return { entries: [] };
  const entries = text.split(',').map((raw, index) => {
    const entry = raw.trim();
    const eq = entry.lastIndexOf('=');
    const where = `CONFIG_API_TOKENS entry ${index + 1}`;
    if (eq < 1) throw new Error(`${where} must have the form token=account1|account2 or token=*`);
    const token = entry.slice(0, eq);
    const scope = entry.slice(eq + 1).trim();
    if (token.length < 16) throw new Error(`${where} has a token shorter than 16 characters`);
    if (scope === '*') return { digest: digestOf(token), accounts: '*' as const };
    const accounts = scope.split('|').map((a) => a.trim());
    if (accounts.some((a) => checkAccountId(a) !== undefined)) throw new Error(`${where} names an invalid account id`);
    return { digest: digestOf(token), accounts: new Set(accounts) };
  });
  return { entries };
}

/** Whether `token` may act on `accountId`. Every entry is compared, so timing does not reveal which matched. */
export function checkToken(tokens: ApiTokens, token: string | undefined, accountId: string): TokenVerdict {
  if (!token) return 'unknown-token';
  const presented = digestOf(token);
  let match: TokenEntry | undefined;
  for (const entry of tokens.entries) {
    if (timingSafeEqual(entry.digest, presented) && !match) match = entry;
  }
  if (!match) return 'unknown-token';
  return match.accounts === '*' || match.accounts.has(accountId) ? 'allowed' : 'other-account';
}
