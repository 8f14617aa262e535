/** Prometheus metrics of one projection-service instance (its own registry, so instances never collide). */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { PROPAGATION_BUCKETS_SECONDS } from '@sipauth/contracts';
import type { RecordedEvent } from '@sipauth/event-store';

export class ProjectionMetrics {
  readonly registry = new Registry();
  private readonly appliedPosition = new Gauge({
    name: 'sipauth_projection_applied_position',
    help: 'Event store position of the last event applied to the active read model',
    registers: [this.registry],
  });
  private readonly eventsApplied = new Counter({
    name: 'sipauth_projection_events_applied_total',
    help: 'Events applied to a read model (live and rebuild)',
    labelNames: ['phase'],
    registers: [this.registry],
  });
  private readonly lag = new Gauge({
    name: 'sipauth_projection_lag_seconds',
    help: 'Time from the store recording the last applied event to its application',
    registers: [this.registry],
  });
  private readonly stored = new Histogram({
    name: 'sipauth_projection_stored_seconds',
    help: 'Time from the store recording an event to every read-model write it made being acknowledged (eager copy included), live events only',
    buckets: [...PROPAGATION_BUCKETS_SECONDS],
    registers: [this.registry],
  });
  private readonly leaseHolder = new Gauge({
    name: 'sipauth_projection_lease_holder',
    help: '1 while this instance holds the single-active lease and applies events, else 0',
    registers: [this.registry],
  });
  private readonly generation = new Gauge({
    name: 'sipauth_projection_active_generation',
    help: 'Generation of the read-model bucket readers use',
    registers: [this.registry],
  });

  private readonly unreadableAt = new Gauge({
    name: 'sipauth_projection_unreadable_event_position',
    help: 'Position of an event this code cannot read (unknown type or schema version) at which applying stopped; 0 when none',
    registers: [this.registry],
  });

  constructor(withDefaults = true) {
    if (withDefaults) collectDefaultMetrics({ register: this.registry });
    this.leaseHolder.set(0);
  }

  applied(event: RecordedEvent, phase: 'live' | 'rebuild', now = Date.now()): void {
    this.eventsApplied.inc({ phase });
    if (phase !== 'live') return;
    this.unreadableAt.set(0);
    this.appliedPosition.set(Number(event.position));
    const lag = Math.max(0, (now - Date.parse(event.created)) / 1000);
    this.lag.set(lag);
    this.stored.observe(lag);
  }

  /** Applying stopped at this event: it cannot be read (the log line names it). */
  unreadable(event: RecordedEvent): void {
    this.unreadableAt.set(Number(event.position));
  }

  holdsLease(held: boolean): void {
    this.leaseHolder.set(held ? 1 : 0);
  }

  activeGeneration(generation: number): void {
    this.generation.set(generation);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
