/**
 * One catch-up subscription applying every event, in global order, to one read-model bucket.
 * Resumes after the bucket's checkpoint; writes the checkpoint after every `checkpointEvery`
 * events while catching up and after every event once at the head it was given, and on stop.
 */
import type { EventStore, EventSubscription, RecordedEvent } from '@sipauth/event-store';
import { LeaseLost } from './kv/kv-json';
import type { ReadModelWriter } from './kv/read-model-writer';

export interface ApplyLoopOptions {
  /** Asked before every write: false stops the loop at once (the lease is gone). */
  mayWrite(): boolean;
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
  private finished: Promise<void> = Promise.resolve();
  /** Why the loop ended on its own (lease lost, fenced out, store failure); undefined when stopped. */
  failure: unknown;

  constructor(
    private readonly store: EventStore,
    readonly writer: ReadModelWriter,
    private readonly options: ApplyLoopOptions,
  ) {}

  start(): this {
    this.subscription = this.store.subscribeToAll({ fromPosition: this.writer.position });
    this.finished = this.run(this.subscription);
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
    if (this.options.mayWrite()) await this.writer.checkpoint();
  }

  /** Stops without another write: the lease is gone. */
  async abort(): Promise<void> {
    this.failure ??= new LeaseLost();
    this.stopping = true;
    await this.subscription?.close();
    await this.finished;
  }

  private async run(subscription: EventSubscription): Promise<void> {
    const every = this.options.checkpointEvery ?? 100;
    let sinceCheckpoint = 0;
    try {
      for await (const event of subscription) {
        if (this.stopping) break;
        if (!this.options.mayWrite()) throw new LeaseLost();
        const operations = await this.writer.apply(event, () => this.options.mayWrite() && !this.failure);
        sinceCheckpoint += 1;
        if (sinceCheckpoint >= every || atOrPast(event.position, this.options.catchUpTo)) {
          await this.writer.checkpoint();
          sinceCheckpoint = 0;
        }
        this.options.onApplied?.(event, operations);
        this.settleWaiters();
      }
    } catch (err) {
      this.failure ??= err;
    } finally {
      this.stopping = true;
      await subscription.close().catch(() => undefined);
      for (const w of this.waiters.splice(0)) w.reject(this.failure ?? new Error('the apply loop has stopped'));
    }
  }

  private settleWaiters(): void {
    const still: typeof this.waiters = [];
    for (const w of this.waiters) (atOrPast(this.writer.position, w.position) ? w.resolve() : still.push(w));
    this.waiters = still;
  }
}
