/**
 * The same logger inside NestJS, through nestjs-pino: Nest's own lines (start, routes, errors) and every
 * `new Logger(context)` call become JSON lines of the service's logger.
 */
import type { IncomingMessage } from 'node:http';
import { Module, type DynamicModule, type INestApplication, type LoggerService } from '@nestjs/common';
import { Logger as PinoNestLogger, LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

@Module({})
class LoggedApplication {}

let requestCounter = 0;

export interface NestLoggingOptions {
  /** Log one line per HTTP request (method, path, status, ms); off for services whose HTTP is only probes. */
  httpRequests?: boolean;
}

/** `appModule` wrapped with the logging module, to pass to `NestFactory.create` (with `bufferLogs: true`). */
export function withServiceLogging(appModule: DynamicModule, logger: Logger, options: NestLoggingOptions = {}): DynamicModule {
  return {
    module: LoggedApplication,
    imports: [
      appModule,
      LoggerModule.forRoot({
        pinoHttp: {
          logger,
          // Probes are polled every few seconds: a line each would bury the requests that matter.
          autoLogging: (options.httpRequests ?? false) && { ignore: (req: IncomingMessage) => /^\/(healthz|readyz|metrics)\b/.test(req.url ?? '') },
          quietReqLogger: true,
          // The caller's X-Request-Id (the correlation id of its events) when usable, else a counter.
          genReqId: (req: IncomingMessage) => {
            const given = req.headers['x-request-id'];
            return typeof given === 'string' && /^[\x21-\x7e]{1,128}$/.test(given) ? given : ++requestCounter;
          },
          // Only what says which request it was: never headers (Authorization) or bodies.
          serializers: {
            req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
            res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    ],
  };
}

/** Nest's start-up chatter (a line per module and per route): kept, but at debug. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** nestjs-pino's logger, with Nest's own start-up lines moved from info down to debug. */
export class ServiceNestLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = params[params.length - 1];
    if (typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) this.inner.debug?.(message, ...params);
    else this.inner.log(message, ...params);
  }
  error(message: unknown, ...params: unknown[]): void { this.inner.error(message, ...params); }
  warn(message: unknown, ...params: unknown[]): void { this.inner.warn(message, ...params); }
  debug(message: unknown, ...params: unknown[]): void { this.inner.debug?.(message, ...params); }
  verbose(message: unknown, ...params: unknown[]): void { this.inner.verbose?.(message, ...params); }
  fatal(message: unknown, ...params: unknown[]): void { this.inner.fatal?.(message, ...params); }
}

/** Routes the application's Nest logging into its pino logger (call right after `NestFactory.create`). */
export function useServiceLogger(app: INestApplication): void {
  app.useLogger(new ServiceNestLogger(app.get(PinoNestLogger)));
}
