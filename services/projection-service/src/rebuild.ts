/**
 * `node dist/rebuild.js`: asks the active projection-service instance to rebuild the read model
 * from zero and waits for the switch. Exit code 0 on success. `PROJECTION_REBUILD_TIMEOUT_MS`
 * (default 600000) bounds the wait.
 */
import { connect } from 'nats';
import { natsConnectOptions, readSharedConfig, rebuildSubject } from '@sipauth/contracts';

async function main(): Promise<number> {
  const shared = readSharedConfig(process.env);
  const timeout = Number(process.env.PROJECTION_REBUILD_TIMEOUT_MS ?? 600_000);
  const nc = await connect(natsConnectOptions(shared, 'projection-rebuild'));
  try {
    const msg = await nc.request(rebuildSubject(shared.namespace), Buffer.from('{}'), { timeout });
    const reply = JSON.parse(Buffer.from(msg.data).toString('utf8')) as { ok: boolean };
    console.log(JSON.stringify(reply));
    return reply.ok ? 0 : 1;
  } catch (err) {
    console.error(`rebuild request failed (is a projection-service running in namespace ${shared.namespace}?):`, (err as Error).message);
    return 1;
  } finally {
    await nc.close();
  }
}

main().then((code) => process.exit(code));
