/**
 * The projection runner: contends for the single-active lease and, while it holds it, runs one
 * checkpointed catch-up subscription over all events into the active read-model generation.
 * Standbys try again when the lease they saw expires, or at once when it is released (see
 * ProjectionLease). Rebuilds are in rebuild-generation.ts, which reaches this runner only through
 * the {@link RebuildHost} it is handed.
 *
 * An event this code cannot read (unknown type or schema version: {@link UnreadableEvent}) stops the
 * apply loop at that event: it is logged with its stream, revision, position, type and version, the
 * metric `sipauth_projection_unreadable_event_position` shows its position, and the lease is given
 * up, so that a replica running newer code can take over; this one contends again after two TTLs.
 */
import { layoutOf, projectionBucket, READ_MODEL_LAYOUT, readModelBucket } from '@sipauth/contracts';
import type { EventStore } from '@sipauth/event-store';
import type { JetStreamClient, JetStreamManager } from 'nats';
import { ApplyLoop } from './apply-loop';
import type { MayWrite } from './kv/kv-json';
import { ProjectionLease } from './kv/projection-lease';
import { ReadModelBuckets } from './kv/read-model-buckets';
import { ReadModelWriter } from './kv/read-model-writer';
import type { ProjectionMetrics } from './ops/projection-metrics';
import { UnreadableEvent } from './projections/read-model.projection';
import { rebuildGeneration, type ActiveState, type RebuildHost, type RebuildResult } from './rebuild-generation';

export type { ActiveState } from './rebuild-generation';

export interface ProjectionRunnerOptions {
  js: JetStreamClient;
  jsm: JetStreamManager;
  store: EventStore;
  namespace: string;
  /** Replicas of the KV buckets this runner creates (SIPAUTH_EVENT_STREAM_REPLICAS). */
  replicas?: number;
  /**
   * The lease's own connection (optional): the server handles one connection's messages in order, so
   * on the connection the read-model writes are pipelined over a renewal would wait behind them.
   */
  leaseJs?: JetStreamClient;
  /** Unique per instance: who holds the lease. */
  holderId: string;
  /** Lease lifetime; renewed every third of it. A standby takes over within about this long after the holder dies. */
  leaseTtlMs: number;
  /** How long readers may keep using the previous generation after a rebuild switched away from it. */
  rebuildGraceMs: number;
  metrics?: ProjectionMetrics;
  log?: (message: string) => void;
}

export type ProjectionRole = 'starting' | 'standby' | 'active' | 'stopped';

export class ProjectionRunner {
  private currentRole: ProjectionRole = 'starting';
  /** Set by close(): no new session, no new lease. */
  private closing = false;
  /** The loop filling the next generation while a rebuild runs. */
  private builder: ApplyLoop | undefined;
  private state: ActiveState | undefined;
  private rebuilding: Promise<RebuildResult> | undefined;
  private readonly graceTimers = new Set<NodeJS.Timeout>();
  private wake: (() => void) | undefined;
  private contending: Promise<void> = Promise.resolve();
  private stopWatching: () => void = () => undefined;
  private readonly log: (message: string) => void;

  private constructor(
    private readonly options: ProjectionRunnerOptions,
    private readonly buckets: ReadModelBuckets,
    /** The single-active lease (read-only for callers: its attempts count shows how a standby waited). */
    readonly lease: ProjectionLease,
  ) {
    this.log = options.log ?? (() => undefined);
  }

  /** Opens the buckets and starts contending for the lease in the background. */
  static async start(options: ProjectionRunnerOptions): Promise<ProjectionRunner> {
    const buckets = await ReadModelBuckets.open(options.js, options.jsm, options.namespace, options.replicas);
    const leaseKv = options.leaseJs ? await options.leaseJs.views.kv(projectionBucket(options.namespace), { bindOnly: true }) : buckets.control;
    const lease = new ProjectionLease(leaseKv, options.holderId, options.leaseTtlMs);
    const runner = new ProjectionRunner(options, buckets, lease);
    runner.stopWatching = await lease.watchReleases(() => runner.wake?.());
    runner.contending = runner.contend();
    return runner;
  }

  get role(): ProjectionRole {
    return this.currentRole;
  }

  /** Ready once caught up to the head seen when it became active; a standby is ready too. */
  get ready(): boolean {
    if (this.currentRole === 'standby') return true;
    return this.currentRole === 'active' && this.state !== undefined && this.state.live.caughtUp;
  }

  /** True while this instance is the active one (it answers rebuild requests). */
  get isActive(): boolean {
    return this.currentRole === 'active' && this.state !== undefined;
  }

  /** Position applied to the active generation by this instance (undefined when not active). */
  get position(): string | undefined {
    return this.state?.live.writer.position;
  }

  get activeGeneration(): number | undefined {
    return this.state?.pointer.active.generation;
  }

  /** Asked before each write: the lease held, or confirmed by a renewal when this instance's deadline passed in a stall. */
  private readonly confirmedWriter: MayWrite = () => this.lease.held || this.lease.confirm();

  /** Builds the next generation from position zero, then switches readers to it. Only the active instance can. */
  rebuild(): Promise<RebuildResult> {
    this.rebuilding ??= rebuildGeneration(this.rebuildHost()).finally(() => {
      this.rebuilding = undefined;
    });
    return this.rebuilding;
  }

