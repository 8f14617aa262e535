/** The worker's public surface: its bootstrap, and the decision code for benchmarks and tools. */
export * from './bootstrap';
export * from './sip-auth-worker.settings';
export * from './authorization/authorizer';
export * from './authorization/auth-lookup';
export * from './authorization/replay-guard';
export * from './authorization/lockout-gate';
export * from './lockout/lockout-book';
export * from './lockout/lockout-registry';
export * from './explain/decision-explainer';
export * from './explain/token-bucket';
export * from './authorization/request-target';
export * from './index/auth-index';
export * from './index/kv-replay-guard';
export * from './index/read-model-watcher';
export * from './transport/auth-request.validation';
export { watcherLookup } from './sip-auth-worker.module';
