/**
 * The worker's Nest module: configuration, providers and lifecycle, plus the HTTP probes. The auth
 * subjects are served by {@link AuthResponder} on the raw nats.js connection (see there why).
 */
import { DynamicModule, Logger, Module } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { NonceService } from '@sipauth/sip-digest';
import { Authorizer } from './authorization/authorizer';
import type { WorkerConfig } from './sip-auth-worker.settings';
import { AuthIndex } from './index/auth-index';
import { KvReplayGuard } from './index/kv-replay-guard';
import { DecisionExplainer } from './explain/decision-explainer';
import { LockoutRegistry } from './lockout/lockout-registry';
import { ReadModelWatcher } from './index/read-model-watcher';
import { ProbesController } from './ops/probes.controller';
import { WorkerMetrics } from './ops/worker-metrics';
import { AuthResponder } from './transport/auth-responder';
import { OperatorResponder } from './transport/operator-responder';
import { WorkerLifecycle } from './sip-auth-worker.lifecycle';
import { AUTH_RESPONDER, AUTHORIZER, LOCKOUTS, METRICS, NATS_CONNECTION, OPERATOR_RESPONDER, READ_MODEL_WATCHER, WORKER_CONFIG } from './sip-auth-worker.tokens';

const logger = new Logger('sip-auth-worker');

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig, nc: NatsConnection): DynamicModule {
    return {
      module: WorkerModule,
      controllers: [ProbesController],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: NATS_CONNECTION, useValue: nc },
        {
          provide: READ_MODEL_WATCHER,
          useFactory: () => new ReadModelWatcher(
            nc, config.shared.namespace, () => new AuthIndex(config.shared.realm, config.keyring, config.cachedCredentials), (m) => logger.log(m),
          ),
        },
        {
          provide: METRICS,
          inject: [READ_MODEL_WATCHER],
          useFactory: (watcher: ReadModelWatcher) => {
            const metrics = new WorkerMetrics(() => watcher.status(), true);
            watcher.onApplied = metrics.changeApplied;
            return metrics;
          },
        },
        {
          provide: LOCKOUTS,
          inject: [METRICS],
          useFactory: (metrics: WorkerMetrics) => LockoutRegistry.open(nc, config.shared.namespace, {
            replicas: config.shared.eventStreamReplicas, log: (m) => logger.log(m), sink: metrics.lockoutSink,
          }),
        },
        {
          provide: AUTHORIZER,
          inject: [READ_MODEL_WATCHER, LOCKOUTS],
          useFactory: async (watcher: ReadModelWatcher, lockouts: LockoutRegistry) => new Authorizer({
            index: watcherLookup(watcher),
            nonces: new NonceService({ secrets: config.nonceSecrets, ttlSeconds: config.shared.nonceTtlSeconds }),
            replay: await KvReplayGuard.open(nc, config.shared.namespace, config.shared.nonceTtlSeconds, config.shared.eventStreamReplicas, config.shared.natsInboxPrefix),
            realm: config.shared.realm,
            lockouts,
          }),
        },
        {
          provide: OPERATOR_RESPONDER,
          inject: [AUTHORIZER, LOCKOUTS, READ_MODEL_WATCHER],
          useFactory: (authorizer: Authorizer, lockouts: LockoutRegistry, watcher: ReadModelWatcher) => new OperatorResponder({
            nc, namespace: config.shared.namespace, explainer: new DecisionExplainer(authorizer), lockouts, index: watcherLookup(watcher), log: (m) => logger.error(m),
          }),
        },
        {
          provide: AUTH_RESPONDER,
          inject: [AUTHORIZER, METRICS, READ_MODEL_WATCHER, LOCKOUTS],
          useFactory: (authorizer: Authorizer, metrics: WorkerMetrics, watcher: ReadModelWatcher, lockouts: LockoutRegistry) => new AuthResponder({
            nc, namespace: config.shared.namespace, authorizer, metrics, status: () => watcher.status(), log: (m) => logger.error(m),
            beforeReply: () => lockouts.flushEvents(),
          }),
        },
        WorkerLifecycle,
      ],
    };
  }
}

/** Reads through to whichever generation is active at the moment of the request. */
export function watcherLookup(watcher: ReadModelWatcher): ConstructorParameters<typeof Authorizer>[0]['index'] {
  return {
    trunkByDomain: (domain) => watcher.index?.trunkByDomain(domain),
    trunkById: (accountId, trunkId) => watcher.index?.trunkById(accountId, trunkId),
    credentialsFor: (trunk, username, userhash, algorithm) => watcher.index?.credentialsFor(trunk, username, userhash, algorithm) ?? [],
  };
}
