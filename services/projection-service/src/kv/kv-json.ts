/** JSON values written to NATS KV (read back with decodeKvJson from contracts), and the fencing errors of the projection's writers. */
export const encodeJson = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));


/** Another writer changed a key this instance believed it owned: it must stop applying at once. */
export class FencedOut extends Error {
  constructor(key: string) {
    super(`read-model key ${key} was written by another instance; this instance stops applying`);
    this.name = 'FencedOut';
  }
}

/**
 * Asked before each write: true or false at once, or a promise while the holder confirms a lease whose
 * local deadline passed (see ProjectionLease.confirm). False stops the writes: the lease is gone.
 */
export type MayWrite = () => boolean | Promise<boolean>;

/** The projection lease was lost: this instance stops applying. */
export class LeaseLost extends Error {
  constructor() {
    super('the projection lease was lost; this instance stops applying');
    this.name = 'LeaseLost';
  }
}
