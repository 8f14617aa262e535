/**
 * Turns each evapi question into a `<ns>.v1.auth.authorize` request and each worker reply (or its
 * absence) into the answer Kamailio resumes the transaction with. Never answers allow without the
 * worker saying so: a timeout, no responder or an error reply is 503.
 */
import type { NatsConnection } from 'nats';
import { AuthDecision, authSubject, Reply } from '@sipauth/contracts';
import { answerFor, decodeQuestion, EdgeAnswer, unavailable } from './edge-messages';

export interface BridgeCounters {
  questions: number;
  answers: Record<EdgeAnswer['code'], number>;
  /** Questions the worker did not answer in time (or at all). */
  unanswered: number;
  /** Payloads from Kamailio that were not a question. */
  malformed: number;
}

export class AuthBridge {
  readonly counters: BridgeCounters = { questions: 0, answers: { 200: 0, 403: 0, 404: 0, 407: 0, 503: 0 }, unanswered: 0, malformed: 0 };
  private readonly subject: string;

  constructor(
    private readonly nc: NatsConnection,
    namespace: string,
    private readonly timeoutMs: number,
    private readonly answer: (payload: string) => void,
    private readonly log: (level: 'info' | 'warn', message: string) => void,
  ) {
    this.subject = authSubject(namespace, 'authorize');
  }

  /** Handles one evapi payload; the answer is sent when the worker replies. */
  handle(payload: string): void {
    let question;
    try {
      question = decodeQuestion(payload);
    } catch (err) {
      this.counters.malformed++;
      this.log('warn', `dropped an evapi message that is not a question: ${(err as Error).message}`);
      return;
    }
    this.counters.questions++;
    this.nc.request(this.subject, JSON.stringify(question.request), { timeout: this.timeoutMs }).then(
      (msg) => {
        const reply = JSON.parse(msg.string()) as Reply<AuthDecision>;
        if (reply.ok) {
          const d = reply.data;
          // The reason is for the platform's logs, never for the caller (SPEC §5).
          if (d.decision === 'deny') this.log('info', `${question.request.method} ${d.status} ${d.reason} domain=${question.request.domain} source=${question.request.sourceIp}`);
          return this.send(answerFor(question, d));
        }
        // The worker refused the question itself (e.g. a Request-URI that is not sip:): not allowed.
        const code = reply.error.code === 'VALIDATION_FAILED' ? 403 : 503;
        if (code === 503) this.log('warn', `worker error ${reply.error.code}: 503`);
        this.send({ tindex: question.tindex, tlabel: question.tlabel, code });
      },
      (err: Error & { code?: string }) => {
        this.counters.unanswered++;
        const why = err.code === '503' ? 'no worker subscribed' : err.message;
        this.log('warn', `no answer from the worker (${why}): 503`);
        this.send(unavailable(question));
      },
    );
  }

  private send(answer: EdgeAnswer): void {
    this.counters.answers[answer.code]++;
    this.answer(JSON.stringify(answer));
  }
}
