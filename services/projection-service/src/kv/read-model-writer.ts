/**
 * Applies projected events to one read-model bucket (one generation) and keeps its checkpoint.
 *
 * Every write is a compare-and-set against the KV revision this instance last read or wrote for
 * the key, so a deposed lease holder that still writes is refused by JetStream instead of
 * overwriting newer documents ({@link FencedOut}). The documents last read or written are cached,
 * which is sound for as long as no other instance writes the bucket — exactly what the CAS checks.
 */
import type { KV } from 'nats';
import { POSITION_KEY, decodeKvJson, isWrongLastSequence, type PositionDoc } from '@sipauth/contracts';
import type { RecordedEvent } from '@sipauth/event-store';
import { keysToRead, project } from '../projections/read-model.projection';
import type { KvOp, ReadModelDoc } from '../projections/projection.types';
import { FencedOut, LeaseLost, encodeJson } from './kv-json';

interface Cached { doc: ReadModelDoc | undefined; kvRevision: number }

const CACHE_LIMIT = 50_000;
/** KV requests in flight at once for one event's reads or independent writes. */
const BATCH = 256;

/** Runs `work` on every item, at most {@link BATCH} at a time; the first failure is thrown once all in flight settled. */
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    const settled = await Promise.allSettled(items.slice(start, start + BATCH).map((item) => Promise.resolve().then(() => work(item))));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

export class ReadModelWriter {
  private readonly cache = new Map<string, Cached>();
  private checkpointRevision = 0;
  private appliedPosition: string | undefined;
  private checkpointed: string | undefined;

  private constructor(readonly bucket: string, private readonly kv: KV) {}

  /** Opens the bucket's writer and reads its checkpoint (undefined: nothing applied yet). */
  static async open(kv: KV, bucket: string): Promise<ReadModelWriter> {
    const writer = new ReadModelWriter(bucket, kv);
    const entry = await kv.get(POSITION_KEY);
    writer.checkpointRevision = entry?.revision ?? 0;
    writer.appliedPosition = decodeKvJson<PositionDoc>(entry)?.position;
    writer.checkpointed = writer.appliedPosition;
    return writer;
  }

  /** Position of the last event applied (not necessarily checkpointed yet). */
  get position(): string | undefined {
    return this.appliedPosition;
  }

  get hasUncheckpointedEvents(): boolean {
    return this.appliedPosition !== this.checkpointed;
  }

  /**
   * Writes the documents one event changes; returns how many KV operations it took. `mayWrite` is
   * asked before each operation, so that a lost lease stops the writes at once.
   */
  async apply(event: RecordedEvent, mayWrite: () => boolean = () => true): Promise<number> {
    await inBatches(keysToRead(event), (key) => this.load(key));
    const ops = project(event, (key) => this.cache.get(key)?.doc);
    // Many children of one parent (an import's credentials): independent keys, written side by side,
    // then the parent, whose revision still proves that every child was written.
    const independent = ops.length > 2 && ops.slice(0, -1).every((op) => op.op === 'put') ? ops.length - 1 : 0;
    await inBatches(ops.slice(0, independent), (op) => {
      if (!mayWrite()) throw new LeaseLost();
      return this.execute(op);
    });
    for (const op of ops.slice(independent)) {
      if (!mayWrite()) throw new LeaseLost();
      await this.execute(op);
    }
    this.appliedPosition = event.position;
    return ops.length;
  }

  /** Records the applied position as the checkpoint (`meta.position`). */
  async checkpoint(now = new Date()): Promise<void> {
    if (this.appliedPosition === undefined || !this.hasUncheckpointedEvents) return;
    const doc: PositionDoc = { position: this.appliedPosition, updatedAt: now.toISOString() };
    this.checkpointRevision = await this.casPut(POSITION_KEY, doc, this.checkpointRevision);
    this.checkpointed = doc.position;
  }

  private async load(key: string): Promise<void> {
    if (this.cache.has(key)) return;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    const entry = await this.kv.get(key);
    this.cache.set(key, { doc: decodeKvJson<ReadModelDoc>(entry), kvRevision: entry?.revision ?? 0 });
  }

  private async execute(op: KvOp): Promise<void> {
    if (op.op === 'put' && op.ifAbsent && !this.cache.has(op.key)) {
      await this.putIfAbsent(op.key, op.doc);
    } else if (op.op === 'put') {
      const kvRevision = await this.casPut(op.key, op.doc, this.cache.get(op.key)?.kvRevision ?? 0);
      this.cache.set(op.key, { doc: op.doc, kvRevision });
    } else if (op.op === 'delete') {
      await this.casDelete(op.key, this.cache.get(op.key)?.kvRevision ?? 0);
    } else {
      const matching: string[] = [];
      for await (const key of await this.kv.keys(op.filter)) matching.push(key);
      for (const key of matching) {
        await this.kv.delete(key);
        this.cache.delete(key);
      }
    }
  }

  /**
   * Creates a key not read beforehand. Present already: either this very event wrote it (an apply cut
   * short before the parent; the document's revision says so, nothing to do) or it was deleted since (a
   * delete marker: write over it); anything else means another writer, as with every CAS refusal.
   */
  private async putIfAbsent(key: string, doc: ReadModelDoc): Promise<void> {
    try {
      this.cache.set(key, { doc, kvRevision: await this.kv.put(key, encodeJson(doc), { previousSeq: 0 }) });
      return;
    } catch (err) {
      if (!isWrongLastSequence(err)) throw err;
    }
    this.cache.delete(key);
    await this.load(key);
    const found = this.cache.get(key) as Cached;
    if (found.doc === undefined) {
      this.cache.set(key, { doc, kvRevision: await this.casPut(key, doc, found.kvRevision) });
    } else if ((found.doc as { revision?: number }).revision !== (doc as { revision: number }).revision) {
      throw new FencedOut(key);
    }
  }

  private async casPut(key: string, value: unknown, previousSeq: number): Promise<number> {
    try {
      return await this.kv.put(key, encodeJson(value), { previousSeq });
    } catch (err) {
      throw isWrongLastSequence(err) ? new FencedOut(key) : err;
    }
  }

  private async casDelete(key: string, previousSeq: number): Promise<void> {
    try {
      await this.kv.delete(key, previousSeq > 0 ? { previousSeq } : undefined);
    } catch (err) {
      throw isWrongLastSequence(err) ? new FencedOut(key) : err;
    } finally {
      // The delete marker's revision is not returned: read it again when next needed.
      this.cache.delete(key);
    }
  }
}
