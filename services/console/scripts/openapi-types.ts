/**
 * The console's REST types come from config-service's own OpenAPI document, built from its Nest
 * module without NATS or an event store (the document only reads the controllers' decorators), then
 * rendered by openapi-typescript into `src/api/schema.d.ts`.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ConfigServiceModule, type ConfigServiceDeps } from '../../config-service/src/config-service.module';
import { readSettings } from '../../config-service/src/config-service.settings';
import { buildOpenApiDocument } from '../../config-service/src/transport/http/openapi-document';

/** Where the generated types live (committed; a test fails when they are stale). */
export const SCHEMA_FILE = join(__dirname, '..', 'src', 'api', 'schema.d.ts');

/** config-service's OpenAPI document (the one it serves at /docs-json), from its module with placeholder connections that are never used. */
export async function configServiceOpenApi(): Promise<OpenAPIObject> {
  const settings = readSettings({
    NATS_URL: 'nats://127.0.0.1:1',
    SIPAUTH_SEALING_KEYS: `doc:${randomBytes(32).toString('base64')}`,
    SIPAUTH_NONCE_SECRETS: `doc:${randomBytes(32).toString('base64')}`,
    CONFIG_HTTP_PORT: '0',
  });
  const unused = {} as never;
  const deps: ConfigServiceDeps = { settings, nc: unused, store: unused, ledger: unused };
  const app = await NestFactory.create(ConfigServiceModule.forRoot(deps), { logger: false, bodyParser: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The text of `schema.d.ts` for the current document. */
export async function renderApiTypes(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sipauth-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(await configServiceOpenApi()));
    const types = execFileSync(process.execPath, [join(__dirname, 'render-types.mjs'), file], { encoding: 'utf8' });
    return `/* Generated from config-service's OpenAPI document by services/console/scripts/openapi-types.ts: do not edit (npm run api-types -w services/console). */\n${types}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
