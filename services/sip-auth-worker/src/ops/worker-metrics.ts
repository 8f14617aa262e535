/**
 * Prometheus metrics of one worker, in a registry of its own (several workers may share a process,
 * as in the tests): decisions by decision and reason, request latency, index sizes, applied position.
 */
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { PROPAGATION_BUCKETS_SECONDS, type AuthStatus } from '@sipauth/contracts';
import { LatencyHistogram } from './latency-histogram';

interface DecisionCount { labels: { operation: string; decision: string; reason: string }; count: number; reported: number }

export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly errors: Counter<'operation' | 'code'>;
  private readonly latency: LatencyHistogram;
  private readonly propagation: LatencyHistogram;
  private readonly delivery: LatencyHistogram;
  private readonly lockouts: Counter;
  private readonly usernameAlerts: Counter;
  private readonly countedFailures: Counter<'reason'>;
  private readonly failureChildren = new Map<string, { inc(): void }>();
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
    this.propagation = new LatencyHistogram(
      'sipauth_worker_propagation_seconds',
      'Time from the event store recording a change to this worker applying it, by read-model kind (live updates; position: the checkpoint covering it, as auth.status reports it)',
      PROPAGATION_BUCKETS_SECONDS, 'kind',
    );
    this.registry.registerMetric(this.propagation as never);
    this.delivery = new LatencyHistogram(
      'sipauth_worker_watch_delivery_seconds', 'Time from NATS KV storing a read-model entry to this worker applying it, by kind (live updates)',
      PROPAGATION_BUCKETS_SECONDS, 'kind',
    );
    this.registry.registerMetric(this.delivery as never);
    this.lockouts = new Counter({
      name: 'sipauth_worker_lockouts_total', help: 'Sources locked out of a trunk (SPEC §5.1), counted by the replica that wrote the lockout',
      registers: [this.registry],
    });
    this.usernameAlerts = new Counter({
      name: 'sipauth_worker_username_failure_alerts_total', help: 'Usernames of a trunk that reached the failure threshold (reported, never locked)',
      registers: [this.registry],
    });
    this.countedFailures = new Counter({
      name: 'sipauth_worker_lockout_failures_total', help: 'Failed attempts this replica reported to the lockout counters, by reason',
      labelNames: ['reason'], registers: [this.registry],
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
    const entry = this.decisionCounts.get(key);
    if (entry) entry.count++;
    else this.decisionCounts.set(key, { labels: { operation, decision, reason }, count: 1, reported: 0 });
    this.latency.observe(operation, Number(process.hrtime.bigint() - startedAt) / 1e9);
  }

  /** Records a live read-model change applied (see ReadModelWatcher's onApplied): seconds since the event was recorded, and since KV stored it. */
  readonly changeApplied = (kind: string, sinceRecorded: number | undefined, sinceStored: number): void => {
    if (sinceRecorded !== undefined) this.propagation.observe(kind, Math.max(0, sinceRecorded));
    this.delivery.observe(kind, Math.max(0, sinceStored));
  };

  failed(operation: string, code: string): void {
    this.errors.inc({ operation, code });
  }

  /** The lockout counters' sink (see LockoutRegistry). */
  readonly lockoutSink = {
    lockedOut: (): void => this.lockouts.inc(),
    usernameThreshold: (): void => this.usernameAlerts.inc(),
    // A child bound once per reason: a failed attempt must stay cheap (SPEC §5.1 counting budget).
    failureCounted: (reason: string): void => {
      let child = this.failureChildren.get(reason);
      if (!child) this.failureChildren.set(reason, (child = this.countedFailures.labels(reason)));
      child.inc();
    },
  };
}
