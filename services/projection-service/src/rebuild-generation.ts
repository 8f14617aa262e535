/**
 * Rebuild from zero into a fresh bucket, then switch.
 *
 * 1. Generation N+1 is filled from position zero while generation N keeps serving (and keeps
 *    being applied to by the live loop).
 * 2. Once N+1 has reached the head seen at the start, the live loop on N is stopped (its
 *    checkpoint written) and N+1 catches up to the current head.
 * 3. Still holding the lease, `active` is switched to N+1 with a compare-and-set, and the live
 *    loop resumes on N+1 from its checkpoint. Readers that watch `active` move over.
 * 4. Generation N's bucket is deleted after a grace period, so readers mid-switch can finish.
 * If anything fails before the switch, N stays active and its live loop resumes.
 */
import { readModelBucket } from '@sipauth/contracts';
import type { EventStore, RecordedEvent } from '@sipauth/event-store';
import { ApplyLoop } from './apply-loop';
import { LeaseLost, type MayWrite } from './kv/kv-json';
import type { ActivePointer, ReadModelBuckets } from './kv/read-model-buckets';
import { ReadModelWriter } from './kv/read-model-writer';

export interface RebuildResult { generation: number; position: string }

/** The live state while an instance holds the lease: the generation readers use and the loop applying to it. */
export interface ActiveState {
  pointer: ActivePointer;
  live: ApplyLoop;
  /** Set while a rebuild swaps the live loop, so that the swap is not taken for the end of the session. */
  switchover?: Promise<void>;
}

/**
 * What a rebuild needs from the instance it runs in, and nothing more: the runner hands one over
 * (so the rebuild neither imports the runner nor reaches into its fields).
 */
export interface RebuildHost {
  readonly store: EventStore;
  readonly namespace: string;
  readonly buckets: ReadModelBuckets;
  /** The live state, or undefined when this instance is not active. */
  activeState(): ActiveState | undefined;
  /** True while the lease is held and the instance is not closing: the rebuild may write (see MayWrite). */
  mayWrite: MayWrite;
  /** A live loop over `writer`, already started. */
  startLiveLoop(writer: ReadModelWriter, catchUpTo: string): ApplyLoop;
  /** Makes `state` the live state (after the switch, or back to the old generation on failure). */
  setActive(state: ActiveState): void;
  /** Deletes the old generation's bucket after the grace period. */
  scheduleDeletion(generation: number): void;
  /** Tells the host about the builder loop (so that closing aborts it), and undefined when it is done. */
  building(loop: ApplyLoop | undefined): void;
  applied?(event: RecordedEvent): void;
}

export class NotActive extends Error {
  constructor() {
    super('this instance does not hold the projection lease; ask the active instance');
    this.name = 'NotActive';
  }
}

export async function rebuildGeneration(host: RebuildHost): Promise<RebuildResult> {
  const { store, namespace } = host;
  const state = host.activeState();
  if (!state || !(await host.mayWrite())) throw new NotActive();
  const from = state.pointer;
  const generation = from.active.generation + 1;
  await host.buckets.destroy(generation);
  const writer = await ReadModelWriter.open(await host.buckets.generation(generation), readModelBucket(namespace, generation));
  const headAtStart = await store.headPosition();
  const builder = new ApplyLoop(store, writer, {
    mayWrite: () => host.mayWrite(),
    catchUpTo: headAtStart,
    checkpointEvery: 500,
    onApplied: (event) => host.applied?.(event),
  });
  host.building(builder.start());
  try {
    await builder.reached(headAtStart);
    let endSwitchover = (): void => undefined;
    state.switchover = new Promise((resolve) => (endSwitchover = resolve));
    const old = state.live;
    try {
      await old.stop();
      await builder.reached(await store.headPosition());
      await builder.stop();
      if (!(await host.mayWrite())) throw new LeaseLost();
      const pointer = await host.buckets.switchActive(from, generation);
      host.setActive({ pointer, live: host.startLiveLoop(writer, writer.position ?? '0') });
      host.scheduleDeletion(from.active.generation);
      return { generation, position: writer.position ?? '0' };
    } catch (err) {
      if (await host.mayWrite()) host.setActive({ pointer: from, live: host.startLiveLoop(old.writer, '0') });
      throw err;
    } finally {
      endSwitchover();
    }
  } finally {
    await builder.abort();
    host.building(undefined);
  }
}
