/**
 * Where a change's time goes between the event store and the workers, from the NATS server's own
 * clock: an ordered consumer on each read-model bucket's stream (the generation and its eager copy)
 * records when the server stored each entry (ns) and which event position the document carries. No
 * service is touched; the server delivers each entry once more (to this bench).
 */
import { DeliverPolicy, type ConsumerMessages, type JetStreamClient } from 'nats';

interface Stored { key: string; atMs: number; position?: string; updatedAt?: string }

export class KvHops {
  private readonly entries = new Map<string, Stored[]>();
  private readonly running: ConsumerMessages[] = [];

  /** Starts recording new entries of the given KV buckets. */
  static async watch(js: JetStreamClient, buckets: string[]): Promise<KvHops> {
    const hops = new KvHops();
    for (const bucket of buckets) {
      const consumer = await js.consumers.get(`KV_${bucket}`, { deliver_policy: DeliverPolicy.New });
      const messages = await consumer.consume();
      hops.running.push(messages);
      const prefix = `$KV.${bucket}.`;
      void (async () => {
        for await (const m of messages) {
          let doc: { position?: string; updatedAt?: string; recordedAt?: string } = {};
          try { doc = m.json(); } catch { /* a delete marker */ }
          const list = hops.entries.get(bucket) ?? [];
          list.push({ key: m.subject.slice(prefix.length), atMs: m.info.timestampNanos / 1e6, position: doc.position, updatedAt: doc.recordedAt ?? doc.updatedAt });
          hops.entries.set(bucket, list);
        }
      })();
    }
    return hops;
  }

  /** The entries of `bucket` carrying event `position`: the documents it changed and the checkpoint at it. */
  take(bucket: string, position: string): Stored[] {
    return (this.entries.get(bucket) ?? []).filter((e) => e.position === position);
  }

  clear(): void {
    this.entries.clear();
  }

  stop(): void {
    for (const m of this.running) m.stop();
  }
}
