/** The projection-service's configuration: SPEC §7 plus its own variables, each with its default. */
import { readIntegerEnv, readPortEnv, readSharedConfig, type SharedConfig } from '@sipauth/contracts';

export interface ProjectionSettings {
  shared: SharedConfig;
  /** `PROJECTION_HTTP_PORT` (default 9465, `0` = any free port): /healthz, /readyz, /metrics. */
  httpPort: number;
  /**
   * `PROJECTION_LEASE_TTL_MS` (default 1500): single-active lease lifetime, renewed every third of it;
   * after the active instance dies a standby takes over when the lease expires (≤ 2 s by default).
   */
  leaseTtlMs: number;
  /** `PROJECTION_REBUILD_GRACE_MS` (default 60000): how long the previous generation survives a rebuild's switch. */
  rebuildGraceMs: number;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): ProjectionSettings {
  return {
    shared: readSharedConfig(env),
    httpPort: readPortEnv(env, 'PROJECTION_HTTP_PORT', 9465),
    leaseTtlMs: readIntegerEnv(env, 'PROJECTION_LEASE_TTL_MS', 1_500, 300, 600_000),
    rebuildGraceMs: readIntegerEnv(env, 'PROJECTION_REBUILD_GRACE_MS', 60_000, 0, 86_400_000),
  };
}
