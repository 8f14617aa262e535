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

/** JetStream's err_codes for a stream create that lost a race: the name, or its subjects, already taken. */
export const STREAM_NAME_IN_USE_ERR_CODE = 10058;
export const STREAM_SUBJECTS_OVERLAP_ERR_CODE = 10065;

/**
 * True when creating a stream (a KV bucket) failed because another process created it at the same
 * moment: replicas of a service start together, both find the bucket missing and both create it, and
 * NATS 2.9 may refuse the later create as "subjects overlap with an existing stream" while the first is
 * being registered (seen with two workers starting side by side).
 */
export function isStreamCreateRace(err: unknown): boolean {
  const code = (err as { api_error?: { err_code?: number } } | null | undefined)?.api_error?.err_code;
  return code === STREAM_NAME_IN_USE_ERR_CODE || code === STREAM_SUBJECTS_OVERLAP_ERR_CODE;
}
