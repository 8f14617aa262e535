/** Creates or updates, idempotently, the one JetStream stream that holds a namespace's events. */
import { DiscardPolicy, JetStreamManager, nanos, RetentionPolicy, StorageType, StreamConfig } from 'nats';
import { eventStreamName } from '@sipauth/contracts';

export interface EventStreamSettings {
  namespace: string;
  /** 1 on a single server; 3 in production clusters. */
  replicas: number;
  /** How long JetStream remembers message ids for deduplicating retried appends. */
  duplicateWindowMs: number;
}

export { eventStreamName };
export const eventSubjectPrefix = (namespace: string): string => `${namespace}.events.`;

export async function ensureEventStream(jsm: JetStreamManager, s: EventStreamSettings): Promise<string> {
  const name = eventStreamName(s.namespace);
  const config: Partial<StreamConfig> & { name: string } = {
    name,
    subjects: [`${eventSubjectPrefix(s.namespace)}>`],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    // Events are never discarded: there is no age, count or size limit for "old" to apply to.
    discard: DiscardPolicy.Old,
    max_age: 0,
    max_msgs: -1,
    max_bytes: -1,
    max_msgs_per_subject: -1,
    num_replicas: s.replicas,
    duplicate_window: nanos(s.duplicateWindowMs),
  };
  try {
    const { config: current } = await jsm.streams.info(name);
    // Readers (projection-service) may not update the stream: leave a stream that already fits alone.
    if (fits(current, config)) return name;
  } catch (err) {
    if (!isNotFound(err)) throw err;
    try {
      await jsm.streams.add(config);
      return name;
    } catch (addErr) {
      // Another process created it between our lookup and our add: fall through to the update.
      if (!String((addErr as Error).message).includes('already in use')) throw addErr;
    }
  }
  await jsm.streams.update(name, config);
  return name;
}

function fits(current: StreamConfig, wanted: Partial<StreamConfig>): boolean {
  return (Object.keys(wanted) as (keyof StreamConfig)[]).every((key) => JSON.stringify(current[key]) === JSON.stringify(wanted[key]));
}

/** JetStream API error code of a lookup that found nothing (stream, message). */
export function isNotFound(err: unknown): boolean {
  const code = (err as { api_error?: { err_code?: number; code?: number } }).api_error;
  return code?.code === 404 || /not found/i.test(String((err as Error)?.message));
}
