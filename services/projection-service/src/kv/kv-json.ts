/** JSON values in NATS KV, and the fencing errors of the projection's writers. */
import type { KvEntry } from 'nats';

export const encodeJson = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));

/** The entry's JSON value, or undefined for an absent or deleted key. */
export function decodeJson<T>(entry: KvEntry | null): T | undefined {
  if (!entry || entry.operation === 'DEL' || entry.operation === 'PURGE' || entry.value.length === 0) return undefined;
  return JSON.parse(Buffer.from(entry.value).toString('utf8')) as T;
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
