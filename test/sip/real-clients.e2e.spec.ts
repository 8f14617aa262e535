/**
 * Real SIP clients (sipsak, baresip, linphonec), scripted and headless, calling through the SIP edge
 * (Kamailio + bridge + worker) to the sipp UAS upstream. Each case reads the client's own trace:
 * what the 407 offered, which algorithm the client answered with, who answered the call.
 * A client that is not installed locally is skipped, saying so; under CI (.ci/run installs them all)
 * a missing client fails instead.
 */
import type { DigestAlgorithmName } from '@sipauth/contracts';
import { SipEdge, startSipEdgeUnderTest } from '../support/sip-edge';
import { baresipCall } from './clients/baresip';
import { CallRequest, hasBinary } from './clients/client-process';
import { linphoneCall } from './clients/linphone';
import { CallOutcome } from './clients/sip-trace';
import { sipsakInvite } from './clients/sipsak';

const USER = { username: 'alice', password: 'Secret-Pass-123' };
const SHA256_FIRST: DigestAlgorithmName[] = ['SHA-256', 'MD5'];
const CASE_TIMEOUT_MS = 30_000;

/** `it`, or a skip that names the missing binary (never a skip under CI). */
function withClient(binary: string): jest.It {
  if (hasBinary(binary) || process.env.CI) return it;
  const skip = ((name: string, fn?: jest.ProvidesCallback, timeout?: number) =>
    it.skip(`${name} [skipped: ${binary} is not installed]`, fn, timeout)) as unknown as jest.It;
  return skip;
}

let edge: SipEdge;

// No case here is about the worker's time bound: 8 s instead of 2 s, so that a first decision slowed by
// a loaded machine is not answered 503 (a client then gets no challenge at all).
beforeAll(async () => {
  edge = await startSipEdgeUnderTest({ authTimeoutMs: 8_000 });
}, 60_000);
afterAll(() => edge?.close());

async function call(place: (req: CallRequest) => Promise<CallOutcome>, algorithms?: DigestAlgorithmName[], password = USER.password) {
  const { domain } = await edge.createTrunk({ credentials: USER, ...(algorithms ? { algorithms } : {}) });
  return place({ proxy: { host: edge.host, port: edge.port }, domain, username: USER.username, password });
}

/** Jest prints the client's trace only when an expectation fails. */
function explain(outcome: CallOutcome): string {
  return `${outcome.client} (${outcome.reason ?? 'no reason'}, exit ${outcome.exitCode}):\n${outcome.log.slice(-6000)}\n--- kamailio ---\n${edge.kamailioLog().slice(-3000)}`;
}

/**
 * toMatchObject, with the client's trace and Kamailio's log added to the failure message (a diff of
 * toMatchObject shows only the expected keys, so a log carried in the received object never showed).
 */
function expectOutcome(outcome: CallOutcome, expected: Record<string, unknown>): void {
  try {
    expect(outcome).toMatchObject(expected);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${explain(outcome)}`);
  }
}

const answeredByUpstream = () => expect.stringContaining(`127.0.0.1:${edge.upstreamPort}`);

describe('sipsak through the SIP edge', () => {
  const sipsakIt = withClient('sipsak');

  sipsakIt('authenticates an INVITE with -u/-a against the default MD5-first challenge, and the upstream answers it', async () => {
    const outcome = await call(sipsakInvite);
    expectOutcome(outcome, {
      exitCode: 0, answered: true, finalStatus: 200, offered: ['MD5', 'SHA-256'], algorithm: 'MD5', answeredBy: answeredByUpstream(),
    });
  }, CASE_TIMEOUT_MS);

  sipsakIt('is refused with 403 when the password is wrong, and never reaches the upstream', async () => {
    const outcome = await call(sipsakInvite, undefined, 'Wrong-Pass-123');
    expectOutcome(outcome, {
      exitCode: 1, answered: false, finalStatus: 403, credentialedInvites: 1,
    });
  }, CASE_TIMEOUT_MS);

  sipsakIt('gives up at the 407 when SHA-256 is offered first (it reads only the first challenge and knows only MD5)', async () => {
    const outcome = await call(sipsakInvite, SHA256_FIRST);
    expectOutcome(outcome, {
      exitCode: 2, answered: false, offered: ['SHA-256', 'MD5'], credentialedInvites: 0,
    });
  }, CASE_TIMEOUT_MS);
});

describe('baresip through the SIP edge', () => {
  const baresipIt = withClient('baresip');

  baresipIt('places a call answered by the upstream when the trunk offers MD5 alone, and hangs it up', async () => {
    const outcome = await call(baresipCall, ['MD5']);
    expectOutcome(outcome, {
      answered: true, offered: ['MD5'], algorithm: 'MD5', answeredBy: answeredByUpstream(), byeAnswered: true,
    });
  }, CASE_TIMEOUT_MS);

  baresipIt('is refused with 403 when the password is wrong, and does not retry', async () => {
    const outcome = await call(baresipCall, ['MD5'], 'Wrong-Pass-123');
    expectOutcome(outcome, {
      answered: false, finalStatus: 403, credentialedInvites: 1, reason: '403 Forbidden',
    });
  }, CASE_TIMEOUT_MS);

  baresipIt('gives up at the 407 with the default order (MD5 then SHA-256): libre 1.1 refuses a 407 offering any algorithm but MD5', async () => {
    const outcome = await call(baresipCall);
    expectOutcome(outcome, {
      answered: false, offered: ['MD5', 'SHA-256'], credentialedInvites: 0, reason: 'Function not implemented',
    });
  }, CASE_TIMEOUT_MS);

  baresipIt('gives up at the 407 with SHA-256 first', async () => {
    const outcome = await call(baresipCall, SHA256_FIRST);
    expectOutcome(outcome, {
      answered: false, offered: ['SHA-256', 'MD5'], credentialedInvites: 0, reason: 'Function not implemented',
    });
  }, CASE_TIMEOUT_MS);
});

describe('linphonec through the SIP edge', () => {
  const linphoneIt = withClient('linphonec');

  linphoneIt('answers the default MD5-first challenge with MD5, repeats the credentials on the ACK to the 200, and the call completes', async () => {
    const outcome = await call(linphoneCall);
    expectOutcome(outcome, {
      answered: true, offered: ['MD5', 'SHA-256'], algorithm: 'MD5', answeredBy: answeredByUpstream(),
      ackCarriedCredentials: true, byeAnswered: true,
    });
  }, CASE_TIMEOUT_MS);

  linphoneIt('answers with SHA-256 when the trunk offers SHA-256 first, and the call completes', async () => {
    const outcome = await call(linphoneCall, SHA256_FIRST);
    expectOutcome(outcome, {
      answered: true, offered: ['SHA-256', 'MD5'], algorithm: 'SHA-256', answeredBy: answeredByUpstream(),
      ackCarriedCredentials: true, byeAnswered: true,
    });
  }, CASE_TIMEOUT_MS);

  linphoneIt('is refused with 403 when the password is wrong, and does not retry', async () => {
    const outcome = await call(linphoneCall, undefined, 'Wrong-Pass-123');
    expectOutcome(outcome, {
      answered: false, finalStatus: 403, credentialedInvites: 1,
    });
  }, CASE_TIMEOUT_MS);
});
