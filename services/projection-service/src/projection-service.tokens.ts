/** What the NestJS edge is given: the plain runner and its metrics. */
import type { ProjectionMetrics } from './ops/projection-metrics';
import type { ProjectionRunner } from './projection-runner';

export const PROJECTION_RUNTIME = Symbol('PROJECTION_RUNTIME');

export interface ProjectionRuntime {
  runner: ProjectionRunner;
  metrics: ProjectionMetrics;
  /** Whether the NATS connection is up now: not between a disconnect and its reconnect, not draining or closed. */
  natsConnected(): boolean;
  /** Stops the runner (checkpoint written, lease released) and the event store. */
  stop(): Promise<void>;
}
