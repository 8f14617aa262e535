/** JSON values in NATS KV, and the JetStream error that means "someone else wrote this key". */
import type { KvEntry } from 'nats';

export const encodeJson = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));

/** The entry's JSON value, or undefined for an absent or deleted key. */
export function decodeJson<T>(entry: KvEntry | null): T | undefined {
  if (!entry || entry.operation === 'DEL' || entry.operation === 'PURGE' || entry.value.length === 0) return undefined;
  return JSON.parse(Buffer.from(entry.value).toString('utf8')) as T;
}

/** JetStream rejected a compare-and-set: the key's last revision was not the one expected. */
export function isWrongLastSequence(err: unknown): boolean {
  const e = err as { api_error?: { err_code?: number }; message?: string };
  return e?.api_error?.err_code === 10071 || /wrong last sequence/i.test(String(e?.message));
}

/** Another writer changed a key this instance believed it owned: it must stop applying at once. */
export class FencedOut extends Error {
  constructor(key: string) {
    super(`read-model key ${key} was written by another instance; this instance stops applying`);
    this.name = 'FencedOut';
  }
}

/** The projection lease was lost: this instance stops applying. */
export class LeaseLost extends Error {
  constructor() {
    super('the projection lease was lost; this instance stops applying');
    this.name = 'LeaseLost';
  }
}
