/**
 * The operators' subjects of the worker, off the hot path on subscriptions of their own (queue group
 * `sip-auth-worker`): `auth.explain` (rate limited per replica, see TokenBucket) and
 * `auth.lockouts.list|clear` (the trunk must belong to the account, else NOT_FOUND).
 */
import type { Msg, NatsConnection, Subscription } from 'nats';
import { authSubject, AuthOperation, fail, ok, QUEUE_GROUPS, Reply } from '@sipauth/contracts';
import type { AuthLookup } from '../authorization/auth-lookup';
import type { DecisionExplainer } from '../explain/decision-explainer';
import { TokenBucket } from '../explain/token-bucket';
import type { LockoutRegistry } from '../lockout/lockout-registry';
import { Validated, validateExplain, validateLockouts } from './auth-request.validation';
import { decodePayload } from './request-payload';

/** Explain requests a replica serves: a burst of 10, then one per second. */
export const EXPLAIN_BURST = 10;
export const EXPLAIN_PER_SECOND = 1;

export interface OperatorResponderDeps {
  nc: NatsConnection;
  namespace: string;
  explainer: DecisionExplainer;
  lockouts: LockoutRegistry;
  index: AuthLookup;
  log(message: string): void;
  /** Default EXPLAIN_BURST / EXPLAIN_PER_SECOND. */
  explainRate?: TokenBucket;
}

export class OperatorResponder {
  private readonly subscriptions: Subscription[] = [];
  private readonly explainRate: TokenBucket;

  constructor(private readonly deps: OperatorResponderDeps) {
    this.explainRate = deps.explainRate ?? new TokenBucket(EXPLAIN_BURST, EXPLAIN_PER_SECOND);
  }

  /** Joins the queue group for explain and the lockout subjects; call once the index is loaded. */
  serve(): void {
    this.subscribe('explain', (body) => this.explain(body));
    this.subscribe('lockouts.list', (body) => this.withTrunk(validateLockouts(body, false), async (r) => ok({ lockouts: this.deps.lockouts.list(r.trunkId) })));
    this.subscribe('lockouts.clear', (body) => this.withTrunk(validateLockouts(body, true), async (r) => ok({ cleared: await this.deps.lockouts.clear(r.trunkId, r.sourceIp) })));
  }

  async drain(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((s) => s.drain().catch(() => undefined)));
  }

  private async explain(body: unknown): Promise<Reply<unknown>> {
    const input = validateExplain(body);
    if (!input.ok) return fail('VALIDATION_FAILED', 'invalid explain request', input.details);
    if (!this.explainRate.take()) {
      return fail('RATE_LIMITED', `auth.explain is limited to ${EXPLAIN_BURST} requests at once and ${EXPLAIN_PER_SECOND} per second per worker replica; retry in a second`);
    }
    return ok(await this.deps.explainer.explain(input.value));
  }

  private async withTrunk<T extends { accountId: string; trunkId: string }>(input: Validated<T>, then: (r: T) => Promise<Reply<unknown>>): Promise<Reply<unknown>> {
    if (!input.ok) return fail('VALIDATION_FAILED', 'invalid lockouts request', input.details);
    if (!this.deps.index.trunkById(input.value.accountId, input.value.trunkId)) {
      return fail('NOT_FOUND', `trunk ${input.value.trunkId} not found in account ${input.value.accountId}`);
    }
    return then(input.value);
  }

  private subscribe(op: AuthOperation, handle: (body: unknown) => Promise<Reply<unknown>>): void {
    this.subscriptions.push(this.deps.nc.subscribe(authSubject(this.deps.namespace, op), {
      queue: QUEUE_GROUPS.worker,
      callback: (err, msg) => {
        if (err) return;
        const payload = decodePayload(msg.data);
        const reply = payload.ok ? handle(payload.value) : Promise.resolve(fail('VALIDATION_FAILED', payload.message));
        reply.then(
          (r) => respond(msg, r, this.deps.log),
          (thrown: Error) => {
            this.deps.log(`auth.${op} failed: ${thrown.message}`);
            respond(msg, fail('INTERNAL', `auth.${op} failed; retry`), this.deps.log);
          },
        );
      },
    }));
  }
}

function respond(msg: Msg, reply: Reply<unknown>, log: (m: string) => void): void {
  try {
    msg.respond(Buffer.from(JSON.stringify(reply)));
  } catch (err) {
    log(`auth reply not sent: ${(err as Error).message}`);
  }
}
