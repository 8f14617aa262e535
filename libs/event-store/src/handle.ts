/**
 * The one command-handling path (STYLE habit 4): read the stream, fold it with `evolve`, `decide`,
 * append with the expected revision, and on a concurrency conflict start over, a bounded number of times.
 */
import { randomUUID } from 'node:crypto';
import { CURRENT_SCHEMA_VERSION, type Decider } from '@sipauth/domain';
import { EventStore, ExpectedRevision, RecordedEvent, StreamNotFound, WrongExpectedRevision } from './event-store.port';

/** Who asked, and why: copied into every event's metadata. */
export interface HandleContext {
  accountId: string;
  correlationId: string;
  causationId: string;
  /** Who asked (a REST token's name, a NATS caller's actor): the audit trail shows it. */
  actor?: string;
  /** The caller's idempotency key, when it gave one. */
  requestId?: string;
  /** Schema version written into the metadata; default 1. */
  schemaVersion?: number;
  /** Re-reads after a conflict before giving up with {@link WrongExpectedRevision}; default 5. */
  maxRetries?: number;
}

export interface HandleResult {
  /** The events written now; [] when the command changed nothing. */
  events: RecordedEvent[];
  /** Where the command's effect is visible: its last event, or for a no-op the stream's last event (or the store's head). */
  position: string;
  /** The stream's revision after the command ('no_stream' when it still does not exist). */
  nextExpectedRevision: number | 'no_stream';
}

/** A decider, optionally with an upcaster from stored events to the shape `evolve` expects. */
export type HandledDecider<S, C, E> = Decider<S, C, E> & { upcast?(event: RecordedEvent): E };

/**
 * Handles one command on one stream. Domain rejections thrown by `decide` propagate unchanged.
 */
export async function handle<S, C, E extends { type: string; data: unknown }>(
  store: EventStore,
  streamName: string,
  decider: HandledDecider<S, C, E>,
  command: C,
  context: HandleContext,
): Promise<HandleResult> {
  const maxRetries = context.maxRetries ?? 5;
  const upcast = decider.upcast ?? ((e: RecordedEvent) => ({ type: e.type, data: e.data }) as E);
  for (let attempt = 0; ; attempt++) {
    const history = await readOrEmpty(store, streamName);
    const state = history.reduce((s, e) => decider.evolve(s, upcast(e)), decider.initialState());
    const decided = decider.decide(command, state);
    const last = history[history.length - 1];
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
    const toWrite = decided.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata }));
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
      if (!(err instanceof WrongExpectedRevision) || attempt >= maxRetries) throw err;
      await jitter(attempt);
    }
  }
}

async function readOrEmpty(store: EventStore, streamName: string): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(streamName);
  } catch (err) {
    if (err instanceof StreamNotFound) return [];
    throw err;
  }
}

/** Spreads competing writers apart so that a retry storm settles. */
function jitter(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
}
