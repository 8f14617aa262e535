/**
 * Applies projected events to one read-model bucket (one generation) and keeps its checkpoint,
 * pipelined: an event's writes are published without waiting for the previous event's to be
 * acknowledged, so that the bucket is written at the server's rate rather than one round trip per
 * event (issue 14).
 *
 * What keeps it sound:
 * - Every write is a compare-and-set against the KV revision of this instance's previous write to
 *   the key (or of its read), so a deposed lease holder that still writes is refused by JetStream
 *   instead of overwriting newer documents ({@link FencedOut}). Writes to one key therefore form a
 *   chain: each is published once the previous one's acknowledgement gave its revision. Different
 *   keys are written side by side.
 * - Within an event the order of {@link project} holds: an import's credential chunks side by side,
 *   then the list (whose revision proves the chunks were written); a tombstone before its delete.
 * - Puts to one key from several events in flight are coalesced (issue 14): while a key's put waits to
 *   be published, a later event's put to it only replaces the document it will carry and adds its own
 *   prerequisites, so a batch of events on one list writes each chunk and the list about once per
 *   round trip instead of once per event. An event counts as stored only once the coalesced write
 *   carrying it is acknowledged, so the checkpoint guarantee holds unchanged. An event's writes also
 *   wait until the event accepted after it (if one is) has handed its own out, so that the events of
 *   one import's append, which arrive together, write each chunk once and not once per event.
 * - Events are projected one at a time, in order, over the documents as this instance has written
 *   them (acknowledged or not); a key is read from KV only when this instance has no pending write to
 *   it, and the reads an event needs start when it arrives, beside the earlier events' writes.
 * - {@link position} (and the checkpoint `meta.position`, which readers take as "every document up
 *   to here is written") only moves to an event once it and every event before it are stored.
 * - Any failure is sticky: no further write is published, and the loop must stop and let a fresh
 *   writer resume from the checkpoint (replays are idempotent, see the projection).
 */
import type { KV } from 'nats';
import { POSITION_KEY, decodeKvJson, isWrongLastSequence, type PositionDoc } from '@sipauth/contracts';
import type { RecordedEvent } from '@sipauth/event-store';
import { keysToRead, project } from '../projections/read-model.projection';
import type { KvOp, ReadModelDoc } from '../projections/projection.types';
import { FencedOut, LeaseLost, encodeJson, type MayWrite } from './kv-json';

/** A key as this instance last wrote or read it; `revision` is a promise while that write is unacknowledged. */
interface KeyState { doc: ReadModelDoc | undefined; revision: number | Promise<number> }

interface InFlight {
  event: RecordedEvent; operations: number; stored: boolean; done: boolean; settled: Promise<void>;
  /** The event accepted after this one, once there is one. */
  next?: InFlight;
  /** Resolved once this event's writes are handed out, or once it waits for the events before it (see issue). */
  handedOut: Promise<void>;
  handOut(): void;
}

/** A put not yet published: the document it will carry (the newest coalesced) and what must be stored first. */
interface Unpublished { doc: ReadModelDoc | undefined; after: Promise<unknown>[]; revision: Promise<number> }

/** Told of events once stored (in order, each once) and of the first failure. */
export interface WriterListener {
  stored(event: RecordedEvent, operations: number): void;
  failed(err: unknown): void;
}

/** Keys remembered at most; beyond it, once nothing is pending, the memory is cleared. */
const CACHE_LIMIT = 50_000;
/** Events accepted but not yet stored, at most. */
const WINDOW_EVENTS = 256;
/** KV writes published but not yet acknowledged, at most (apply waits for the oldest event beyond it). */
const WINDOW_WRITES = 512;

/** The revision after a delete: not returned by the server, read again if the key is ever written again. */
const AFTER_DELETE = -1;

export class ReadModelWriter {
  private readonly state = new Map<string, KeyState>();
  /** Puts created but not yet published, by key: a later put to the key joins it (see write). */
  private readonly unpublished = new Map<string, Unpublished>();
  /** Puts that joined an unpublished one instead of being published themselves. */
  private coalesced = 0;
  /** Reads in flight; a read fills the state only if still absent and no clear happened since it began. */
  private readonly reads = new Map<string, { epoch: number; reading: Promise<void> }>();
  private epoch = 0;
  private readonly inFlight: InFlight[] = [];
  private lastAccepted: InFlight | undefined;
  private pendingWrites = 0;
  /** The end of the chain of events being projected and published, one at a time, in order. */
  private issuing: Promise<void> = Promise.resolve();
  private checkpointRevision = 0;
  private storedPosition: string | undefined;
  /** When the store recorded the event at storedPosition (unknown for a position read from the checkpoint). */
  private storedRecordedAt: string | undefined;
  private checkpointed: string | undefined;
  private checkpointing: Promise<void> | undefined;
  private checkpointRunning = false;
  private checkpointAsked = false;
  private failure: unknown;
  private listener: WriterListener | undefined;

