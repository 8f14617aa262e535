/**
 * Starts the config-service: NATS, the event store, the NATS endpoints and the REST API with its
 * OpenAPI document (`/docs`, `/docs-json`).
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { connect } from 'nats';
import { natsConnectOptions } from '@sipauth/contracts';
import { parseKeyList } from '@sipauth/sip-digest';
import { CachedEventStore, createEventStore } from '@sipauth/event-store';
import { createServiceLogger, useServiceLogger, withServiceLogging } from '@sipauth/logging';
import { ConfigServiceModule } from './config-service.module';
import { readSettings } from './config-service.settings';
import { bearerAuth } from './transport/http/bearer-auth.middleware';
import { serveConsole } from './transport/http/console-static';
import { jsonBody } from './transport/http/json-body.middleware';
import { methodNotAllowed, routesOf } from './transport/http/method-not-allowed.middleware';
import { buildOpenApiDocument } from './transport/http/openapi-document';
import { ReplyExceptionFilter } from './transport/http/reply-exception.filter';
import { RequestLedger } from './idempotency/request-ledger';
import { configNatsTransport } from './transport/config-nats.transport';

export interface RunningConfigService {
  /** Base URL of the REST API, e.g. `http://127.0.0.1:8080`. */
  httpUrl: string;
  /** Stops HTTP, drains the NATS subscriptions, closes the event store and the connection. */
  close(): Promise<void>;
}

export interface StartOptions {
  /**
   * Logs are JSON lines at LOG_LEVEL (libs/logging); `false` silences them when LOG_LEVEL is unset
   * (tests). Other values are kept for callers written before, and ignored.
   */
  logger?: LoggerService | LogLevel[] | false;
}

/** Reads the configuration from `env` (SPEC §7 plus CONFIG_HTTP_PORT, CONFIG_API_TOKENS) and starts the service. */
export async function startConfigService(env: NodeJS.ProcessEnv = process.env, options: StartOptions = {}): Promise<RunningConfigService> {
  const settings = readSettings(env);
  const log = createServiceLogger('config-service', options.logger === false && !env.LOG_LEVEL ? { ...env, LOG_LEVEL: 'silent' } : env);
  if (settings.apiTokens.entries.length === 0) {
    log.warn('CONFIG_API_TOKENS is not set: every REST request will be refused with 401');
  }
  const nc = await connect(natsConnectOptions(settings.shared, 'config-service'));
  try {
    const store = new CachedEventStore(await createEventStore(nc, { namespace: settings.shared.namespace, eventStoreConnectionString: settings.shared.eventStoreConnectionString, replicas: settings.shared.eventStreamReplicas }));
    const sealingKey = parseKeyList(settings.shared.sealingKeys ?? '', 'SIPAUTH_SEALING_KEYS', { exactBytes: 32 })[0].key;
    const ledger = await RequestLedger.open(nc, settings.shared.namespace, settings.shared.eventStreamReplicas, sealingKey);
    const app = await NestFactory.create<NestExpressApplication>(
      withServiceLogging(ConfigServiceModule.forRoot({ settings, nc, store, ledger }, { lifecycle: true }), log, { httpRequests: true }),
      { bodyParser: false, bufferLogs: true },
    );
    useServiceLogger(app);
    // The framework is nobody's business (every route, not only the console's helmet-covered ones).
    app.disable('x-powered-by');
    app.use(serveConsole());
    let routes: ReturnType<typeof routesOf> = [];
    // Who is asking first, then what they ask: no /v1 method or body rule is revealed without a token.
    app.use(bearerAuth(settings.apiTokens, log));
    app.use(methodNotAllowed(() => routes, log));
    app.use(jsonBody({ bodyTimeoutMs: settings.bodyTimeoutMs, log }));
    app.useGlobalFilters(new ReplyExceptionFilter());
    const document = buildOpenApiDocument(app);
    routes = routesOf(document.paths);
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
    // NATS subjects first: the service is reachable over NATS before it reports itself started.
    app.connectMicroservice({ strategy: configNatsTransport(nc, settings.shared.namespace) });
    await app.startAllMicroservices();
    await app.listen(settings.httpPort);
    const { port } = app.getHttpServer().address() as AddressInfo;
    log.info({ event: 'started', httpPort: port, namespace: settings.shared.namespace, eventStore: settings.shared.eventStoreConnectionString ? 'eventstoredb' : 'jetstream' }, 'config-service started');
    let closed = false;
    return {
      httpUrl: `http://127.0.0.1:${port}`,
      async close() {
        if (closed) return;
        closed = true;
        log.info({ event: 'stopping' }, 'config-service stopping: HTTP, NATS subscriptions, event store');
        // HTTP and the NATS endpoints stop, then ConfigServiceLifecycle closes the event store.
        await app.close();
        await nc.drain();
        log.info({ event: 'stopped' }, 'config-service stopped');
      },
    };
  } catch (err) {
    await nc.close();
    throw err;
  }
}
