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
import { ApplyLoop } from './apply-loop';
import { LeaseLost } from './kv/kv-json';
import { ReadModelWriter } from './kv/read-model-writer';
import type { ProjectionRunner } from './projection-runner';

export interface RebuildResult { generation: number; position: string }

export class NotActive extends Error {
  constructor() {
    super('this instance does not hold the projection lease; ask the active instance');
    this.name = 'NotActive';
  }
}

export async function rebuildGeneration(runner: ProjectionRunner): Promise<RebuildResult> {
  const { store, namespace, metrics } = runner.options;
  const state = runner.activeState;
  if (!state || runner.closing) throw new NotActive();
  const from = state.pointer;
  const generation = from.active.generation + 1;
  await runner.buckets.destroy(generation);
  const writer = await ReadModelWriter.open(await runner.buckets.generation(generation), readModelBucket(namespace, generation));
  const headAtStart = await store.headPosition();
  const builder = new ApplyLoop(store, writer, {
    mayWrite: () => runner.mayWrite && !runner.closing,
    catchUpTo: headAtStart,
    checkpointEvery: 500,
    onApplied: (event) => metrics?.applied(event, 'rebuild'),
  });
  runner.builder = builder.start();
  try {
    await builder.reached(headAtStart);
    let endSwitchover = (): void => undefined;
    state.switchover = new Promise((resolve) => (endSwitchover = resolve));
    const old = state.live;
    try {
      await old.stop();
      await builder.reached(await store.headPosition());
      await builder.stop();
      if (!runner.mayWrite || runner.closing) throw new LeaseLost();
      const pointer = await runner.buckets.switchActive(from, generation);
      runner.setActive({ pointer, live: runner.startLiveLoop(writer, writer.position ?? '0') });
      runner.scheduleDeletion(from.active.generation);
      return { generation, position: writer.position ?? '0' };
    } catch (err) {
      if (runner.mayWrite && !runner.closing) runner.setActive({ pointer: from, live: runner.startLiveLoop(old.writer, '0') });
      throw err;
    } finally {
      endSwitchover();
    }
  } finally {
    await builder.abort();
    runner.builder = undefined;
  }
}
