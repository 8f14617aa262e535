/**
 * Keeps an {@link AuthIndex} in step with the active read model in NATS KV: follows the `active`
 * pointer of `<ns>_projection`; for each generation it reads trunks, lists and ACLs (from the
 * generation's eager copy; credentials are loaded by list on demand, see CredentialCache) and then
 * applies updates as they come. A new generation (a rebuild) is loaded fully beside the
 * current one and then swapped in by one assignment, so requests never see a half-loaded index.
 *
 * After the connection comes back from a drop it reloads the active generation at once: the server
 * may have lost the watches' consumers (a NATS restart does), and nats.js would notice only after
 * missed heartbeats, serving a frozen index for ten seconds meanwhile.
 */
import { KvWatchInclude, type JetStreamManager, type KV, type KvEntry, type NatsConnection, type QueuedIterator, type Status } from 'nats';
import {
  ACTIVE_KEY, AuthStatus, decodeActivePointer, decodeKvJson, eagerBucketOf, isEagerKey, layoutOf, POSITION_KEY, projectionBucket, READ_MODEL_LAYOUT, type PositionDoc,
} from '@sipauth/contracts';
import { AuthIndex } from './auth-index';
import { Checkpoints } from './checkpoints';
import { kvChunkLoader, readSnapshot } from './kv-snapshot';

interface Generation { bucket: string; index: AuthIndex; watch: UpdateWatches }
/** Update-watch entries held while a generation is read (`held` undefined once it is live), with the stream each came from. */
interface Gate { held?: Array<[KvEntry, number]>; ended?: boolean }
/** One generation being read or followed: its index, and the checkpoint each of its streams delivered. */
interface Target { index: AuthIndex; checkpoints: Checkpoints; bucket: string }

/**
 * Told of each live read-model change this worker applies: its kind, the seconds since the event store
 * recorded the event (undefined when the document does not say) and since NATS KV stored the entry.
 */
export type AppliedListener = (kind: string, sinceRecorded: number | undefined, sinceStored: number) => void;

/** The update watches of one generation: the bucket's, and its eager copy's when it has one. */
class UpdateWatches {
  constructor(private readonly watches: QueuedIterator<KvEntry>[]) {}
  stop(): void { for (const w of this.watches) w.stop(); }
}

/** What a worker reads eagerly, position first, from a generation without an eager copy (see load). */
const EAGER_FILTERS = [POSITION_KEY, 'acct.*.trunk.*', 'acct.*.credential-list.*', 'acct.*.ip-acl.*', 'acct.*.ip-address.*.*'];

/**
 * JetStream API requests (a watch's consumer creation among them) may take this long. On NATS 2.9 the
 * server answers a watch's creation only after walking the subjects it covers: at 1 M credentials under
 * load that took over the 5 s default, and each TIMEOUT restarted the whole load (7 times in one start).
 */
