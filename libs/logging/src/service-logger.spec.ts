import { captureLogs } from './testing';
import { ServiceNestLogger } from './nest-logging';
import { createServiceLogger, readLogLevel, REDACTED } from './service-logger';

describe('service loggers', () => {
  it('write one JSON object per line with the level name, an ISO time and the service', () => {
    const logs = captureLogs();
    try {
      createServiceLogger('config-service', { LOG_LEVEL: 'info' }).info({ actor: 'ops' }, 'command done');
      expect(logs.records()).toEqual([expect.objectContaining({ level: 'info', service: 'config-service', actor: 'ops', msg: 'command done', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })]);
    } finally {
      logs.stop();
    }
  });

  it('censor passwords, HA1s and authorization headers wherever a careless caller puts them', () => {
    const logs = captureLogs();
    try {
      const logger = createServiceLogger('x', { LOG_LEVEL: 'debug' });
      logger.info({ password: 'Top-Secret-Pass-1', request: { password: 'Nested-Secret-2', ha1: { MD5: 'abc123hash' } } }, 'request');
      logger.debug({ req: { headers: { authorization: 'Bearer the-token-value' } }, reply: { body: { proxyAuthorization: 'Digest response="xyz"' } } }, 'http');
      const text = logs.lines().join('\n');
      for (const secret of ['Top-Secret-Pass-1', 'Nested-Secret-2', 'abc123hash', 'the-token-value', 'response="xyz"']) expect(text).not.toContain(secret);
      expect(logs.records()[0]).toMatchObject({ password: REDACTED, request: { password: REDACTED, ha1: REDACTED } });
    } finally {
      logs.stop();
    }
  });

  it('read LOG_LEVEL, defaulting to info, and refuse an unknown level by name', () => {
    expect(readLogLevel({})).toBe('info');
    expect(readLogLevel({ LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(() => readLogLevel({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")');
  });

  it('leave out what is below the level', () => {
    const logs = captureLogs();
    try {
      const logger = createServiceLogger('x', { LOG_LEVEL: 'warn' });
      logger.info('quiet');
      logger.warn('loud');
      expect(logs.records().map((r) => r.msg)).toEqual(['loud']);
    } finally {
      logs.stop();
    }
  });
});

describe('the Nest logger of a service', () => {
  it("moves Nest's start-up lines to debug and keeps the service's own at info", () => {
    const calls: string[] = [];
    const inner = { log: (m: unknown) => calls.push(`log ${String(m)}`), debug: (m: unknown) => calls.push(`debug ${String(m)}`), error: () => undefined, warn: () => undefined };
    const logger = new ServiceNestLogger(inner);
    logger.log('Mapped {/v1, GET} route', 'RouterExplorer');
    logger.log('ready at position 7', 'sip-auth-worker');
    expect(calls).toEqual(['debug Mapped {/v1, GET} route', 'log ready at position 7']);
  });
});

describe('the logging packages as installed', () => {
  // The suite runs on Node 20 as well as 24 (README); nestjs-pino 5 declares node >=22.12 and npm warns.
  it('declare engines that admit Node 20, for themselves and every runtime package they pull in', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const semver = require('semver') as { satisfies(version: string, range: string): boolean };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lock = require('../../../package-lock.json') as { packages: Record<string, { dev?: boolean; engines?: { node?: string } }> };
    const logging = /^node_modules\/(nestjs-pino|pino[^/]*|sonic-boom|thread-stream|on-exit-leak-free|real-require|quick-format-unescaped|atomic-sleep|safe-stable-stringify|process-warning|get-caller-file|@pinojs\/[^/]+)$/;
    const installed = Object.entries(lock.packages).filter(([path, p]) => logging.test(path) && !p.dev);
    expect(installed.map(([path]) => path)).toEqual(expect.arrayContaining(['node_modules/nestjs-pino', 'node_modules/pino', 'node_modules/pino-http']));
    const excluding = installed.filter(([, p]) => p.engines?.node && !semver.satisfies('20.19.0', p.engines.node)).map(([path, p]) => `${path} ${p.engines!.node}`);
    expect(excluding).toEqual([]);
  });
});
