/**
 * sipsak (0.9.8) sending one INVITE through the edge with a username and password.
 *
 * sipsak has no call mode of its own toward a UAS (its -I mode expects to receive its own INVITE
 * back), so the INVITE comes from a file (-f) in the default mode, which retries once with
 * credentials after a 401/407, ACKs every final response and exits 0 on a 2xx, 1 on another final
 * response, 2 on a local error (an unsupported algorithm, a second 407), 3 on no answer. It reads
 * only the first Proxy-Authenticate and knows only MD5 (Debian builds it without OpenSSL). The
 * password goes through stdin (-a -, at most 20 characters), never the command line. -p must come
 * before -s, or sipsak resolves the trunk domain itself. It sends no BYE, and its ACK to the 200
 * carries no Route, so the edge drops that ACK: the call is "answered" once the 200 arrives.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallRequest, ClientProcess, clientDir, DEFAULT_CALL_TIMEOUT_MS, DEFAULT_CALLEE } from './client-process';
import { callOutcome, CallOutcome } from './sip-trace';

const SIPSAK_MAX_PASSWORD = 20;
const EXIT_REASONS: Record<number, string> = {
  0: '2xx received', 1: 'non-2xx final response', 2: 'local error (e.g. unsupported algorithm or credentials refused with 407)', 3: 'no answer',
};

/** Sends an INVITE for `sip:<callee>@<domain>` via the edge and reports what sipsak saw. */
export async function sipsakInvite(req: CallRequest): Promise<CallOutcome> {
  if (req.password.length > SIPSAK_MAX_PASSWORD) {
    throw new Error(`password: sipsak reads at most ${SIPSAK_MAX_PASSWORD} characters from stdin`);
  }
  const dir = clientDir('sipsak');
  const callee = req.callee ?? DEFAULT_CALLEE;
  const target = `sip:${callee}@${req.domain}`;
  // $port$ is sipsak's own listening port (-G); sipsak adds the Via itself.
  const invite = [
    `INVITE ${target} SIP/2.0`,
    `From: <sip:${req.username}@${req.domain}>;tag=sipsak${process.pid}${Date.now()}`,
    `To: <${target}>`,
    `Call-ID: sipsak-${Date.now()}-${Math.random().toString(36).slice(2)}@127.0.0.1`,
    'CSeq: 1 INVITE',
    `Contact: <sip:${req.username}@127.0.0.1:$port$>`,
    'Max-Forwards: 70',
    'Content-Length: 0',
    '',
    '',
  ].join('\n');
  const file = join(dir.path, 'invite.sip');
  writeFileSync(file, invite);
  const args = [
    '-vvv', '-k', '127.0.0.1', '-H', '127.0.0.1',
    '-p', `${req.proxy.host}:${req.proxy.port}`,
    '-f', file, '-G', '-s', target,
    '-u', req.username, '-a', '-',
  ];
  const sipsak = ClientProcess.start('sipsak', args, { cwd: dir.path, env: { HOME: dir.path } });
  try {
    sipsak.send(req.password);
    const exit = await sipsak.waitForExit(req.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS);
    const code = exit?.code ?? null;
    const reason = exit ? EXIT_REASONS[code ?? -1] ?? `exit ${code}` : 'timed out (killed)';
    return callOutcome('sipsak', sipsak.output(), { reason, exitCode: code });
  } finally {
    await sipsak.stop();
    dir.remove();
  }
}
