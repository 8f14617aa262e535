/**
 * The worker in NATS Services API discovery (`$SRV.PING|INFO|STATS.sip-auth-worker`, `nats micro ls`),
 * with no endpoints: its subjects stay raw nats.js subscriptions (README "sip-auth-worker": nothing
 * between the socket and the decision), so operators find every replica, its version and namespace,
 * while INFO lists no endpoint and STATS counts none.
 */
import type { NatsConnection, Service } from 'nats';
import { QUEUE_GROUPS, SERVICE_NAMES } from '@sipauth/contracts';

export class ServiceDiscovery {
  private service?: Service;

  constructor(
    private readonly nc: NatsConnection,
    private readonly namespace: string,
    private readonly version: string,
    private readonly log: (message: string) => void,
  ) {}

  /** Registers this replica; call once its subscriptions are up. Resolves once the server has `$SRV`'s. */
  async register(): Promise<void> {
    const service = await this.nc.services.add({
      name: SERVICE_NAMES.worker,
      version: this.version,
      queue: QUEUE_GROUPS.worker,
      description: 'SIP trunk authorization (auth.* on raw subscriptions; discovery only)',
      // $SRV subjects have no namespace: the metadata tells replicas of two namespaces apart.
      metadata: { namespace: this.namespace },
    });
    this.service = service;
    // nats.js stops the service when a `$SRV` subscription ends (e.g. a permissions violation).
    void service.stopped.then((err) => {
      if (err && this.service === service) this.log(`$SRV discovery stopped: ${err.message}`);
    });
    await this.nc.flush();
  }

  /** Leaves discovery (first thing on drain: operators stop seeing a replica that is going away). */
  async stop(): Promise<void> {
    const service = this.service;
    this.service = undefined;
    await service?.stop().catch(() => undefined);
  }
}
