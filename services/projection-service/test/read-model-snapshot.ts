/** Reads a whole read-model generation from NATS KV, for comparisons in the integration tests. */
import type { NatsConnection } from 'nats';
import { ACTIVE_KEY, POSITION_KEY, projectionBucket, readModelBucket, type ActiveReadModel, type PositionDoc } from '@sipauth/contracts';

/** Every key and its JSON value, the checkpoint's timestamps (when written, when its event was recorded) left out. */
export async function snapshot(nc: NatsConnection, namespace: string, generation: number): Promise<Record<string, unknown>> {
  const kv = await nc.jetstream().views.kv(readModelBucket(namespace, generation), { bindOnly: true });
  const out: Record<string, unknown> = {};
  const keys: string[] = [];
  for await (const key of await kv.keys()) keys.push(key);
  for (const key of keys.sort()) {
    const entry = await kv.get(key);
    if (!entry || entry.operation !== 'PUT') continue;
    const value = entry.json<Record<string, unknown>>();
    if (key === POSITION_KEY) {
      delete value.updatedAt;
      delete value.recordedAt;
    }
    out[key] = value;
  }
  return out;
}

export async function activeReadModel(nc: NatsConnection, namespace: string): Promise<ActiveReadModel | undefined> {
  try {
    const kv = await nc.jetstream().views.kv(projectionBucket(namespace), { bindOnly: true });
    const entry = await kv.get(ACTIVE_KEY);
    return entry && entry.operation === 'PUT' ? entry.json<ActiveReadModel>() : undefined;
  } catch {
    return undefined;
  }
}

/** The checkpoint of the active generation ("0" before there is one). */
export async function appliedPosition(nc: NatsConnection, namespace: string): Promise<string> {
  const active = await activeReadModel(nc, namespace);
  if (!active) return '0';
  const kv = await nc.jetstream().views.kv(active.bucket, { bindOnly: true });
  const entry = await kv.get(POSITION_KEY);
  return entry && entry.operation === 'PUT' ? entry.json<PositionDoc>().position : '0';
}

/** Polls until `check` holds; fails with `what` after many attempts (never asserts a duration). */
export async function eventually(what: string, check: () => Promise<boolean> | boolean, attempts = 300, intervalMs = 50): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out waiting until ${what}`);
}

export async function caughtUpTo(nc: NatsConnection, namespace: string, head: string): Promise<void> {
  await eventually(`the projection has applied position ${head}`, async () => BigInt(await appliedPosition(nc, namespace)) >= BigInt(head));
}
