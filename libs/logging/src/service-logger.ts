/**
 * Structured JSON logs for every service (SPEC §7 `LOG_LEVEL`): one pino logger per service, one JSON
 * object per line, with the fields that may hold a secret censored by pino's redaction whatever code
 * logs them, so a careless `logger.info({ request })` still cannot leak a password, an HA1 or an
 * Authorization header.
 */
import pino, { type DestinationStream, type Level, type Logger } from 'pino';

export const LOG_LEVELS: readonly (Level | 'silent')[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** Field names whose values never reach a log line, at the top level and up to three levels down. */
export const SECRET_FIELDS = ['password', 'ha1', 'previousHa1', 'authorization', 'proxyAuthorization', 'cookie', 'token'] as const;
const REDACT_PATHS = SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]);
export const REDACTED = '[redacted]';

/** The level from `LOG_LEVEL` (default `info`). An unknown name is an error naming the variable. */
export function readLogLevel(env: NodeJS.ProcessEnv = process.env): LogLevelName {
  const text = env.LOG_LEVEL?.trim().toLowerCase();
  if (!text) return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(text)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(env.LOG_LEVEL)})`);
  }
  return text as LogLevelName;
}

let capture: DestinationStream | undefined;

/**
 * Sends the lines of every logger created afterwards in this process to `destination` instead of
 * stdout (tests read them back); `undefined` restores stdout.
 */
export function setLogDestination(destination: DestinationStream | undefined): void {
  capture = destination;
}

/** A JSON logger for `service`: `{"level":"info","time":…,"service":…,"msg":…}` per line, secrets censored. */
export function createServiceLogger(service: string, env: NodeJS.ProcessEnv = process.env, destination?: DestinationStream): Logger {
  return pino(
    {
      level: readLogLevel(env),
      base: { service },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    destination ?? capture ?? pino.destination({ dest: 1, sync: false }),
  );
}
