/** JetStream API errors that callers of NATS (event store, KV writers) act on, shared so no one re-derives the codes. */

/** JetStream's err_code for "wrong last sequence": an expected-last-sequence/revision check failed. */
export const WRONG_LAST_SEQUENCE_ERR_CODE = 10071;

/**
 * True when JetStream rejected a compare-and-set publish or KV update because the subject's or key's
 * last sequence was not the one expected (someone else wrote first). The message test covers clients
 * that surface the error without its api_error.
 */
export function isWrongLastSequence(err: unknown): boolean {
  const e = err as { api_error?: { err_code?: number }; message?: string } | null | undefined;
  return e?.api_error?.err_code === WRONG_LAST_SEQUENCE_ERR_CODE || /wrong last sequence/i.test(String(e?.message));
}
