/**
 * The one command-handling path (STYLE habit 4): read the stream, upcast and fold it with `evolve`,
 * `decide`, append with the expected revision. Commands on one stream are queued inside this process
 * (one at a time per stream and store), so only another process can slip in between read and append;
 * that conflict is retried with jittered exponential backoff for a bounded time (not a bounded count:
 * while one replica backs off, the other drains its whole queue for the stream, which takes longer the
 * busier the machine is, so a count that sufficed on an idle machine ran out under load and answered
 * CONFLICT though no rule refused).
 */
import { CURRENT_SCHEMA_VERSION, type Decider } from '@sipauth/domain';
import { EventStore, ExpectedRevision, RecordedEvent, StreamNotFound, WrongExpectedRevision } from './event-store.port';
import { deterministicUuid, eventIdsFor } from './event-ids';
import { KeyedQueue } from './keyed-queue';

/** Who asked, and why: copied into every event's metadata. */
export interface HandleContext {
  accountId: string;
  correlationId: string;
  causationId: string;
  /** Who asked (a REST token's name, a NATS caller's actor): the audit trail shows it. */
  actor?: string;
  /** The caller's idempotency key, when it gave one. */
  requestId?: string;
  /**
   * Makes the event ids deterministic (see event-ids.ts): the same key, stream and command type give
   * the same ids, so a retry of a command already written returns what was written instead of running
   * again. The caller builds it from the account, the command name and the requestId.
   */
  idempotencyKey?: string;
  /** Schema version written into the metadata; default 1. */
  schemaVersion?: number;
  /**
   * Re-reads after a conflict with another process before giving up with {@link WrongExpectedRevision}.
   * Default: no count limit, retries go on for {@link RETRY_BUDGET_MS} after the first attempt.
   */
  maxRetries?: number;
}

export interface HandleResult {
  /** The events written now (or, for a retry of an applied command, written then); [] when the command changed nothing. */
  events: RecordedEvent[];
  /** Where the command's effect is visible: its last event, or for a no-op the stream's last event (or the store's head). */
  position: string;
  /** The stream's revision after the command ('no_stream' when it still does not exist). */
  nextExpectedRevision: number | 'no_stream';
}

/**
 * A decider with its upcaster from stored events to the shape `evolve` expects. Required: a stored
 * event is never folded as it was read, so an unknown type or schema version throws (from `upcast`)
 * instead of reaching `evolve`. The domain's deciders carry theirs.
 */
export type HandledDecider<S, C, E> = Decider<S, C, E> & { upcast(event: RecordedEvent): E };

const queues = new WeakMap<EventStore, KeyedQueue>();

/**
 * How long a command keeps retrying conflicts with other processes: below the 10 s callers wait for a
 * reply, and longer than another replica needs to drain a burst on the same stream on a loaded machine.
 */
export const RETRY_BUDGET_MS = 8_000;

/** Handles one command on one stream. Domain rejections thrown by `decide` propagate unchanged. */
export function handle<S, C, E extends { type: string; data: unknown }>(
  store: EventStore,
  streamName: string,
  decider: HandledDecider<S, C, E>,
  command: C,
  context: HandleContext,
): Promise<HandleResult> {
  let queue = queues.get(store);
  if (!queue) queues.set(store, (queue = new KeyedQueue()));
  return queue.run(streamName, () => handleNow(store, streamName, decider, command, context));
}

async function handleNow<S, C, E extends { type: string; data: unknown }>(
  store: EventStore,
  streamName: string,
  decider: HandledDecider<S, C, E>,
  command: C,
  context: HandleContext,
): Promise<HandleResult> {
  const started = Date.now();
  const givesUp = (attempt: number): boolean =>
    context.maxRetries !== undefined ? attempt >= context.maxRetries : Date.now() - started >= RETRY_BUDGET_MS;
  const commandType = String((command as { type?: unknown }).type ?? 'command');
  for (let attempt = 0; ; attempt++) {
    const history = await readOrEmpty(store, streamName);
    const last = history[history.length - 1];
    const applied = context.idempotencyKey === undefined ? [] : alreadyApplied(history, context.idempotencyKey, streamName, commandType);
    if (applied.length > 0) {
      return { events: applied, position: applied[applied.length - 1].position, nextExpectedRevision: last.revision };
    }
    const state = history.reduce((s, e) => decider.evolve(s, decider.upcast(e)), decider.initialState());
    const decided = decider.decide(command, state);
    if (decided.length === 0) {
      return { events: [], position: last?.position ?? (await store.headPosition()), nextExpectedRevision: last?.revision ?? 'no_stream' };
    }
    const expectedRevision: ExpectedRevision = last ? last.revision : 'no_stream';
    const metadata = {
      accountId: context.accountId,
      correlationId: context.correlationId,
      causationId: context.causationId,
      ...(context.actor !== undefined ? { actor: context.actor } : {}),
      ...(context.requestId !== undefined ? { requestId: context.requestId } : {}),
      schemaVersion: context.schemaVersion ?? CURRENT_SCHEMA_VERSION,
    };
    const ids = eventIdsFor(context.idempotencyKey, streamName, commandType, decided.length);
    const toWrite = decided.map((e, i) => ({ id: ids[i], type: e.type, data: e.data, metadata }));
    try {
      const result = await store.appendToStream(streamName, toWrite, { expectedRevision });
      const firstRevision = result.nextExpectedRevision - toWrite.length + 1;
      const created = new Date().toISOString();
      const events = toWrite.map((e, i) => ({
        ...e,
        streamName,
        revision: firstRevision + i,
        position: result.positions?.[i] ?? result.position,
        created,
      }));
      return { events, position: result.position, nextExpectedRevision: result.nextExpectedRevision };
    } catch (err) {
      if (!(err instanceof WrongExpectedRevision) || givesUp(attempt)) throw err;
      await backoff(attempt);
    }
  }
}

/** The events this very command already wrote: the stored run of its derived ids (empty when it never ran). */
function alreadyApplied(history: RecordedEvent[], idempotencyKey: string, streamName: string, commandType: string): RecordedEvent[] {
  const [firstId] = eventIdsFor(idempotencyKey, streamName, commandType, 1);
  const at = history.findIndex((e) => e.id === firstId);
  if (at < 0) return [];
  let end = at + 1;
  while (end < history.length && history[end].id === deterministicUuid(idempotencyKey, streamName, commandType, String(end - at))) end++;
  return history.slice(at, end);
}

async function readOrEmpty(store: EventStore, streamName: string): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(streamName);
  } catch (err) {
    if (err instanceof StreamNotFound) return [];
    throw err;
  }
}

/** Full jitter on an exponential ceiling (2 ms · 2^attempt, at most 250 ms): competing replicas drift apart. */
function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(250, 2 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
