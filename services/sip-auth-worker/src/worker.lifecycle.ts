/** Starts the read-model watcher and the responder with the application, and drains them on shutdown. */
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ReadModelWatcher } from './index/read-model-watcher';
import { LockoutRegistry } from './lockout/lockout-registry';
import { AuthResponder } from './transport/auth-responder';
import { OperatorResponder } from './transport/operator-responder';
import { AUTH_RESPONDER, LOCKOUTS, OPERATOR_RESPONDER, READ_MODEL_WATCHER } from './worker.tokens';

@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('sip-auth-worker');
  private shuttingDown = false;

  constructor(
    @Inject(READ_MODEL_WATCHER) private readonly watcher: ReadModelWatcher,
    @Inject(AUTH_RESPONDER) private readonly responder: AuthResponder,
    @Inject(OPERATOR_RESPONDER) private readonly operators: OperatorResponder,
    @Inject(LOCKOUTS) private readonly lockouts: LockoutRegistry,
  ) {}

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
      this.watcher.markServing();
      this.logger.log(`ready at position ${this.watcher.status().position}`);
    }).catch((err: Error) => this.logger.error(`cannot serve: ${err.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await this.responder.drain();
    await this.operators.drain();
    await this.lockouts.close();
    await this.watcher.stop();
  }
}