  /** Stops applying, writes the checkpoint, gives the lease up. A pending old-generation deletion is left undone. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.stopWatching();
    this.wake?.();
    await this.builder?.abort();
    await this.rebuilding?.catch(() => undefined);
    await this.state?.live.stop();
    await this.contending;
    await this.lease.release();
    for (const timer of this.graceTimers) clearTimeout(timer);
    this.currentRole = 'stopped';
  }

  /** The narrow view of this runner a rebuild works through. */
  private rebuildHost(): RebuildHost {
    const { store, namespace, metrics } = this.options;
    return {
      store,
      namespace,
      buckets: this.buckets,
      activeState: () => (this.currentRole === 'active' ? this.state : undefined),
      mayWrite: () => !this.closing && this.confirmedWriter(),
      startLiveLoop: (writer, catchUpTo) => this.startLiveLoop(writer, catchUpTo),
      setActive: (state) => this.setActive(state),
      scheduleDeletion: (generation) => this.scheduleDeletion(generation),
      building: (loop) => {
        this.builder = loop;
      },
      applied: (event) => metrics?.applied(event, 'rebuild'),
    };
  }

  private startLiveLoop(writer: ReadModelWriter, catchUpTo: string): ApplyLoop {
    return new ApplyLoop(this.options.store, writer, {
      mayWrite: this.confirmedWriter,
      catchUpTo,
      onApplied: (event) => this.options.metrics?.applied(event, 'live'),
    }).start();
  }

  private setActive(state: ActiveState): void {
    this.state = state;
    this.options.metrics?.activeGeneration(state.pointer.active.generation);
  }

  private scheduleDeletion(generation: number): void {
    const timer = setTimeout(() => {
      this.graceTimers.delete(timer);
      this.buckets.destroy(generation).catch((err) => this.log(`could not delete generation ${generation}: ${String(err)}`));
    }, this.options.rebuildGraceMs);
    timer.unref();
    this.graceTimers.add(timer);
  }

  private async contend(): Promise<void> {
    while (!this.closing) {
      let acquired = false;
      let pause: number | undefined;
      try {
        acquired = await this.lease.acquire();
      } catch (err) {
        this.log(`lease acquisition failed: ${String(err)}`);
      }
      if (acquired && !this.closing) {
        await this.serve().catch(async (err: unknown) => {
          this.log(`stopped applying: ${String(err)}`);
          if (!(err instanceof UnreadableEvent)) return;
          this.options.metrics?.unreadable(err.event);
          await this.lease.release();
          pause = 2 * this.options.leaseTtlMs;
        });
      }
      if (!this.closing) {
        this.currentRole = 'standby';
        await this.sleep(pause ?? this.lease.retryInMs());
      }
    }
  }

  /** Applies events while the lease is held; returns when it is lost, on a failure, or on close. */
  private async serve(): Promise<void> {
    const renewal = setInterval(() => void this.renew(), this.options.leaseTtlMs / 3);
    try {
      const pointer = await this.buckets.ensureActive();
      const { generation } = pointer.active;
      const writer = await ReadModelWriter.open(await this.buckets.generation(generation), readModelBucket(this.options.namespace, generation));
      const head = await this.options.store.headPosition();
      if (this.closing) return;
      this.setActive({ pointer, live: this.startLiveLoop(writer, head) });
      this.currentRole = 'active';
      this.options.metrics?.holdsLease(true);
      this.log(`active: applying to ${pointer.active.bucket} from position ${writer.position ?? '0'}`);
      if (layoutOf(pointer.active) !== READ_MODEL_LAYOUT) {
        // A generation of another layout (written by an older version): rebuilt into this layout and switched to.
        this.log(`${pointer.active.bucket} has read-model layout ${layoutOf(pointer.active)}, this version writes ${READ_MODEL_LAYOUT}: rebuilding`);
        this.rebuild().then(
          (result) => this.log(`rebuilt into layout ${READ_MODEL_LAYOUT}: generation ${result.generation} at position ${result.position}`),
          (err: unknown) => this.log(`the rebuild into layout ${READ_MODEL_LAYOUT} failed (it is tried again on the next start): ${String(err)}`),
        );
      }
      await this.whileLive();
    } finally {
      clearInterval(renewal);
      this.options.metrics?.holdsLease(false);
      if (!this.closing) this.state = undefined;
    }
  }

  private async whileLive(): Promise<void> {
    for (;;) {
      const state = this.state;
      if (!state) return;
      const loop = state.live;
      await loop.done;
      if (state.switchover) await state.switchover.catch(() => undefined);
      if (this.closing || this.state?.live === loop || !this.state) {
        if (loop.failure) throw loop.failure;
        return;
      }
    }
  }

  private async renew(): Promise<void> {
    const outcome = await this.lease.renew();
    if (outcome === 'renewed') return;
    if (outcome === 'failed') {
      // Still held until the deadline; writes pause past it until a renewal answers (ProjectionLease.confirm).
      this.log('lease renewal got no answer: tried again');
      return;
    }
    this.log('lease lost: stopping at once');
    await this.state?.live.abort();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
