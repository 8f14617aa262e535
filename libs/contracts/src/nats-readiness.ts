/**
 * Readiness that follows a NATS connection: each service's /readyz answers 503 while its connection
 * is down (between a disconnect and the reconnect), draining or closed, so a rollout does not count a
 * pod as ready that cannot serve, and an ingress stops sending REST calls that would fail.
 */
import type { NatsConnection } from 'nats';

/** Starts following `nc`'s status events; the returned function says whether it is connected now. */
export function followNatsConnection(nc: NatsConnection): () => boolean {
  let connected = true;
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') connected = false;
      else if (status.type === 'reconnect') connected = true;
    }
  })().catch(() => undefined);
  return () => connected && !nc.isClosed() && !nc.isDraining();
}
