/**
 * One catch-up subscription applying every event, in global order, to one read-model bucket.
 * Resumes after the bucket's checkpoint; writes the checkpoint after every `checkpointEvery`
 * events stored while catching up and after every event stored once at the head it was given
 * (coalesced while one is being written), and on stop. The writer is pipelined: events are handed to
 * it as they arrive and reported back once stored, in order (see ReadModelWriter).
 */
import type { EventStore, EventSubscription, RecordedEvent } from '@sipauth/event-store';
import { LeaseLost, type MayWrite } from './kv/kv-json';
import type { ReadModelWriter } from './kv/read-model-writer';

export interface ApplyLoopOptions {
  /** Asked before every write: false stops the loop at once (the lease is gone); a promise while the lease is confirmed. */
  mayWrite: MayWrite;
  /** The head position when the loop started: reaching it means caught up. */
  catchUpTo: string;
  checkpointEvery?: number;
  onApplied?(event: RecordedEvent, operations: number): void;
}

/** Positions are decimal strings comparable as integers. */
export const atOrPast = (position: string | undefined, target: string): boolean =>
  BigInt(position ?? '0') >= BigInt(target);

export class ApplyLoop {
  private subscription: EventSubscription | undefined;
  private stopping = false;
  private waiters: Array<{ position: string; resolve(): void; reject(err: unknown): void }> = [];
  private sinceCheckpoint = 0;
  private finished: Promise<void> = Promise.resolve();
  /** Why the loop ended on its own (lease lost, fenced out, store failure); undefined when stopped. */
  failure: unknown;

  constructor(
    private readonly store: EventStore,
    readonly writer: ReadModelWriter,
    private readonly options: ApplyLoopOptions,
  ) {}

  start(): this {
    const subscription = this.store.subscribeToAll({ fromPosition: this.writer.position });
    this.subscription = subscription;
    this.writer.listen({
      stored: (event, operations) => this.stored(event, operations),
      failed: (err) => {
        this.failure ??= err;
        void subscription.close().catch(() => undefined);
      },
    });
    this.finished = this.run(subscription);
    return this;
  }

  /** Ends when the loop ends, for whatever reason. */
  get done(): Promise<void> {
    return this.finished;
  }

  get caughtUp(): boolean {
    return atOrPast(this.writer.position, this.options.catchUpTo);
  }

  /** Resolves once the events up to `position` are applied; rejects if the loop ends first. */
  reached(position: string): Promise<void> {
    if (atOrPast(this.writer.position, position)) return Promise.resolve();
    if (this.stopping) return Promise.reject(this.failure ?? new Error('the apply loop has stopped'));
    return new Promise((resolve, reject) => this.waiters.push({ position, resolve, reject }));
  }

  /** Stops the subscription, then writes the checkpoint (if this instance may still write). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.finished;
    if (await this.options.mayWrite()) await this.writer.checkpoint();
  }

  /** Stops without another write: the lease is gone. */
  async abort(): Promise<void> {
    this.failure ??= new LeaseLost();
    this.stopping = true;
    await this.subscription?.close();
    await this.finished;
  }

  private readonly mayWrite: MayWrite = () => (this.failure ? false : this.options.mayWrite());

  private async run(subscription: EventSubscription): Promise<void> {
    try {
      for await (const event of subscription) {
        if (this.stopping || this.failure) break;
        const allowed = this.options.mayWrite();
        if (allowed !== true && !(await allowed)) throw new LeaseLost();
        await this.writer.apply(event, this.mayWrite);
      }
    } catch (err) {
      this.failure ??= err;
    } finally {
      this.stopping = true;
      await subscription.close().catch(() => undefined);
      // Nothing of this loop is still writing once it is done: the next writer may start.
      await this.writer.settle();
      this.failure ??= this.writer.failed;
      this.writer.listen(undefined);
      for (const w of this.waiters.splice(0)) w.reject(this.failure ?? new Error('the apply loop has stopped'));
    }
  }

  private stored(event: RecordedEvent, operations: number): void {
    this.sinceCheckpoint += 1;
    if (this.sinceCheckpoint >= (this.options.checkpointEvery ?? 100) || atOrPast(event.position, this.options.catchUpTo)) {
      this.sinceCheckpoint = 0;
      this.writer.requestCheckpoint(this.mayWrite);
    }
    this.options.onApplied?.(event, operations);
    this.settleWaiters();
  }

  private settleWaiters(): void {
    const still: typeof this.waiters = [];
    for (const w of this.waiters) (atOrPast(this.writer.position, w.position) ? w.resolve() : still.push(w));
    this.waiters = still;
  }
}
