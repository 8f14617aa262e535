/** Environment → typed settings of the sip-edge bridge (the shared ones via libs/contracts). */
import { readSharedConfig, SharedConfig } from '@sipauth/contracts';

export interface SipEdgeSettings {
  shared: SharedConfig;
  /** `SIPAUTH_EVAPI_ADDRESS`: Kamailio's evapi socket, `host:port`; default `127.0.0.1:8448`. */
  evapi: { host: string; port: number };
  /**
   * How long the bridge waits for the worker before answering 503: ¾ of `SIPAUTH_EDGE_AUTH_TIMEOUT_MS`
   * (default 2000), the bound Kamailio enforces on the suspended transaction, so that the bridge's
   * 503 normally comes first and Kamailio's timer is the backstop for a bridge that is gone.
   */
  authTimeoutMs: number;
  /** `SIP_EDGE_HTTP_PORT`: /healthz, /readyz and /metrics; default 9466, 0 picks a free port. */
  httpPort: number;
  /**
   * `SIPAUTH_EDGE_BATCH_MS`: questions published and answers written together within this window
   * (0–20 ms). Default 0: answers go out once per event-loop turn, and a question goes at the end of
   * its turn while none of this bridge's questions is in flight, else with the next reply (at most
   * 2 ms later; bridge/hold-while-busy.ts). Fewer socket writes for a little latency.
   */
  batchMs: number;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max} (got ${raw})`);
  }
  return value;
}

/** Reads the settings; throws an Error naming the variable for a bad value. */
export function readSipEdgeSettings(env: NodeJS.ProcessEnv = process.env): SipEdgeSettings {
  const address = env.SIPAUTH_EVAPI_ADDRESS || '127.0.0.1:8448';
  const m = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(address);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535) throw new Error(`SIPAUTH_EVAPI_ADDRESS must be host:port (got ${JSON.stringify(address)})`);
  return {
    shared: readSharedConfig(env),
    evapi: { host: m[1], port },
    authTimeoutMs: Math.floor(integer(env, 'SIPAUTH_EDGE_AUTH_TIMEOUT_MS', 2000, 50, 60_000) * 0.75),
    httpPort: integer(env, 'SIP_EDGE_HTTP_PORT', 9466, 0, 65535),
    batchMs: integer(env, 'SIPAUTH_EDGE_BATCH_MS', 0, 0, 20),
  };
}
