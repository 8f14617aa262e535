import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { EventStore } from '@sipauth/event-store';
import { ConfigServiceModule, type ConfigServiceDeps } from './config-service.module';
import { readSettings } from './config-service.settings';

function depsWith(store: EventStore): ConfigServiceDeps {
  const settings = readSettings({
    NATS_URL: 'nats://127.0.0.1:1',
    SIPAUTH_SEALING_KEYS: `k:${randomBytes(32).toString('base64')}`,
    SIPAUTH_NONCE_SECRETS: `k:${randomBytes(32).toString('base64')}`,
    CONFIG_HTTP_PORT: '0',
  });
  // Never used by these tests: nothing is requested, only started and closed.
  const unused = {} as never;
  return { settings, nc: unused, store, ledger: unused };
}

describe('ConfigServiceLifecycle', () => {
  it('closes the event store once, after HTTP has stopped listening', async () => {
    const seen: boolean[] = [];
    let server: Server | undefined;
    const store = { close: async () => { seen.push(server?.listening ?? true); } } as unknown as EventStore;
    const app = await NestFactory.create(ConfigServiceModule.forRoot(depsWith(store), { lifecycle: true }), { logger: false, bodyParser: false, abortOnError: false });
    await app.listen(0, '127.0.0.1');
    server = app.getHttpServer() as Server;
    expect(seen).toEqual([]);
    await app.close();
    expect(seen).toEqual([false]);
  });

  it('is left out unless asked for, so a module over placeholder connections closes without touching them', async () => {
    const app = await NestFactory.create(ConfigServiceModule.forRoot(depsWith({} as EventStore)), { logger: false, bodyParser: false, abortOnError: false });
    await app.init();
    await expect(app.close()).resolves.toBeUndefined();
  });
});
