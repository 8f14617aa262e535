/**
 * Starts the read-model watcher and the responders with the application, registers the replica for
 * `$SRV` discovery once it serves, and drains them on shutdown.
 */
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { packageVersion } from '@sipauth/nats-transport';
import type { NatsConnection } from 'nats';
import { join } from 'node:path';
import type { WorkerConfig } from './sip-auth-worker.settings';
import { ReadModelWatcher } from './index/read-model-watcher';
import { LockoutRegistry } from './lockout/lockout-registry';
import { AuthResponder } from './transport/auth-responder';
import { OperatorResponder } from './transport/operator-responder';
import { ServiceDiscovery } from './transport/service-discovery';
import { AUTH_RESPONDER, LOCKOUTS, NATS_CONNECTION, OPERATOR_RESPONDER, READ_MODEL_WATCHER, WORKER_CONFIG } from './sip-auth-worker.tokens';

@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('sip-auth-worker');
  private shuttingDown = false;
  private readonly discovery: ServiceDiscovery;

  constructor(
    @Inject(READ_MODEL_WATCHER) private readonly watcher: ReadModelWatcher,
    @Inject(AUTH_RESPONDER) private readonly responder: AuthResponder,
    @Inject(OPERATOR_RESPONDER) private readonly operators: OperatorResponder,
    @Inject(LOCKOUTS) private readonly lockouts: LockoutRegistry,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(WORKER_CONFIG) config: WorkerConfig,
  ) {
    const version = packageVersion(join(__dirname, '..'));
    this.discovery = new ServiceDiscovery(nc, config.shared.namespace, version, (m) => this.logger.error(m));
  }

  onApplicationBootstrap(): void {
    this.responder.serveStatus();
    this.watcher.requireServing();
    this.watcher.start((err) => this.logger.error(`read-model watcher stopped: ${err.message}`));
    // A replica joins the deciding queue group only when it can decide, so none answers from a half-loaded
    // index; it reports ready only once the server has its subscriptions, so none is asked too early.
    void this.watcher.loaded.then(async () => {
      if (this.shuttingDown) return;
      this.operators.serve();
      await this.responder.serveDecisions();
      // Discovery only (no endpoints); a replica that cannot register still serves, and says why.
      await this.discovery.register().catch((err: Error) => this.logger.error(`cannot register for $SRV discovery: ${err.message}`));
      if (this.shuttingDown) await this.discovery.stop();
      this.watcher.markServing();
      this.logger.log(`ready at position ${this.watcher.status().position}`);
    }).catch((err: Error) => this.logger.error(`cannot serve: ${err.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await this.discovery.stop();
    await this.responder.drain();
    await this.operators.drain();
    await this.lockouts.close();
    await this.watcher.stop();
  }
}
