import type { LoggerService } from '@nestjs/common';
import { isNamespaceStream } from '@sipauth/contracts';
import { computeHa1s } from '@sipauth/sip-digest';
import { useConfigService, type Harness } from './config-service.harness';

class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(...args: unknown[]): void { this.lines.push(JSON.stringify(args)); }
  error(...args: unknown[]): void { this.lines.push(JSON.stringify(args)); }
  warn(...args: unknown[]): void { this.lines.push(JSON.stringify(args)); }
  debug(...args: unknown[]): void { this.lines.push(JSON.stringify(args)); }
  verbose(...args: unknown[]): void { this.lines.push(JSON.stringify(args)); }
}

describe('config-service keeps passwords and HA1s secret', () => {
  const logger = new CapturingLogger();
  const { harness: h } = useConfigService({ logger });

  it('puts neither a password nor its HA1 values into any event, KV entry, log line or reply', async () => {
    const first = 'First-Secret-Passw0rd';
    const second = 'Second-Secret-Passw0rd';
    const third = 'Third-Secret-Passw0rd';
    const replies: unknown[] = [];
    const created = await h.command('credential-list.create', { accountId: 'acme', friendlyName: 'S', username: 'alice', password: first, requestId: 'secret-1' });
    replies.push(created, await h.command('credential-list.create', { accountId: 'acme', friendlyName: 'S', username: 'alice', password: first, requestId: 'secret-1' }));
    const { credentialListId, credentialId } = (created as unknown as { data: { credentialListId: string; credentialId: string } }).data;
    replies.push(await h.command('credential.add', { accountId: 'acme', credentialListId, username: 'bob', password: second }));
    replies.push(await h.command('credential.change-password', { accountId: 'acme', credentialListId, credentialId, password: third }));
    replies.push(await h.command('credential.add', { accountId: 'acme', credentialListId, username: 'ALICE', password: first, unknown: 1 }));
    replies.push(await h.command('credential.change-password', { accountId: 'acme', credentialListId, credentialId, password: 'weak' }));

    const secrets = [first, second, third, 'weak"', ...Object.values(computeHa1s('alice', 'sipauth.test', first)),
      ...Object.values(computeHa1s('bob', 'sipauth.test', second)), ...Object.values(computeHa1s('alice', 'sipauth.test', third))];
    const stored = await everyStoredMessage(h);
    expect(stored.length).toBeGreaterThanOrEqual(4);
    expect(stored.join('\n')).toContain('CredentialPasswordChanged');
    for (const secret of secrets) {
      expect(stored.filter((m) => m.includes(secret))).toEqual([]);
      expect(logger.lines.filter((l) => l.includes(secret))).toEqual([]);
      expect(replies.map((r) => JSON.stringify(r)).filter((r) => r.includes(secret))).toEqual([]);
    }
  });
});

/** Every message of every JetStream stream of the namespace (the event stream and the KV buckets), raw. */
async function everyStoredMessage(h: Harness): Promise<string[]> {
  const jsm = await h.nc.jetstreamManager();
  const out: string[] = [];
  for await (const si of jsm.streams.list()) {
    const name = si.config.name;
    if (!isNamespaceStream(name, h.namespace)) continue;
    for (let seq = si.state.first_seq; seq <= si.state.last_seq && si.state.messages > 0; seq++) {
      const msg = await jsm.streams.getMessage(name, { seq }).catch(() => undefined);
      if (msg) out.push(`${msg.subject} ${Buffer.from(msg.data).toString('utf8')}`);
    }
  }
  return out;
}