  private constructor(readonly bucket: string, private readonly kv: KV) {}

  /** Opens the bucket's writer and reads its checkpoint (undefined: nothing applied yet). */
  static async open(kv: KV, bucket: string): Promise<ReadModelWriter> {
    const writer = new ReadModelWriter(bucket, kv);
    const entry = await kv.get(POSITION_KEY);
    writer.checkpointRevision = entry?.revision ?? 0;
    writer.storedPosition = decodeKvJson<PositionDoc>(entry)?.position;
    writer.checkpointed = writer.storedPosition;
    return writer;
  }

  /** Position of the last event stored with every event before it (not necessarily checkpointed yet). */
  get position(): string | undefined {
    return this.storedPosition;
  }

  get hasUncheckpointedEvents(): boolean {
    return this.storedPosition !== this.checkpointed;
  }

  /** KV puts saved by coalescing: puts of a key that joined its earlier put still waiting to be published. */
  get coalescedPuts(): number {
    return this.coalesced;
  }

  /** The first failure (a refused or failed write, a lost lease); once set, nothing more is written. */
  get failed(): unknown {
    return this.failure;
  }

  /** Who hears of stored events and of the failure (the apply loop using this writer). */
  listen(listener: WriterListener | undefined): void {
    this.listener = listener;
  }

  /**
   * Accepts an event: its reads start now, its writes are published once every earlier event has been
   * projected. Resolves when accepted (waiting while the window is full), not when stored; `stored`
   * resolves with the number of KV operations once it is, and rejects on any failure. `mayWrite` is
   * asked before each write is published, so that a lost lease stops the writes at once.
   */
  async apply(event: RecordedEvent, mayWrite: MayWrite = () => true): Promise<{ stored: Promise<number> }> {
    this.throwIfFailed();
    while (this.inFlight.length > 0 && (this.inFlight.length >= WINDOW_EVENTS || this.pendingWrites >= WINDOW_WRITES)) {
      await this.inFlight[0].settled;
      this.throwIfFailed();
    }
    const keys = keysToRead(event);
    const reading = Promise.all(keys.map((key) => this.read(key)));
    reading.catch(() => undefined);
    let handOut!: () => void;
    const handedOut = new Promise<void>((resolve) => (handOut = resolve));
    const entry: InFlight = { event, operations: 0, stored: false, done: false, settled: Promise.resolve(), handedOut, handOut };
    if (this.lastAccepted) this.lastAccepted.next = entry;
    this.lastAccepted = entry;
    const issued = this.issuing.then(async () => {
      await reading;
      return this.issue(entry, keys, mayWrite);
    });
    this.issuing = issued.then(() => undefined, () => undefined);
    void this.issuing.then(handOut);
    const stored = issued.then(async ({ operations, acknowledged }) => {
      entry.operations = operations;
      await acknowledged;
      return operations;
    });
    entry.settled = stored.then(
      () => {
        entry.stored = true;
        entry.done = true;
        this.advance();
      },
      (err: unknown) => {
        entry.done = true;
        this.fail(err);
      },
    );
    this.inFlight.push(entry);
    return { stored };
  }

  /** {@link apply}, then waits until the event is stored. */
  async applyAndStore(event: RecordedEvent, mayWrite?: MayWrite): Promise<number> {
    return (await this.apply(event, mayWrite)).stored;
  }

  /** Waits until every accepted event is stored or failed, and any checkpoint write has ended. Never rejects. */
  async settle(): Promise<void> {
    let open: InFlight[];
    while ((open = this.inFlight.filter((e) => !e.done)).length > 0) await Promise.all(open.map((e) => e.settled));
    await this.checkpointing;
  }

  /**
   * Writes the checkpoint (`meta.position`) in the background, once for however many requests arrive
   * while one is being written; a failure is reported like a write's.
   */
  requestCheckpoint(mayWrite: MayWrite): void {
    if (mayWrite() === false || this.failure !== undefined) return;
    this.checkpointAsked = true;
    if (this.checkpointRunning) return;
    this.checkpointRunning = true;
    this.checkpointing = this.checkpointWhileAsked(mayWrite);
  }

