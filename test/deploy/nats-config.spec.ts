/**
 * The NATS configurations shipped in deploy/ fsync before acknowledging and give each service its own
 * user with only the subjects it needs. Read with a parser of the NATS configuration format (the
 * subset these files use: blocks, arrays, `key: value` / `key = value`, quoted strings, comments,
 * `include`), so a permission is checked where NATS would read it, not by grepping.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { allSubjects, eventStreamName, lockoutBucket, lockoutEventsSubject, nonceBucket, projectionBucket, readModelBucket, rebuildSubject, requestsBucket, SERVICE_NAMES } from '@sipauth/contracts';

type ConfValue = string | number | boolean | ConfValue[] | ConfObject;
interface ConfObject { [key: string]: ConfValue }

/** Parses a NATS server configuration file, following `include` relative to the including file. */
function parseNatsConf(file: string): ConfObject {
  const text = readFileSync(file, 'utf8');
  let i = 0;
  const fail = (msg: string): never => {
    const line = text.slice(0, i).split('\n').length;
    throw new Error(`${file}:${line}: ${msg}`);
  };
  const skip = () => {
    for (;;) {
      while (i < text.length && /[\s,;]/.test(text[i])) i++;
      if (text[i] === '#' || text.startsWith('//', i)) {
        while (i < text.length && text[i] !== '\n') i++;
      } else return;
    }
  };
  const quoted = (): string => {
    const q = text[i++];
    let s = '';
    while (i < text.length && text[i] !== q) s += text[i++];
    if (text[i] !== q) fail('unterminated string');
    i++;
    return s;
  };
  const bare = (stop: RegExp): string => {
    let s = '';
    while (i < text.length && !stop.test(text[i]) && text[i] !== '#') s += text[i++];
    return s.trim();
  };
  const scalar = (raw: string): ConfValue => {
    if (/^-?\d+$/.test(raw)) return Number(raw);
    if (/^(true|yes|on|enabled)$/i.test(raw)) return raw.toLowerCase() === 'enabled' ? 'enabled' : true;
    if (/^(false|no|off)$/i.test(raw)) return false;
    return raw;
  };
  const value = (): ConfValue => {
    skip();
    const c = text[i];
    if (c === '{') { i++; return object('}'); }
    if (c === '[') {
      i++;
      const items: ConfValue[] = [];
      for (;;) {
        skip();
        if (text[i] === ']') { i++; return items; }
        if (i >= text.length) fail('unterminated array');
        items.push(value());
      }
    }
    if (c === '"' || c === "'") return quoted();
    return scalar(bare(/[\n,}\]]/));
  };
  const object = (close: string | undefined): ConfObject => {
    const obj: ConfObject = {};
    for (;;) {
      skip();
      if (i >= text.length) {
        if (close) fail(`missing ${close}`);
        return obj;
      }
      if (text[i] === close) { i++; return obj; }
      const key = text[i] === '"' ? quoted() : bare(/[\s:={]/);
      if (!key) fail(`unexpected ${JSON.stringify(text[i])}`);
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (key === 'include') {
        const path = value() as string;
        Object.assign(obj, parseNatsConf(join(dirname(file), path)));
        continue;
      }
      if (text[i] === ':' || text[i] === '=') i++;
      if (key in obj) fail(`duplicate key ${key}`);
      obj[key] = value();
    }
  };
  return object(undefined);
}

const ROOT = join(__dirname, '..', '..');
const FILES = {
  compose: join(ROOT, 'deploy', 'nats', 'nats-server.conf'),
  kubernetes: join(ROOT, 'deploy', 'k8s', 'nats', 'nats-cluster.conf'),
};

interface Permissions {
  publish: { allow: string[]; deny: string[] };
  subscribe: { allow: string[]; deny: string[] };
  allow_responses?: boolean;
}

function usersOf(conf: ConfObject): Map<string, Permissions> {
  const account = (conf.accounts as ConfObject).SIPAUTH as ConfObject;
  expect(account.jetstream).toBe('enabled');
  return new Map(
    (account.users as ConfObject[]).map((u) => {
      const p = (u.permissions ?? {}) as ConfObject;
      const side = (s: ConfValue | undefined) => ({
        allow: (((s as ConfObject | undefined)?.allow as string[]) ?? []),
        deny: (((s as ConfObject | undefined)?.deny as string[]) ?? []),
      });
      expect(String(u.password)).toMatch(/^\$NATS_[A-Z_]+_PASSWORD$/);
      return [u.user as string, { publish: side(p.publish), subscribe: side(p.subscribe), allow_responses: p.allow_responses as boolean }];
    }),
  );
}

/** NATS subject matching: `*` one token, `>` one or more trailing tokens. */
function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let k = 0; k < p.length; k++) {
    if (p[k] === '>') return s.length > k;
    if (k >= s.length || (p[k] !== '*' && p[k] !== s[k])) return false;
  }
  return p.length === s.length;
}

