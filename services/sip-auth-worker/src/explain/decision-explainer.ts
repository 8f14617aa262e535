/**
 * auth.explain (SPEC §5.3): the real decision engine, run as a dry run over a synthetic request and
 * recorded step by step. With a username and password it answers the first offered challenge as a
 * client would and runs the engine again on that answer. A dry run claims no nonce and counts no
 * failure (see Authorizer); the password is used for the digest only and appears in no step.
 */
import type { ExplainResult, ExplainStep } from '@sipauth/contracts';
import type { SourceIp } from '@sipauth/ip-acl-match';
import { baseOf, computeHa1, computeResponse, parseChallenge } from '@sipauth/sip-digest';
import { randomBytes } from 'node:crypto';
import type { AuthDecision } from '@sipauth/contracts';
import type { Authorizer, DecisionRun } from '../authorization/authorizer';
import { normaliseDomain, parseSipUriHost } from '../authorization/request-target';

export interface ExplainInput {
  domain: string;
  source: SourceIp;
  method: string;
  username?: string;
  password?: string;
}

const quoted = (text: string): string => `"${text.replace(/["\\]/g, '\\$&')}"`;

export class DecisionExplainer {
  constructor(private readonly authorizer: Authorizer) {}

  async explain(input: ExplainInput): Promise<ExplainResult> {
    const steps: ExplainStep[] = [];
    const uri = `sip:${normaliseDomain(input.domain)}`;
    const requestUri = parseSipUriHost(uri) ?? { host: normaliseDomain(input.domain) };
    const request = { domain: input.domain, source: input.source, method: input.method, requestUri };
    const first = await this.authorizer.authorize(request, { dryRun: true, steps });
    if (first.decision !== 'challenge' || input.username === undefined || input.password === undefined) return finish(first, steps);

    const challenge = parseChallenge(first.proxyAuthenticate![0]);
    if (!challenge.ok) throw new Error(`the engine offered a challenge it cannot read: ${challenge.message}`);
    const { realm, nonce, algorithm } = challenge.value;
    const cnonce = randomBytes(8).toString('hex');
    const nc = '00000001';
    const ha1 = computeHa1(baseOf(algorithm), input.username, realm, input.password);
    const response = computeResponse({ algorithm, ha1, nonce, cnonce, nc, qop: 'auth', method: input.method, uri });
    steps.push({ step: 'response', outcome: 'computed', detail: { algorithm, method: input.method, uri, username: input.username, realm, nonce, cnonce, nc, qop: 'auth', response } });
    const authorization = `Digest username=${quoted(input.username)}, realm=${quoted(realm)}, nonce="${nonce}", uri="${uri}", ` +
      `response="${response}", algorithm=${algorithm}, qop=auth, nc=${nc}, cnonce="${cnonce}"`;
    const second: DecisionRun = { dryRun: true, steps: [] };
    const decided = await this.authorizer.authorize({ ...request, authorization }, second);
    // The trunk, ACL and lockout steps repeat those of the first run; what is new is the verdict.
    steps.push(...second.steps!.filter((s) => s.step === 'verification' || s.step === 'challenge'));
    return finish(decided, steps);
  }
}

function finish(decision: AuthDecision, steps: ExplainStep[]): ExplainResult {
  const { decision: outcome, status, reason } = decision;
  const detail: Record<string, unknown> = { status, reason };
  for (const key of ['trunkId', 'username', 'credentialListId'] as const) if (decision[key] !== undefined) detail[key] = decision[key];
  steps.push({ step: 'decision', outcome, detail });
  return { decision: outcome, status, reason, steps };
}
