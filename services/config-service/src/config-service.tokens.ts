/** Injection tokens of the values bootstrap creates and the module shares. */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const SERVICE_SETTINGS = Symbol('SERVICE_SETTINGS');
