/**
 * Prometheus metrics of one worker, in a registry of its own (several workers may share a process,
 * as in the tests): decisions by decision and reason, request latency, index sizes, applied position.
 */
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { AuthStatus } from '@sipauth/contracts';
import { LatencyHistogram } from './latency-histogram';

interface DecisionCount { labels: { operation: string; decision: string; reason: string }; count: number; reported: number }

export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly errors: Counter<'operation' | 'code'>;
  private readonly latency: LatencyHistogram;
  // Counted as plain numbers per request and handed to prom-client at scrape time (see LatencyHistogram).
  private readonly decisionCounts = new Map<string, DecisionCount>();

  constructor(status: () => AuthStatus, withDefaultMetrics = false) {
    if (withDefaultMetrics) collectDefaultMetrics({ register: this.registry });
    const counts = this.decisionCounts;
    new Counter({
      name: 'sipauth_worker_decisions_total', help: 'Auth decisions by operation, decision and reason',
      labelNames: ['operation', 'decision', 'reason'], registers: [this.registry],
      collect() {
        for (const c of counts.values()) {
          if (c.count > c.reported) this.inc(c.labels, c.count - c.reported);
          c.reported = c.count;
        }
      },
    });
    this.errors = new Counter({
      name: 'sipauth_worker_request_errors_total', help: 'Auth requests answered with an error, by code',
      labelNames: ['operation', 'code'], registers: [this.registry],
    });
    this.latency = new LatencyHistogram(
      'sipauth_worker_request_duration_seconds', 'Time from receiving an auth request to replying',
      [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1],
    );
    this.registry.registerMetric(this.latency as never);
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
    const entry = this.decisionCounts.get(key);
    if (entry) entry.count++;
    else this.decisionCounts.set(key, { labels: { operation, decision, reason }, count: 1, reported: 0 });
    this.latency.observe(operation, Number(process.hrtime.bigint() - startedAt) / 1e9);
  }

  failed(operation: string, code: string): void {
    this.errors.inc({ operation, code });
  }
}
