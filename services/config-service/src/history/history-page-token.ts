/**
 * Page tokens of the audit trail: the position the next page starts before. Positions only grow and
 * events are never removed, so a walk sees every event exactly once however many are written meanwhile
 * (new ones land before the first page, not among the later ones).
 */
import { ValidationFailed } from '@sipauth/domain';

const TOKEN_VERSION = 'h1';

export function historyTokenBefore(position: string): string {
  return Buffer.from(`${TOKEN_VERSION}:${position}`, 'utf8').toString('base64url');
}

/** The position a token names; a token this service did not write is VALIDATION_FAILED naming pageToken. */
export function positionOfHistoryToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const text = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
  const [version, position] = text.split(':');
  if (version !== TOKEN_VERSION || position === undefined || !/^\d{1,60}$/.test(position)) {
    throw new ValidationFailed('invalid pageToken', [{ field: 'pageToken', message: "is not a history page token of this service (use a history reply's nextPageToken)" }]);
  }
  return position;
}