  /** Writes checkpoints until no request is left; the last request's check and the end are one step, so none is lost. */
  private async checkpointWhileAsked(mayWrite: MayWrite): Promise<void> {
    try {
      while (this.checkpointAsked && this.failure === undefined) {
        this.checkpointAsked = false;
        if (await mayWrite()) await this.writeCheckpoint();
      }
    } catch (err) {
      this.fail(err);
    } finally {
      this.checkpointRunning = false;
    }
  }

  /** Waits for every accepted event, then records the stored position as the checkpoint; throws the writer's failure. */
  async checkpoint(now = new Date()): Promise<void> {
    await this.settle();
    this.throwIfFailed();
    await this.writeCheckpoint(now);
  }

  private async writeCheckpoint(now = new Date()): Promise<void> {
    const position = this.storedPosition;
    if (position === undefined || position === this.checkpointed) return;
    const doc: PositionDoc = { position, updatedAt: now.toISOString(), ...(this.storedRecordedAt && { recordedAt: this.storedRecordedAt }) };
    this.checkpointRevision = await this.casPut(POSITION_KEY, doc, this.checkpointRevision);
    this.checkpointed = position;
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private fail(err: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = err;
    this.listener?.failed(err);
  }

  /** Moves the stored position over every event at the front that is stored. */
  private advance(): void {
    while (this.inFlight.length > 0 && this.inFlight[0].stored) {
      const { event, operations } = this.inFlight.shift() as InFlight;
      this.storedPosition = event.position;
      this.storedRecordedAt = event.created;
      this.listener?.stored(event, operations);
    }
  }

  /** Reads a key unless this instance already knows it (written, read, or being read). */
  private read(key: string): Promise<void> {
    if (this.state.has(key)) return Promise.resolve();
    const pending = this.reads.get(key);
    if (pending && pending.epoch === this.epoch) return pending.reading;
    const epoch = this.epoch;
    const forget = () => {
      if (this.reads.get(key)?.reading === reading) this.reads.delete(key);
    };
    const reading: Promise<void> = this.kv.get(key).then((entry) => {
      forget();
      if (epoch === this.epoch && !this.state.has(key)) this.state.set(key, { doc: decodeKvJson<ReadModelDoc>(entry), revision: entry?.revision ?? 0 });
    }, (err: unknown) => {
      forget();
      throw err;
    });
    this.reads.set(key, { epoch, reading });
    return reading;
  }

  /** Projects one event over the known documents and publishes its writes; returns when published, with their acknowledgement. */
  private async issue(entry: InFlight, keys: readonly string[], mayWrite: MayWrite): Promise<{ operations: number; acknowledged: Promise<unknown> }> {
    const { event } = entry;
    // One event per macrotask: the acknowledgements arrive in bursts that resolve into more writes, and
    // the lease's renewal timer must still get its turn in between.
    await new Promise((resolve) => setImmediate(resolve));
    this.throwIfFailed();
    if (this.state.size >= CACHE_LIMIT) {
      entry.handOut(); // the writes of the event before may be waiting for this one
      await this.storedBefore(entry);
      this.state.clear();
      this.epoch += 1;
    }
    // A read dropped by a clear, or one the clear made necessary again.
    await Promise.all(keys.map((key) => this.read(key)));
    const ops = project(event, (key) => this.state.get(key)?.doc);
    const deletesMatching = ops.some((op) => op.op === 'deleteMatching');
    if (deletesMatching) {
      entry.handOut();
      await this.storedBefore(entry);
    }
    // An event accepted already may write the same keys (each event of an import's append touches every
    // chunk of its list): this event's writes wait until that one has handed its own out, so that its puts
    // join these rather than rewrite each growing chunk once per event; one event alone is not held.
    const hold = entry.next && !deletesMatching ? entry.next.handedOut : Promise.resolve();
    // Many children of one parent (an import's credentials): independent keys, written side by side,
    // then the parent, whose revision still proves that every child was written.
    const independent = ops.length > 2 && ops.slice(0, -1).every((op) => op.op === 'put') ? ops.length - 1 : 0;
    const children = ops.slice(0, independent) as Array<Extract<KvOp, { op: 'put' }>>;
    let previous: Promise<unknown> = children.length > 0 ? Promise.all(children.map((op) => this.write(op, hold, mayWrite))) : hold;
    for (const op of ops.slice(independent)) {
      if (op.op === 'deleteMatching') {
        await previous;
        await this.deleteMatching(op.filter, mayWrite);
        previous = Promise.resolve();
      } else {
        previous = this.write(op, previous, mayWrite);
      }
    }
    return { operations: ops.length, acknowledged: previous };
  }

  /** Waits until every event accepted before `entry` is stored (they have all been issued); throws if one failed. */
  private async storedBefore(entry: InFlight): Promise<void> {
    const index = this.inFlight.indexOf(entry);
    await Promise.all(this.inFlight.slice(0, index).map((e) => e.settled));
    this.throwIfFailed();
  }

  /**
   * Publishes one put or delete after `after` and after this key's previous write; the state shows it at
   * once. A put to a key whose previous put is not published yet (it waits for its key's previous
   * acknowledgement or for its event's children) is coalesced into it: that one write carries the newer
   * document, and is published once every event's `after` is done, so both events are stored together.
   */
  private write(op: Exclude<KvOp, { op: 'deleteMatching' }>, after: Promise<unknown>, mayWrite: MayWrite): Promise<number> {
    const waiting = op.op === 'put' ? this.unpublished.get(op.key) : undefined;
    // Awaited only once the write is about to be published: a failure meanwhile must not count as unhandled.
    after.catch(() => undefined);
    if (waiting && op.op === 'put') {
      waiting.doc = op.doc;
      waiting.after.push(after);
      (this.state.get(op.key) as KeyState).doc = op.doc;
      this.coalesced += 1;
      return waiting.revision;
    }
    // A put after this delete must never join a put before it.
    if (op.op === 'delete') this.unpublished.delete(op.key);
    const known = this.state.get(op.key);
    const previous = known?.revision ?? 0;
    const slot: Unpublished = { doc: op.op === 'put' ? op.doc : undefined, after: [after], revision: Promise.resolve(0) };
    this.pendingWrites += 1;
    const revision = (async () => {
      let previousRevision = await previous;
      // Puts coalesced meanwhile add their own `after`: wait for all of them, then publish at once.
      for (let done = 0; done < slot.after.length;) {
        while (done < slot.after.length) await slot.after[done++];
        previousRevision = await previous;
      }
      if (this.unpublished.get(op.key) === slot) this.unpublished.delete(op.key);
      this.throwIfFailed();
      const allowed = mayWrite();
      if (allowed !== true && !(await allowed)) throw new LeaseLost();
      this.throwIfFailed();
      if (previousRevision === AFTER_DELETE) previousRevision = await this.revisionOfDeleted(op.key);
      if (op.op === 'delete') return this.casDelete(op.key, previousRevision);
      return this.casPut(op.key, slot.doc, previousRevision);
    })();
    slot.revision = revision;
    if (op.op === 'put') this.unpublished.set(op.key, slot);
    this.state.set(op.key, { doc: slot.doc, revision });
    revision.then(
      (settled) => {
        this.pendingWrites -= 1;
        const now = this.state.get(op.key);
        if (now?.revision === revision) now.revision = settled;
      },
      (err: unknown) => {
        this.pendingWrites -= 1;
        if (this.unpublished.get(op.key) === slot) this.unpublished.delete(op.key);
        this.fail(err);
      },
    );
    return revision;
  }

  /** Deletes every key a filter matches (a deleted list's credentials); called with nothing else pending. */
  private async deleteMatching(filter: string, mayWrite: MayWrite): Promise<void> {
    const matching: string[] = [];
    for await (const key of await this.kv.keys(filter)) matching.push(key);
    for (const key of matching) {
      if (!(await mayWrite())) throw new LeaseLost();
      await this.kv.delete(key);
      this.state.delete(key);
    }
  }

  private async casPut(key: string, value: unknown, previousSeq: number): Promise<number> {
    try {
      return await this.kv.put(key, encodeJson(value), { previousSeq });
    } catch (err) {
      throw isWrongLastSequence(err) ? new FencedOut(key) : err;
    }
  }

  /** Deletes a key (a `DEL` marker, whose revision `kv.delete` does not return: {@link AFTER_DELETE}). */
  private async casDelete(key: string, previousSeq: number): Promise<number> {
    try {
      await this.kv.delete(key, previousSeq > 0 ? { previousSeq } : undefined);
      return AFTER_DELETE;
    } catch (err) {
      throw isWrongLastSequence(err) ? new FencedOut(key) : err;
    }
  }

  /** The revision of a key this instance deleted, read when it is written again; anything but a delete marker is another writer's. */
  private async revisionOfDeleted(key: string): Promise<number> {
    const entry = await this.kv.get(key);
    if (decodeKvJson<ReadModelDoc>(entry) !== undefined) throw new FencedOut(key);
    return entry?.revision ?? 0;
  }
}