const may = (rules: { allow: string[]; deny: string[] }, subject: string) =>
  rules.allow.some((a) => subjectMatches(a, subject)) && !rules.deny.some((d) => subjectMatches(d, subject));

describe.each(Object.entries(FILES))('the NATS configuration for %s', (_where, file) => {
  const conf = parseNatsConf(file);
  const users = usersOf(conf);

  it('fsyncs every JetStream write before acknowledging it', () => {
    expect((conf.jetstream as ConfObject).sync_interval).toBe('always');
    expect(readFileSync(file, 'utf8')).toMatch(/^\s*sync_interval:\s*always\s*$/m);
  });

  it('has one user per service, one for the SIP edge and one for operator tooling', () => {
    expect([...users.keys()].sort()).toEqual(['config-client', 'config-service', 'projection-service', 'sip-auth-worker', 'sip-edge']);
    expect(conf.system_account).toBe('SYS');
  });

  it('lets the worker answer auth requests and record nonces, but never publish config commands, queries or events', () => {
    const w = users.get('sip-auth-worker')!;
    expect(may(w.subscribe, 'sipauth.v1.auth.authorize')).toBe(true);
    expect(w.allow_responses).toBe(true);
    expect(may(w.publish, '$KV.sipauth_nonces.abc')).toBe(true);
    expect(may(w.publish, '$KV.sipauth_lockouts.abc')).toBe(true);
    for (const subject of ['sipauth.v1.config.trunk.create', 'sipauth.v1.query.trunk.get', 'sipauth.events.trunk-1', '$KV.sipauth_projection.active', '$KV.sipauth_rm_1.acct.a.trunk.t', '$JS.API.STREAM.DELETE.sipauth_events', '$JS.API.STREAM.PURGE.sipauth_events']) {
      expect([subject, may(w.publish, subject)]).toEqual([subject, false]);
    }
    expect(may(w.subscribe, 'sipauth.v1.config.trunk.create')).toBe(false);
  });

  it('lets config-service serve commands and queries and append events, but not answer auth requests', () => {
    const c = users.get('config-service')!;
    expect(may(c.subscribe, 'sipauth.v1.config.trunk.create')).toBe(true);
    expect(may(c.subscribe, 'sipauth.v1.query.trunk.list')).toBe(true);
    expect(may(c.publish, 'sipauth.events.trunk-1')).toBe(true);
    expect(may(c.publish, '$KV.sipauth_requests.r1')).toBe(true);
    expect(may(c.subscribe, 'sipauth.v1.auth.authorize')).toBe(false);
    expect(may(c.publish, 'sipauth.v1.auth.authorize')).toBe(false);
    expect(may(c.publish, 'sipauth.v1.auth.explain')).toBe(true);
    expect(may(c.publish, '$KV.sipauth_rm_1.acct.a.trunk.t')).toBe(false);
    expect(may(c.publish, '$JS.API.STREAM.DELETE.sipauth_events')).toBe(false);
  });

  it('lets projection-service write the read models and serve rebuild, but neither append events nor serve commands', () => {
    const p = users.get('projection-service')!;
    expect(may(p.publish, '$KV.sipauth_rm_2.acct.a.trunk.t')).toBe(true);
    expect(may(p.publish, '$KV.sipauth_projection.meta.position')).toBe(true);
    expect(may(p.subscribe, 'sipauth.v1.admin.projection.rebuild')).toBe(true);
    expect(may(p.publish, '$JS.API.CONSUMER.CREATE.sipauth_events')).toBe(true);
    for (const subject of ['sipauth.events.trunk-1', 'sipauth.v1.config.trunk.create', '$JS.API.STREAM.DELETE.sipauth_events', '$KV.sipauth_nonces.x']) {
      expect([subject, may(p.publish, subject)]).toEqual([subject, false]);
    }
    expect(may(p.subscribe, 'sipauth.v1.config.trunk.create')).toBe(false);
  });

  it('lets each Services API service answer $SRV discovery for its own name only, and operator tooling ask it', () => {
    const verbs = ['PING', 'INFO', 'STATS'];
    for (const name of Object.values(SERVICE_NAMES)) {
      const u = users.get(name)!;
      for (const verb of verbs) {
        for (const subject of [`$SRV.${verb}`, `$SRV.${verb}.${name}`, `$SRV.${verb}.${name}.someid`]) {
          expect([name, subject, may(u.subscribe, subject)]).toEqual([name, subject, true]);
        }
        for (const other of Object.values(SERVICE_NAMES).filter((n) => n !== name)) {
          expect([name, other, may(u.subscribe, `$SRV.${verb}.${other}`)]).toEqual([name, other, false]);
        }
      }
      // The answer goes to the asker's inbox through allow_responses, never a standing publish right.
      expect(u.allow_responses).toBe(true);
      expect(may(u.publish, '_INBOX.config-client.x')).toBe(false);
    }
    for (const verb of verbs) expect(may(users.get('config-client')!.publish, `$SRV.${verb}.config-service`)).toBe(true);
    expect(may(users.get('sip-edge')!.publish, '$SRV.PING')).toBe(false);
  });

  it('lets the SIP edge ask only the three deciding auth questions', () => {
    const e = users.get('sip-edge')!;
    const asks = allSubjects('sipauth').filter((subject) => may(e.publish, subject));
    expect(asks.sort()).toEqual(['authorize', 'challenge', 'verify'].map((op) => `sipauth.v1.auth.${op}`));
    expect(may(e.publish, 'sipauth.events.x')).toBe(false);
  });

  it('lets every user subscribe to its own inbox prefix and to no other user\'s, nor to every inbox', () => {
    for (const [name, u] of users) {
      expect([name, may(u.subscribe, `_INBOX.${name}.abc.1`)]).toEqual([name, true]);
      expect([name, may(u.subscribe, '_INBOX.abc.1')]).toEqual([name, false]);
      for (const other of users.keys()) {
        if (other !== name) expect([name, other, may(u.subscribe, `_INBOX.${other}.abc.1`)]).toEqual([name, other, false]);
      }
    }
  });

  it('lets exactly one service answer each subject of the contract, and the clients ask what they need', () => {
    for (const subject of allSubjects('sipauth')) {
      const responders = [...users].filter(([, u]) => may(u.subscribe, subject)).map(([name]) => name);
      const expected = subject.includes('.v1.auth.') ? 'sip-auth-worker' : subject.includes('.v1.admin.') ? 'projection-service' : 'config-service';
      expect([subject, responders]).toEqual([subject, [expected]]);
      expect([subject, may(users.get('config-client')!.publish, subject)]).toEqual([subject, !/\.auth\.(authorize|challenge|verify)$/.test(subject)]);
    }
  });

  it('lets each service use the subjects and buckets its code names (not restated: imported from the code)', () => {
    const ns = 'sipauth';
    const w = users.get('sip-auth-worker')!;
    const p = users.get('projection-service')!;
    const c = users.get('config-service')!;
    expect(may(w.publish, lockoutEventsSubject(ns))).toBe(true);
    expect(may(w.subscribe, lockoutEventsSubject(ns))).toBe(true);
    for (const bucket of [nonceBucket(ns), lockoutBucket(ns)]) {
      expect([bucket, may(w.publish, `$KV.${bucket}.k`), may(w.publish, `$JS.API.STREAM.CREATE.KV_${bucket}`)]).toEqual([bucket, true, true]);
    }
    expect(may(w.publish, `$JS.API.CONSUMER.CREATE.KV_${readModelBucket(ns, 7)}`)).toBe(true);
    expect(may(w.publish, `$JS.API.CONSUMER.CREATE.KV_${projectionBucket(ns)}`)).toBe(true);
    expect(may(p.subscribe, rebuildSubject(ns))).toBe(true);
    expect(may(p.publish, `$KV.${readModelBucket(ns, 7)}.k`)).toBe(true);
    expect(may(p.publish, `$JS.API.CONSUMER.CREATE.${eventStreamName(ns)}`)).toBe(true);
    expect(may(c.publish, `$KV.${requestsBucket(ns)}.r`)).toBe(true);
    expect(may(c.publish, `$JS.API.STREAM.CREATE.${eventStreamName(ns)}`)).toBe(true);
    expect(may(users.get('config-client')!.publish, rebuildSubject(ns))).toBe(true);
  });

  it('keeps the event stream from the worker and the clients: no consumer, no message get, no subscription', () => {
    for (const name of ['sip-auth-worker', 'sip-edge', 'config-client']) {
      const u = users.get(name)!;
      for (const subject of ['$JS.API.CONSUMER.CREATE.sipauth_events', '$JS.API.CONSUMER.CREATE.sipauth_events.c.sipauth.events.>', '$JS.API.STREAM.MSG.GET.sipauth_events', '$JS.API.DIRECT.GET.sipauth_events']) {
        expect([name, subject, may(u.publish, subject)]).toEqual([name, subject, false]);
      }
      expect([name, may(u.subscribe, 'sipauth.events.trunk-1')]).toEqual([name, false]);
    }
    expect(may(users.get('sip-auth-worker')!.publish, '$JS.API.CONSUMER.CREATE.KV_sipauth_rm_3')).toBe(true);
  });
});

describe('the NATS configuration parser', () => {
  it('matches subjects the way NATS does', () => {
    expect(subjectMatches('a.>', 'a.b.c')).toBe(true);
    expect(subjectMatches('a.>', 'a')).toBe(false);
    expect(subjectMatches('a.*.c', 'a.b.c')).toBe(true);
    expect(subjectMatches('a.*', 'a.b.c')).toBe(false);
  });

  it('reads the Kubernetes cluster block with three routes', () => {
    const cluster = parseNatsConf(FILES.kubernetes).cluster as ConfObject;
    expect(cluster.routes).toHaveLength(3);
    expect(cluster.port).toBe(6222);
  });
});
