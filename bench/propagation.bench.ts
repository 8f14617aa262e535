/**
 * Propagation: from a config command's reply (credential.change-password over NATS) to the workers
 * deciding with it. Per change: the time until every worker (two replicas) reports an applied
 * position ≥ the reply's position, and the time until, after that, an authorize answered over NATS
 * allows the new password (the figure that matters). p50/p99 over many changes (target p99 ≤ 50 ms).
 */
import { performance } from 'node:perf_hooks';
import { authSubject, type AuthDecision } from '@sipauth/contracts';
import { percentile } from './support/stats';
import { digestAcks, startStack, trunkWithCredential } from './support/stack';

const CHANGES = 60;
const WARMUP = 5;
const DOMAIN = 'propagation.example.net';

async function main(): Promise<void> {
  const stack = await startStack('bench-propagation', 2);
  const { workers, command, request } = stack;
  try {
    let password = 'Bench-Pass-0000';
    const list = await trunkWithCredential(stack, DOMAIN, password);
    const ackWith = await digestAcks(stack, DOMAIN);

    const applied: number[] = [];
    const deciding: number[] = [];
    for (let i = 0; i < CHANGES + WARMUP; i++) {
      password = `Bench-Pass-${String(i + 1).padStart(4, '0')}`;
      const { position } = await command('credential.change-password', { credentialListId: list.credentialListId, credentialId: list.credentialId, password });
      const t0 = performance.now();
      await spinUntil(() => workers.every((w) => BigInt(w.status().position) >= BigInt(position)));
      const t1 = performance.now();
      const probe = ackWith(password);
      let decision: AuthDecision;
      do decision = await request<AuthDecision>(authSubject(stack.ns, 'authorize'), probe);
      while (decision.reason !== 'digest-verified' && performance.now() - t0 < 5_000);
      if (decision.reason !== 'digest-verified') throw new Error(`change ${i} not visible: ${decision.reason}`);
      const t2 = performance.now();
      if (i >= WARMUP) { applied.push(t1 - t0); deciding.push(t2 - t0); }
    }
    const figures = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(2)}  p99 ${percentile(xs, 99).toFixed(2)}  max ${percentile(xs, 100).toFixed(2)}`;
    console.log(`propagation of credential.change-password over ${CHANGES} changes, 2 workers (ms from the command's reply)`);
    console.log(`every worker applied  ${figures(applied)}`);
    console.log(`authorize allows new  ${figures(deciding)}  (target p99 ≤ 50 ms)`);
  } finally {
    await stack.close();
  }
}

/** Polls on every turn of the event loop, so the measurement is not rounded up to a timer tick. */
async function spinUntil(check: () => boolean): Promise<void> {
  const deadline = performance.now() + 5_000;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('timed out waiting for the workers');
    await new Promise((r) => setImmediate(r));
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