const JS_OPTIONS = { timeout: 30_000 };
const RETRY_MS = 250;
const RESTART_MS = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ReadModelWatcher {
  private current?: Generation;
  private pointerWatch?: QueuedIterator<KvEntry>;
  /** The watch of a generation still being loaded (not yet `current`). */
  private loading?: UpdateWatches;
  private connectionWatch?: AsyncIterable<Status> & { stop?: () => void };
  private stopped = false;
  private reloadActive = false;
  private reconnected = false;
  private markLoaded!: () => void;
  /** False between requireServing() and markServing(): ready also means the deciding subjects are subscribed. */
  private serving = true;
  /** Hears every live change applied (the worker's propagation metrics); set before start(). */
  onApplied?: AppliedListener;
  /** Resolves when the first generation has been loaded. */
  readonly loaded = new Promise<void>((resolve) => { this.markLoaded = resolve; });

  constructor(
    private readonly nc: NatsConnection,
    private readonly namespace: string,
    private readonly newIndex: () => AuthIndex,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** The index of the active generation; undefined until the first one is loaded. */
  get index(): AuthIndex | undefined { return this.current?.index; }

  get ready(): boolean { return this.current !== undefined && this.serving; }

  /**
   * Makes `ready` wait for markServing() as well, so that a caller who sees ready (auth.status,
   * /readyz, a test) is never answered "no responders" by a replica still subscribing.
   */
  requireServing(): void { this.serving = false; }

  markServing(): void { this.serving = true; }

  /** The read-model bucket the index was loaded from (changes when a rebuild is swapped in). */
  get bucket(): string | undefined { return this.current?.bucket; }

  status(): AuthStatus {
    const index = this.current?.index;
    return {
      ready: index !== undefined && this.serving,
      position: index?.position ?? '0',
      counts: index?.counts() ?? { trunks: 0, credentialLists: 0, credentials: 0, ipAccessControlLists: 0, ipRanges: 0 },
    };
  }

  /**
   * Starts following the pointer in the background until stopped. Should a watch end on its own
   * (a lost consumer, an unreadable pointer), it watches again and reloads the active generation
   * from scratch, swapping it in as a rebuild would; `onError` hears each failure.
   */
  start(onError: (err: Error) => void): void {
    this.connectionWatch = this.nc.status();
    void this.reloadOnReconnect(this.connectionWatch);
    void this.keepFollowing(onError);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.connectionWatch?.stop?.();
    this.pointerWatch?.stop();
    this.loading?.stop();
    this.current?.watch.stop();
  }

  /** Ends the pointer watch (and a load in progress) on every reconnect, so that keepFollowing reloads. */
  private async reloadOnReconnect(statuses: AsyncIterable<Status>): Promise<void> {
    for await (const status of statuses) {
      if (this.stopped) return;
      if (status.type !== 'reconnect') continue;
      this.reconnected = true;
      this.reloadActive = true;
      this.pointerWatch?.stop();
      this.loading?.stop();
    }
  }

  private async keepFollowing(onError: (err: Error) => void): Promise<void> {
    while (!this.stopped) {
      try {
        await this.follow();
      } catch (err) {
        if (!this.stopped) onError(err as Error);
      }
      if (this.stopped) return;
      this.reloadActive = true;
      if (this.reconnected) {
        this.reconnected = false;
        this.log('NATS reconnected; reloading the read model');
      } else {
        this.log('read-model watch ended; watching again');
        await sleep(RESTART_MS);
      }
    }
  }

  private async follow(): Promise<void> {
    const pointers = await this.bindWhenPresent(projectionBucket(this.namespace));
    if (!pointers) return;
    this.pointerWatch = await pointers.watch({ key: ACTIVE_KEY });
    if (this.stopped) this.pointerWatch.stop();
    for await (const entry of this.pointerWatch) {
      const active = decodeActivePointer(entry);
      if (!active) continue;
      if (layoutOf(active) !== READ_MODEL_LAYOUT) {
        // Documents this code cannot read (another version's layout): keep what is loaded, wait for the rebuild's switch.
        this.log(`${active.bucket} has read-model layout ${layoutOf(active)}, this worker reads ${READ_MODEL_LAYOUT}: waiting for projection-service to rebuild`);
        continue;
      }
      if (active.bucket !== this.current?.bucket || this.reloadActive) {
        this.reloadActive = false;
        await this.load(active.bucket);
      }
    }
  }

  /**
   * Loads a generation (issue 14): update watches are started first and held; then what a worker holds
   * eagerly (position, trunks, lists, ACLs, ranges) is read from the generation's eager copy
   * (`eagerBucketOf`: those kinds only, so one unfiltered read that never touches a credential key), or,
   * for a generation without a copy, from the bucket itself kind by kind (each filter scans the whole
   * bucket on NATS 2.9). With a copy, the eager kinds follow the copy's watch and the credential chunks
   * the bucket's: each key from one stream, so KV revisions compare. The checkpoint comes through both,
   * and the position is the lower of the two (see Checkpoints). The held updates are then applied
   * where newer than what the read saw, and from then on as they come: a change made while the worker
   * loads is never lost. Credentials are loaded by list on demand, by the list's chunk documents
   * (CredentialCache).
   */
  private async load(bucket: string): Promise<void> {
    const kv = await this.bindWhenPresent(bucket);
    if (!kv) return;
    const eager = await this.bindIfPresent(eagerBucketOf(bucket));
    const index = this.newIndex();
    index.loadCredentialsWith(kvChunkLoader(kv));
    const gate: Gate = { held: [] };
    const target: Target = { index, bucket, checkpoints: new Checkpoints(eager ? 2 : 1) };
    const sources: [QueuedIterator<KvEntry>, (key: string) => boolean][] = [];
    sources.push([await kv.watch({ key: '>', include: KvWatchInclude.UpdatesOnly }), eager ? (key) => !isEagerKey(key) || key === POSITION_KEY : () => true]);
    if (eager) sources.push([await eager.watch({ key: '>', include: KvWatchInclude.UpdatesOnly }), () => true]);
    const watches = new UpdateWatches(sources.map(([w]) => w));
    this.loading = watches;
    const following = Promise.all(sources.map(([w, accepts], stream) => this.apply(w, stream, accepts, target, gate, watches)));
    const revisions = new Map<string, number>();
    const remember = (entry: KvEntry): void => {
      revisions.set(entry.key, entry.revision);
      if (entry.key !== POSITION_KEY) return this.applyEntry(target, entry, false);
      this.applyCheckpoint(target, entry, 'read', false);
    };
    let complete = true;
    for (const [from, filter] of eager ? [[eager, '>'] as const] : EAGER_FILTERS.map((f) => [kv, f] as const)) {
      if (!complete || this.stopped || this.loading !== watches) { complete = false; break; }
      complete = await readSnapshot(from, filter, remember);
    }
    const held = gate.held ?? [];
    gate.held = undefined;
    for (const [entry, stream] of held) {
      // A checkpoint moves forward only (Checkpoints); a document where newer than the read (one stream per key).
      if (entry.key === POSITION_KEY) this.applyCheckpoint(target, entry, stream, false);
      else if (entry.revision > (revisions.get(entry.key) ?? 0)) this.applyEntry(target, entry, false);
    }
    if (this.loading === watches) this.loading = undefined;
    if (this.stopped) { watches.stop(); return; }
    if (!complete || gate.ended) {
      watches.stop();
      await following;
      if (this.reconnected) return;
      throw new Error(`the watch of ${bucket} ended before the read model was loaded`);
    }
    const previous = this.current;
    this.current = { bucket, index, watch: watches };
    previous?.watch.stop();
    this.markLoaded();
    this.log(`read model ${bucket} loaded at position ${index.position}${eager ? ' from its eager copy' : ''}: ${JSON.stringify(index.counts())}`);
  }

  /** Applies one document (not the checkpoint); a live one is reported to onApplied. */
  private applyEntry(target: Target, entry: KvEntry, live: boolean): void {
    try {
      const applied = target.index.applyEntry(entry);
      // A chunk of a list this worker does not hold is left unread: its age since KV stored it is still told.
      if (live && this.onApplied) this.reportApplied(applied?.kind ?? 'other', (applied?.value as { updatedAt?: unknown } | undefined)?.updatedAt, entry);
    } catch (err) {
      this.log(`skipping unreadable entry ${entry.key} of ${target.bucket}: ${(err as Error).message}`);
    }
  }

  /**
   * The checkpoint `entry` delivered by watch `stream` (or read whole at load: `'read'`): the position
   * it moves the generation to, if any (an unreadable one moves nothing).
   */
  private checkpointOf(target: Target, entry: KvEntry, stream: number | 'read'): PositionDoc | undefined {
    try {
      const doc = decodeKvJson<PositionDoc>(entry);
      if (!doc) return undefined;
      return stream === 'read' ? target.checkpoints.loaded(doc) : target.checkpoints.delivered(stream, doc);
    } catch (err) {
      this.log(`skipping unreadable entry ${entry.key} of ${target.bucket}: ${(err as Error).message}`);
      return undefined;
    }
  }

  /** Applies the position a checkpoint from `stream` moves the generation to, if any; a live one is reported to onApplied. */
  private applyCheckpoint(target: Target, entry: KvEntry, stream: number | 'read', live: boolean): void {
    const moved = this.checkpointOf(target, entry, stream);
    if (!moved) return;
    target.index.apply(POSITION_KEY, moved);
    if (live && this.onApplied) this.reportApplied('position', moved.recordedAt, entry);
  }

  private reportApplied(kind: string, recordedAt: unknown, entry: KvEntry): void {
    const now = Date.now();
    const recorded = typeof recordedAt === 'string' ? Date.parse(recordedAt) : NaN;
    this.onApplied?.(kind, Number.isNaN(recorded) ? undefined : (now - recorded) / 1000, (now - entry.created.getTime()) / 1000);
  }

  /** Applies the entries of one update watch that `accepts`, holding them in `gate.held` while the eager read runs. */
  private async apply(watch: QueuedIterator<KvEntry>, stream: number, accepts: (key: string) => boolean, target: Target, gate: Gate, owner: UpdateWatches): Promise<void> {
    for await (const entry of watch) {
      if (!accepts(entry.key)) continue;
      if (gate.held) gate.held.push([entry, stream]);
      else if (entry.key === POSITION_KEY) this.applyCheckpoint(target, entry, stream, true);
      else this.applyEntry(target, entry, true);
    }
    gate.ended = true;
    // The active generation's watch ended without stop(): end the pointer watch too, so that
    // keepFollowing reloads the generation whole rather than serving a frozen index.
    if (!this.stopped && this.current?.watch === owner) this.pointerWatch?.stop();
  }

  /** Binds to a bucket if it exists now (a generation written before eager copies existed has none). */
  private async bindIfPresent(bucket: string, jsm?: JetStreamManager): Promise<KV | undefined> {
    const manager = jsm ?? await this.nc.jetstreamManager();
    try {
      // bindOnly does not look the bucket up, so ask for its stream first.
      await manager.streams.info(`KV_${bucket}`);
    } catch {
      return undefined;
    }
    return this.nc.jetstream(JS_OPTIONS).views.kv(bucket, { bindOnly: true });
  }

  /** Binds to a bucket another service creates, waiting for it to appear (undefined once stopped). */
  private async bindWhenPresent(bucket: string): Promise<KV | undefined> {
    const jsm = await this.nc.jetstreamManager();
    while (!this.stopped) {
      const kv = await this.bindIfPresent(bucket, jsm).catch(() => undefined);
      if (kv) return kv;
      await sleep(RETRY_MS);
    }
    return undefined;
  }
}
