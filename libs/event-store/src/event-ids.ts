/**
 * Event ids derived from a request's idempotency key: the same request (same account, command and
 * requestId) always writes the same event ids on the same stream, so the event store itself refuses a
 * retry's duplicate (JetStream's message-id window and the adapter's "same ids already follow" check,
 * EventStoreDB's idempotent append by event id), and `handle` recognises a command already applied.
 */
import { createHash, randomUUID } from 'node:crypto';

/** The RFC 9562 name-space of sipauth's derived event ids (a fixed random UUID). */
const EVENT_ID_NAMESPACE = Buffer.from('4f1c6b2e9a7d4e35b0c2f18d6a93e507', 'hex');

/**
 * A name-based UUID (version 5, RFC 9562: SHA-1 over a name-space and the name) of the parts: stable,
 * and well-formed for every store (EventStoreDB's client refuses ids that are not versions 1–5).
 */
export function deterministicUuid(...parts: string[]): string {
  const h = createHash('sha1').update(EVENT_ID_NAMESPACE);
  for (const part of parts) h.update(part).update('\0');
  const b = h.digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The ids of the events one command writes on one stream: derived from `idempotencyKey` when the
 * request has one (the command's type keeps two commands of one request on one stream apart), random otherwise.
 */
export function eventIdsFor(idempotencyKey: string | undefined, streamName: string, commandType: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    idempotencyKey === undefined ? randomUUID() : deterministicUuid(idempotencyKey, streamName, commandType, String(i)));
}
