/** Starts a sip-edge bridge in this process (used by main.ts, the local start and the tests). */
import { connect } from 'nats';
import { natsConnectOptions } from '@sipauth/contracts';
import { createServiceLogger } from '@sipauth/logging';
import { AuthBridge, BridgeCounters } from './bridge/auth-bridge';
import { EvapiConnection } from './evapi/evapi-connection';
import { startOpsServer } from './ops/ops-server';
import { readSipEdgeSettings } from './sip-edge.settings';

export interface RunningSipEdge {
  /** Base URL of /healthz, /readyz and /metrics. */
  httpUrl: string;
  counters: BridgeCounters;
  /** Connected to Kamailio's evapi socket. */
  connected(): boolean;
  /** Stops reading questions, drains NATS and closes the ops server. */
  close(): Promise<void>;
}

export interface SipEdgeLogger {
  (level: 'info' | 'warn', message: string): void;
}

/** The shared JSON logger of every service (libs/logging: LOG_LEVEL, secrets redacted). */
function jsonLog(env: NodeJS.ProcessEnv): SipEdgeLogger {
  const logger = createServiceLogger('sip-edge', env);
  return (level, message) => logger[level](message);
}

/**
 * Reads the settings (throws naming a bad variable), connects to NATS, then to Kamailio's evapi
 * socket (resolves once connected) and serves questions until closed.
 */
export async function startSipEdge(env: NodeJS.ProcessEnv = process.env, log: SipEdgeLogger = jsonLog(env)): Promise<RunningSipEdge> {
  const settings = readSipEdgeSettings(env);
  const nc = await connect(natsConnectOptions(settings.shared, 'sip-edge'));
  let evapi: EvapiConnection | undefined;
  const bridge = new AuthBridge(nc, settings.shared.namespace, settings.authTimeoutMs, (p) => evapi?.send(p), log, settings.shared.natsInboxPrefix, settings.batchMs);
  evapi = new EvapiConnection({ ...settings.evapi, batchMs: settings.batchMs, onMessage: (p) => bridge.handle(p), onLog: log });
  const ops = await startOpsServer(settings.httpPort, { ready: () => !!evapi?.isConnected && !nc.isClosed(), counters: bridge.counters })
    .catch(async (err) => {
      await nc.close();
      throw err;
    });
  await evapi.start();
  let closing: Promise<void> | undefined;
  return {
    httpUrl: `http://127.0.0.1:${ops.port}`,
    counters: bridge.counters,
    connected: () => !!evapi?.isConnected,
    close: () =>
      (closing ??= (async () => {
        evapi?.close();
        bridge.close();
        await new Promise<void>((r) => ops.server.close(() => r()));
        await nc.drain().catch(() => nc.close());
      })()),
  };
}
