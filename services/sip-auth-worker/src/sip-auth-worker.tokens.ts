/** Injection tokens of the worker module. */
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const READ_MODEL_WATCHER = Symbol('READ_MODEL_WATCHER');
export const METRICS = Symbol('METRICS');
export const AUTHORIZER = Symbol('AUTHORIZER');
export const AUTH_RESPONDER = Symbol('AUTH_RESPONDER');
export const LOCKOUTS = Symbol('LOCKOUTS');
export const OPERATOR_RESPONDER = Symbol('OPERATOR_RESPONDER');
