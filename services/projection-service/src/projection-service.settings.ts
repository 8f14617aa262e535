/** The projection-service's configuration: SPEC §7 plus its own variables, each with its default. */
import { readSharedConfig, type SharedConfig } from '@sipauth/contracts';

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

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max} (got ${raw})`);
  }
  return value;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): ProjectionSettings {
  return {
    shared: readSharedConfig(env),
    httpPort: integer(env, 'PROJECTION_HTTP_PORT', 9465, 0, 65535),
    leaseTtlMs: integer(env, 'PROJECTION_LEASE_TTL_MS', 1_500, 300, 600_000),
    rebuildGraceMs: integer(env, 'PROJECTION_REBUILD_GRACE_MS', 60_000, 0, 86_400_000),
  };
}
