/** What every command carries besides its request: who, why, when, and fresh ids. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IdPrefix } from '@sipauth/domain';

/** Copied into every event's metadata by `handle`. */
export interface CommandContext {
  accountId: string;
  /** The caller's requestId, or a fresh UUID: ties together every event of one request. */
  correlationId: string;
  /** This command message. */
  causationId: string;
}

export function commandContext(accountId: string, requestId?: string): CommandContext {
  return { accountId, correlationId: requestId ?? randomUUID(), causationId: randomUUID() };
}

/** A resource id: its two-letter type prefix and 32 lower-case hex digits. */
export const newId = (prefix: IdPrefix): string => `${prefix}${randomBytes(16).toString('hex')}`;

export const now = (): string => new Date().toISOString();

/** Positions are decimal strings that compare as integers. */
export function laterPosition(a: string, b: string): string {
  return BigInt(a) >= BigInt(b) ? a : b;
}
