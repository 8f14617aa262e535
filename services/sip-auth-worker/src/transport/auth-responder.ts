/**
 * The hot path: `<ns>.v1.auth.{authorize,challenge,verify,status}` served with the nats.js client
 * directly (queue group `sip-auth-worker`), plain JSON in and out. Nest's @MessagePattern pipeline
 * costs ~35 µs per request (issue 5), so it is kept for structure and lifecycle only.
 */
import type { Msg, NatsConnection, Subscription } from 'nats';
import { AuthDecision, AuthStatus, authSubject, fail, ok, QUEUE_GROUPS, Reply } from '@sipauth/contracts';
import type { Authorizer } from '../authorization/authorizer';
import type { WorkerMetrics } from '../ops/worker-metrics';
import { Validated, validateAuthorize, validateChallenge, validateVerify } from './auth-request.validation';
import { decodePayload } from './request-payload';

type DecidingOperation = 'authorize' | 'challenge' | 'verify';
/** How long drain waits for decisions already started (replay-guard writes); the edge gives up after 2 s anyway. */
const DRAIN_DECISIONS_MS = 5_000;

export interface AuthResponderDeps {
  nc: NatsConnection;
  namespace: string;
  authorizer: Authorizer;
  metrics: WorkerMetrics;
  status(): AuthStatus;
  log(message: string): void;
  /** Runs just before each reply is written (the lockout's event lines go out ahead of it, see LockoutRegistry.flushEvents). */
  beforeReply?: () => void;
}

export class AuthResponder {
  private readonly subscriptions: Subscription[] = [];
  /** Decisions started and not yet answered: drain waits for them before the connection may close. */
  private inFlight = 0;
  /** Resolves drain's wait once `inFlight` reaches 0. */
  private idle?: () => void;
  private readonly operations: Record<DecidingOperation, (body: unknown) => Validated<unknown> | undefined>;

  constructor(private readonly deps: AuthResponderDeps) {
    this.operations = { authorize: validateAuthorize, challenge: validateChallenge, verify: validateVerify };
  }

  /** `auth.status` is answered from the start, so callers can see a replica that is still loading. It takes no fields: any JSON or nothing. */
  serveStatus(): void {
    this.subscribe('status', (msg) => {
      const payload = msg.data.length === 0 ? undefined : decodePayload(msg.data);
      this.reply(msg, payload && !payload.ok ? fail('VALIDATION_FAILED', payload.message) : ok(this.deps.status()));
    });
  }

  /** Joins the queue group for the deciding operations; call once the index is loaded. Resolves once the server has the subscriptions. */
  async serveDecisions(): Promise<void> {
    for (const op of ['authorize', 'challenge', 'verify'] as const) this.subscribe(op, (msg) => this.decide(op, msg));
    await this.deps.nc.flush();
  }

  /** Stops taking requests, then waits (bounded) until every decision already started has been answered. */
  async drain(timeoutMs = DRAIN_DECISIONS_MS): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((s) => s.drain().catch(() => undefined)));
    if (this.inFlight === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.idle = resolve;
      timer = setTimeout(resolve, timeoutMs);
    });
    clearTimeout(timer);
    this.idle = undefined;
    if (this.inFlight > 0) this.deps.log(`drain: ${this.inFlight} decisions still unanswered after ${timeoutMs} ms`);
  }

  private subscribe(op: string, handle: (msg: Msg) => void): void {
    this.subscriptions.push(this.deps.nc.subscribe(authSubject(this.deps.namespace, op as 'status'), {
      queue: QUEUE_GROUPS.worker,
      callback: (err, msg) => {
        if (err) return;
        // A throw here would reach the NATS client's read loop; every request gets a reply or a log line instead.
        try {
          handle(msg);
        } catch (thrown) {
          this.deps.log(`auth.${op} failed: ${(thrown as Error).message}`);
          this.reply(msg, fail('INTERNAL', 'the request could not be decided; retry'));
        }
      },
    }));
  }

  private decide(op: DecidingOperation, msg: Msg): void {
    const startedAt = process.hrtime.bigint();
    const payload = decodePayload(msg.data);
    if (!payload.ok) {
      this.refuse(op, msg, fail('VALIDATION_FAILED', payload.message));
      return;
    }
    const input = this.operations[op](payload.value) as Validated<never>;
    if (!input.ok) {
      this.refuse(op, msg, fail('VALIDATION_FAILED', `invalid ${op} request`, input.details));
      return;
    }
    // One promise reaction per request and a counter for drain, not a tracked promise chain: the
    // transport's own share of a request stays a few allocations (issue 10).
    const deciding = this.deps.authorizer[op](input.value);
    this.inFlight++;
    void deciding.then(
      (decision: AuthDecision) => {
        this.reply(msg, ok(decision));
        this.count(() => this.deps.metrics.decided(op, decision.decision, decision.reason, startedAt));
        this.answered();
      },
      (err: Error) => {
        this.deps.log(`auth.${op} failed: ${err.message}`);
        this.refuse(op, msg, fail('INTERNAL', 'the request could not be decided; retry'));
        this.answered();
      },
    );
  }

  private answered(): void {
    if (--this.inFlight === 0) this.idle?.();
  }

  private refuse(op: string, msg: Msg, reply: Reply<never>): void {
    this.reply(msg, reply);
    if (!reply.ok) this.count(() => this.deps.metrics.failed(op, reply.error.code));
  }

  /** Metrics are counted after the reply and never turn a request into a second reply or a crash. */
  private count(record: () => void): void {
    try {
      record();
    } catch (err) {
      this.deps.log(`auth metrics failed: ${(err as Error).message}`);
    }
  }

  /** Sends a reply; one that cannot be sent (the connection closing) is logged, never thrown. */
  private reply(msg: Msg, reply: Reply<unknown>): void {
    try {
      this.deps.beforeReply?.();
      msg.respond(Buffer.from(JSON.stringify(reply)));
    } catch (err) {
      this.deps.log(`auth reply not sent: ${(err as Error).message}`);
    }
  }
}
