/**
 * Keeps an {@link AuthIndex} in step with the active read model in NATS KV: follows the `active`
 * pointer of `<ns>_projection`; for each generation it reads trunks, lists and ACLs (credentials
 * are loaded by list on demand, see CredentialCache) and then applies updates as they come. A new generation (a rebuild) is loaded fully beside the
 * current one and then swapped in by one assignment, so requests never see a half-loaded index.
 *
 * After the connection comes back from a drop it reloads the active generation at once: the server
 * may have lost the watches' consumers (a NATS restart does), and nats.js would notice only after
 * missed heartbeats, serving a frozen index for ten seconds meanwhile.
 */
import { KvWatchInclude, type KV, type KvEntry, type NatsConnection, type QueuedIterator, type Status } from 'nats';
import { ACTIVE_KEY, AuthStatus, decodeActivePointer, decodeKvJson, keys, POSITION_KEY, projectionBucket } from '@sipauth/contracts';
import { AuthIndex } from './auth-index';
import { kvGetLoader, kvListLoader, readSnapshot } from './kv-snapshot';

interface Generation { bucket: string; index: AuthIndex; watch: QueuedIterator<KvEntry> }
/** Update-watch entries held while a generation is read (`held` undefined once it is live). */
interface Gate { held?: KvEntry[]; ended?: boolean }

/** What a worker reads eagerly, position first (see load). Credentials are read by list on demand. */
const CREDENTIAL_KEYS = 'acct.*.credential.*.*';
const EAGER_FILTERS = [POSITION_KEY, 'acct.*.trunk.*', 'acct.*.credential-list.*', 'acct.*.ip-acl.*', 'acct.*.ip-address.*.*'];

const RETRY_MS = 250;
const RESTART_MS = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ReadModelWatcher {
  private current?: Generation;
  private pointerWatch?: QueuedIterator<KvEntry>;
  /** The watch of a generation still being loaded (not yet `current`). */
  private loading?: QueuedIterator<KvEntry>;
  private connectionWatch?: AsyncIterable<Status> & { stop?: () => void };
  private stopped = false;
  private reloadActive = false;
  private reconnected = false;
  private markLoaded!: () => void;
  /** False between requireServing() and markServing(): ready also means the deciding subjects are subscribed. */
  private serving = true;
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
      if (active.bucket !== this.current?.bucket || this.reloadActive) {
        this.reloadActive = false;
        await this.load(active.bucket);
      }
    }
  }

  /**
   * Loads a generation (issue 14): one update watch of the whole bucket is started first and held;
   * then the position, trunks, lists, ACLs and ranges are read eagerly, each kind by its own key
   * filter (NATS 2.9 has one filter per consumer), the position first so that it never claims more
   * than the kinds read after it; of the credentials only the keys are listed (see ListMembers): their
   * documents are loaded by list on demand (CredentialCache). The held updates are then applied where newer than what the reads saw (KV
   * revisions are stream sequences), and from then on as they come: a change made while the worker
   * loads is never lost.
   */
  private async load(bucket: string): Promise<void> {
    const kv = await this.bindWhenPresent(bucket);
    if (!kv) return;
    const index = this.newIndex();
    const byGets = kvGetLoader(kv, keys.credential, (accountId, listId) => index.members.idsOf(accountId, listId));
    const bySnapshot = kvListLoader(kv, keys.credentialsOf);
    // Until the key listing ends a list load waits for it: a filtered snapshot instead scans the whole
    // bucket on NATS 2.9, and 64 of them at once stalled the server at 1 M credentials (bench/scale).
    index.loadCredentialsWith(async (accountId, listId) => ((await index.membersListed) ? byGets : bySnapshot)(accountId, listId));
    const watch = await kv.watch({ key: '>', include: KvWatchInclude.UpdatesOnly });
    this.loading = watch;
    const gate: Gate = { held: [] };
    const following = this.apply(watch, index, bucket, gate);
    const revisions = new Map<string, number>();
    let complete = true;
    for (const filter of EAGER_FILTERS) {
      if (!complete || this.stopped || this.loading !== watch) break;
      complete = await readSnapshot(kv, filter, (entry) => {
        revisions.set(entry.key, entry.revision);
        this.applyEntry(index, entry, bucket);
      });
    }
    const held = gate.held ?? [];
    gate.held = undefined;
    for (const entry of held) {
      if (entry.revision > (revisions.get(entry.key) ?? 0)) this.applyEntry(index, entry, bucket);
    }
    if (this.loading === watch) this.loading = undefined;
    if (this.stopped) { watch.stop(); return; }
    if (!complete || gate.ended) {
      watch.stop();
      await following;
      if (this.reconnected) return;
      throw new Error(`the watch of ${bucket} ended before the read model was loaded`);
    }
    const previous = this.current;
    this.current = { bucket, index, watch };
    previous?.watch.stop();
    this.markLoaded();
    void this.listCredentialKeys(kv, index, bucket);
    this.log(`read model ${bucket} loaded at position ${index.position}: ${JSON.stringify(index.counts())}`);
  }

  /**
   * Keys only, after ready: which credentials each list holds, so that a list loads by exact keys (see
   * ListMembers); until it ends a list load waits for it. Updates keep
   * flowing meanwhile: an id the listing repeats or a key deleted since costs one idle get, never a miss.
   */
  private async listCredentialKeys(kv: KV, index: AuthIndex, bucket: string): Promise<void> {
    try {
      for await (const key of await kv.keys(CREDENTIAL_KEYS)) index.knowCredentialKey(key);
      index.credentialKeysListed();
      this.log(`credential keys of ${bucket} listed: lists load by exact keys`);
    } catch (err) {
      index.credentialKeysListed(false);
      this.log(`listing the credential keys of ${bucket} failed (lists load by filtered snapshots): ${(err as Error).message}`);
    }
  }

  private applyEntry(index: AuthIndex, entry: KvEntry, bucket: string): void {
    try {
      index.apply(entry.key, decodeKvJson(entry), entry.revision);
    } catch (err) {
      this.log(`skipping unreadable entry ${entry.key} of ${bucket}: ${(err as Error).message}`);
    }
  }

  /** Applies the update watch's entries, holding them in `gate.held` while the eager reads run. */
  private async apply(watch: QueuedIterator<KvEntry>, index: AuthIndex, bucket: string, gate: Gate): Promise<void> {
    for await (const entry of watch) {
      if (gate.held) gate.held.push(entry);
      else this.applyEntry(index, entry, bucket);
    }
    gate.ended = true;
    // The active generation's watch ended without stop(): end the pointer watch too, so that
    // keepFollowing reloads the generation whole rather than serving a frozen index.
    if (!this.stopped && this.current?.watch === watch) this.pointerWatch?.stop();
  }

  /** Binds to a bucket another service creates, waiting for it to appear (undefined once stopped). */
  private async bindWhenPresent(bucket: string): Promise<KV | undefined> {
    const js = this.nc.jetstream();
    const jsm = await this.nc.jetstreamManager();
    while (!this.stopped) {
      try {
        // bindOnly does not look the bucket up, so ask for its stream first.
        await jsm.streams.info(`KV_${bucket}`);
        return await js.views.kv(bucket, { bindOnly: true });
      } catch {
        await sleep(RETRY_MS);
      }
    }
    return undefined;
  }
}
