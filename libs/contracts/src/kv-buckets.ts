/** Opening the KV buckets a service creates when missing (replay guard, lockouts, ledger, read models). */
import type { JetStreamClient, KV, KvOptions } from 'nats';
import { isStreamCreateRace } from './jetstream-errors';

/**
 * `js.views.kv(name, opts)`, opened once more when its create lost a race with another replica's
 * (isStreamCreateRace): the bucket exists by then, and the second open binds to it.
 */
export async function openKvBucket(js: JetStreamClient, name: string, opts: Partial<KvOptions>): Promise<KV> {
  try {
    return await js.views.kv(name, opts);
  } catch (err) {
    if (!isStreamCreateRace(err)) throw err;
    return js.views.kv(name, opts);
  }
}
