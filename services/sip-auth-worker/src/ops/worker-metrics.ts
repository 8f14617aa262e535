/**
 * Prometheus metrics of one worker, in a registry of its own (several workers may share a process,
 * as in the tests): decisions by decision and reason, request latency, index sizes, applied position.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AuthStatus } from '@sipauth/contracts';

export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly decisions: Counter<'operation' | 'decision' | 'reason'>;
  private readonly errors: Counter<'operation' | 'code'>;
  private readonly latency: Histogram<'operation'>;
  // Label children cached by key: prom-client hashes the label object on every unbound call.
  private readonly decisionChildren = new Map<string, { inc(): void }>();
  private readonly latencyChildren = new Map<string, { observe(v: number): void }>();

  constructor(status: () => AuthStatus, withDefaultMetrics = false) {
    if (withDefaultMetrics) collectDefaultMetrics({ register: this.registry });
    this.decisions = new Counter({
      name: 'sipauth_worker_decisions_total', help: 'Auth decisions by operation, decision and reason',
      labelNames: ['operation', 'decision', 'reason'], registers: [this.registry],
    });
    this.errors = new Counter({
      name: 'sipauth_worker_request_errors_total', help: 'Auth requests answered with an error, by code',
      labelNames: ['operation', 'code'], registers: [this.registry],
    });
    this.latency = new Histogram({
      name: 'sipauth_worker_request_duration_seconds', help: 'Time from receiving an auth request to replying',
      labelNames: ['operation'], registers: [this.registry],
      buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1],
    });
    new Gauge({
      name: 'sipauth_worker_index_entries', help: 'Entries in the in-memory index by kind', labelNames: ['kind'],
      registers: [this.registry],
      collect() {
        for (const [kind, n] of Object.entries(status().counts)) this.set({ kind }, n);
      },
    });
    new Gauge({
      name: 'sipauth_worker_applied_position', help: 'Event store position of the last event applied',
      registers: [this.registry],
      collect() { this.set(Number(status().position)); },
    });
    new Gauge({
      name: 'sipauth_worker_ready', help: '1 once the initial read-model load has completed',
      registers: [this.registry],
      collect() { this.set(status().ready ? 1 : 0); },
    });
  }

  /** Records one answered request; `startedAt` from process.hrtime.bigint(). */
  decided(operation: string, decision: string, reason: string, startedAt: bigint): void {
    const key = `${operation}|${decision}|${reason}`;
    let counter = this.decisionChildren.get(key);
    if (!counter) this.decisionChildren.set(key, (counter = this.decisions.labels({ operation, decision, reason })));
    counter.inc();
    let histogram = this.latencyChildren.get(operation);
    if (!histogram) this.latencyChildren.set(operation, (histogram = this.latency.labels({ operation })));
    histogram.observe(Number(process.hrtime.bigint() - startedAt) / 1e9);
  }

  failed(operation: string, code: string): void {
    this.errors.inc({ operation, code });
  }
}
