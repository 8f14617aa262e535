/**
 * linphonec (liblinphone 5.1) placing one call through the edge, headless, and hanging it up.
 *
 * Driven by a generated linphonerc (-c) in a private HOME (liblinphone keeps its databases under
 * ~/.local/share/linphone and fails the call when that directory is missing): UDP only on a free
 * port bound to 127.0.0.1, media bound there too, no REGISTER, the edge as proxy and route of
 * proxy_0, and one auth_info with the clear password and no algorithm, so that liblinphone answers
 * the first challenge of the 407 whose algorithm it supports (MD5 or SHA-256, in the edge's order).
 * linphonec rewrites that file after the first use (clear password replaced by the HA1 of the
 * algorithm used), hence a fresh directory per call. Commands go to stdin ("soundcard use files",
 * since there is no sound card; "call"; "terminate"; "quit"); -d 6 prints every SIP message.
 * Like RFC 3261 asks, the ACK to the 200 repeats the INVITE's Proxy-Authorization.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freeLocalPorts, freeSipPort } from '../../support/ports';
import { CallRequest, ClientProcess, clientDir, DEFAULT_CALL_TIMEOUT_MS, DEFAULT_CALLEE } from './client-process';
import { callOutcome, CallOutcome } from './sip-trace';

const PROMPT = /linphonec> /;
const CONNECTED = /Call \d+ with \S+ connected\./;
const FAILED = /Call \d+ (?:with|to) \S+ (error\.|ended \(([^)]*)\)\.)/;
const PASSWORD_PROMPT = /Password for \S+ on \S+:/;

const linphonerc = (o: { sipPort: number; rtpPort: number; proxy: string; username: string; password: string; domain: string }) => `
[sip]
sip_port=${o.sipPort}
sip_tcp_port=0
sip_tls_port=0
bind_address=127.0.0.1
use_ipv6=0
ipv6_migration_done=1
default_proxy=0
contact="${o.username}" <sip:${o.username}@127.0.0.1>
register_only_when_network_is_up=0

[proxy_0]
reg_proxy=<${o.proxy}>
reg_route=<${o.proxy};lr>
reg_identity="${o.username}" <sip:${o.username}@${o.domain}>
reg_sendregister=0
publish=0

[auth_info_0]
username=${o.username}
passwd=${o.password}
domain=${o.domain}

[rtp]
audio_rtp_port=${o.rtpPort}
bind_address=127.0.0.1

[video]
enabled=0
capture=0
display=0
`;

/** Calls `sip:<callee>@<domain>` via the edge; once connected, hangs up and waits for the BYE's answer. */
export async function linphoneCall(req: CallRequest): Promise<CallOutcome> {
  const dir = clientDir('linphone');
  const timeoutMs = req.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(0, deadline - Date.now());
  let client: ClientProcess | undefined;
  try {
    mkdirSync(join(dir.path, '.local', 'share', 'linphone'), { recursive: true });
    const rc = join(dir.path, 'linphonerc');
    const proxy = `sip:${req.proxy.host}:${req.proxy.port};transport=udp`;
    const [sipPort, rtpPort] = [await freeSipPort(), await freeLocalPorts(2, { tcp: false })];
    writeFileSync(rc, linphonerc({ sipPort, rtpPort, proxy, username: req.username, password: req.password, domain: req.domain }), { mode: 0o600 });

    client = ClientProcess.start('linphonec', ['-c', rc, '-d', '6'], { cwd: dir.path, env: { HOME: dir.path } });
    let reason: string | undefined;
    if ((await client.waitForOutput([PROMPT], left())) < 0) {
      reason = 'linphonec never showed its prompt';
    } else {
      client.send('soundcard use files');
      client.send(`call sip:${req.callee ?? DEFAULT_CALLEE}@${req.domain}`);
      const first = await client.waitForOutput([CONNECTED, FAILED], left());
      if (first === 0) {
        client.send('terminate');
        await client.waitUntil((out) => callOutcome('linphone', out).byeAnswered, left());
        client.send('quit');
        await client.waitForExit(Math.min(left(), 5000));
      } else {
        const failed = FAILED.exec(client.output());
        reason = failed ? (failed[2] ?? failed[1]) : 'no outcome before the deadline';
        // After refused credentials linphonec prompts for another password on stdin (and would take
        // "quit" for one), so it is not asked to quit: SIGTERM, then SIGKILL.
        if (PASSWORD_PROMPT.test(client.output())) reason = `${reason} (it asked for another password)`;
      }
    }
    const exit = await client.stop(['SIGTERM'], 1000);
    return callOutcome('linphone', client.output(), { reason, exitCode: exit.code });
  } finally {
    await client?.stop();
    dir.remove();
  }
}
