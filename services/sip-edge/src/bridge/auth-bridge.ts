/**
 * Turns each evapi question into a `<ns>.v1.auth.authorize` request and each worker reply (or its
 * absence) into the answer Kamailio resumes the transaction with. Never answers allow without the
 * worker saying so: a timeout, no responder or an error reply is 503.
 */
import type { NatsConnection } from 'nats';
import { AuthDecision, authSubject, Reply } from '@sipauth/contracts';
import { answerFor, decodeQuestion, EdgeAnswer, EdgeQuestion, unavailable } from './edge-messages';
import { Batcher } from './batcher';
import { HoldWhileBusy } from './hold-while-busy';
import { InboxRequester, RequestOutcome } from './inbox-requester';

export interface BridgeCounters {
  questions: number;
  answers: Record<EdgeAnswer['code'], number>;
  /** Questions the worker did not answer in time (or at all). */
  unanswered: number;
  /** Payloads from Kamailio that were not a question. */
  malformed: number;
}

/** Longest a question waits for an earlier one's reply before it is published anyway (a stalled worker). */
const MAX_HOLD_MS = 2;

export class AuthBridge {
  readonly counters: BridgeCounters = { questions: 0, answers: { 200: 0, 403: 0, 404: 0, 407: 0, 503: 0 }, unanswered: 0, malformed: 0 };
  private readonly subject: string;
  private readonly requester: InboxRequester;
  private readonly questions: { push(question: EdgeQuestion): void };

  constructor(
    nc: NatsConnection,
    namespace: string,
    timeoutMs: number,
    private readonly answer: (payload: string) => void,
    private readonly log: (level: 'info' | 'warn', message: string) => void,
    inboxPrefix?: string,
    batchMs = 0,
  ) {
    this.subject = authSubject(namespace, 'authorize');
    // Publishes made in one turn leave in one write (nats.js flushes once per microtask checkpoint).
    const publish = (batch: EdgeQuestion[]) => {
      for (const q of batch) this.requester.request(this.subject, JSON.stringify(q.request), (outcome) => this.settle(q, outcome));
    };
    // Without a window: at once while none of ours is in flight, else with the next reply.
    const hold = batchMs > 0 ? undefined : new HoldWhileBusy(() => this.requester.inFlight > 0, MAX_HOLD_MS, publish);
    this.requester = new InboxRequester(nc, timeoutMs, inboxPrefix, hold && (() => hold.release()));
    this.questions = hold ?? new Batcher(batchMs, publish);
  }

  /** Handles one evapi payload; the answer is sent when the worker replies. */
  handle(payload: string): void {
    let question: EdgeQuestion;
    try {
      question = decodeQuestion(payload);
    } catch (err) {
      this.counters.malformed++;
      this.log('warn', `dropped an evapi message that is not a question: ${(err as Error).message}`);
      return;
    }
    this.counters.questions++;
    this.questions.push(question);
  }

  close(): void {
    this.requester.close();
  }

  private settle(question: EdgeQuestion, outcome: RequestOutcome): void {
    if (!outcome.ok) {
      this.counters.unanswered++;
      this.log('warn', `no answer from the worker (${outcome.why === 'no-responders' ? 'no worker subscribed' : outcome.why}): 503`);
      return this.send(unavailable(question));
    }
    let reply: Reply<AuthDecision>;
    try {
      reply = JSON.parse(outcome.msg.string()) as Reply<AuthDecision>;
    } catch {
      this.log('warn', 'unparsable worker reply: 503');
      return this.send(unavailable(question));
    }
    if (reply.ok) {
      const d = reply.data;
      // The reason is for the platform's logs, never for the caller (SPEC §5).
      if (d.decision === 'deny') this.log('info', `${question.request.method} ${d.status} ${d.reason} domain=${question.request.domain} source=${question.request.sourceIp}`);
      return this.send(answerFor(question, d));
    }
    // The worker refused the question itself (e.g. a Request-URI that is not sip:): not allowed.
    const code = reply.error.code === 'VALIDATION_FAILED' ? 403 : 503;
    this.log('warn', `worker error ${reply.error.code}: ${code}`);
    this.send({ tindex: question.tindex, tlabel: question.tlabel, code });
  }

  private send(answer: EdgeAnswer): void {
    this.counters.answers[answer.code]++;
    this.answer(JSON.stringify(answer));
  }
}
