/**
 * REST routes answered by the sip-auth-workers (test a call = `auth.explain`, lockouts =
 * `auth.lockouts.list|clear`): config-service asks one worker over NATS and answers with its data, its
 * error as a problem (its explain rate limit as 429 with Retry-After), or 503 when no worker answers in
 * time (none running, or all busy).
 */
import { Inject, Injectable } from '@nestjs/common';
import { authSubject, HTTP_STATUS, type AuthOperation, type ErrorBody, type Reply } from '@sipauth/contracts';
import type { NatsConnection } from 'nats';
import type { ConfigServiceSettings } from '../../config-service.settings';
import { NATS_CONNECTION, SERVICE_SETTINGS } from '../../config-service.tokens';
import { problem, problemOf, ProblemException } from './problem';

/** A worker answers explain within its own bounds; past this the caller gets 503 rather than a hung request. */
export const WORKER_TIMEOUT_MS = 5_000;

@Injectable()
export class WorkerGateway {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_SETTINGS) private readonly settings: ConfigServiceSettings,
  ) {}

  /** The data of a worker's reply to `op`, or a ProblemException. */
  async ask(op: AuthOperation, request: Record<string, unknown>): Promise<Record<string, unknown>> {
    let reply: Reply<Record<string, unknown>>;
    try {
      const msg = await this.nc.request(authSubject(this.settings.shared.namespace, op), JSON.stringify(request), { timeout: WORKER_TIMEOUT_MS });
      reply = msg.json<Reply<Record<string, unknown>>>();
    } catch {
      throw new ProblemException(problem('UNAVAILABLE', `no sip-auth-worker answered auth.${op}; retry`), { 'Retry-After': '1' });
    }
    if (!reply.ok) {
      if (isExplainRateLimited(op, reply.error)) {
        throw new ProblemException(problem('TOO_MANY_REQUESTS', `too many test calls: the sip-auth-workers' rate limit is reached (${reply.error.message})`), { 'Retry-After': String(EXPLAIN_RETRY_AFTER_S) });
      }
      throw new ProblemException(problemOf(reply.error, HTTP_STATUS[reply.error.code] ?? 500));
    }
    return reply.data;
  }
}

/** A worker's explain bucket refills one token a second (sip-auth-worker operator-responder). */
export const EXPLAIN_RETRY_AFTER_S = 1;

/** Whether a worker's refusal is its explain rate limit: the contract's RATE_LIMITED code says it, not the message's wording. */
export const isExplainRateLimited = (op: AuthOperation, error: ErrorBody): boolean =>
  op === 'explain' && error.code === 'RATE_LIMITED';
