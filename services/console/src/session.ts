/**
 * The API token lives in sessionStorage only: it ends with the tab, never lands in the URL or in
 * localStorage, and travels only in the Authorization header (SPEC §11).
 */
const KEY = 'sipauth.console.token';

/** The token of this tab's session, if signed in. */
export function readToken(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}

export function keepToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
