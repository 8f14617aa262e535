/** A trunk's brute-force lockout policy (SPEC §5.1) and the sources locked out right now, each clearable. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/errors';
import type { TrunkView } from '../api/models';
import { trunks } from '../api/resources';
import { Field, FormError } from '../components/field';
import { formatTime } from '../components/query-state';
import { useWrite } from '../components/use-write';

export function LockoutPolicy({ accountId, trunk }: { accountId: string; trunk: TrunkView }) {
  const p = trunk.lockoutPolicy;
  const [enabled, setEnabled] = useState(p.enabled);
  const [maxFailures, setMaxFailures] = useState(String(p.maxFailures));
  const [windowSeconds, setWindowSeconds] = useState(String(p.windowSeconds));
  const [lockoutSeconds, setLockoutSeconds] = useState(String(p.lockoutSeconds));
  const save = useWrite(
    () => trunks.setLockoutPolicy(accountId, trunk.trunkId, { enabled, maxFailures: Number(maxFailures), windowSeconds: Number(windowSeconds), lockoutSeconds: Number(lockoutSeconds) }),
    () => (enabled ? `Lockout after ${maxFailures} failures in ${windowSeconds} s, for ${lockoutSeconds} s` : 'Lockout turned off'));
  const fields = save.error?.fields ?? {};
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(undefined); };
  return (
    <section className="panel" aria-labelledby="lockout-title">
      <h2 id="lockout-title">Brute-force lockout</h2>
      <p className="muted">After too many failed digest attempts from one source address, that address is refused on this trunk for a while. A username is never locked.</p>
      <form onSubmit={submit} noValidate>
        <div className="field checkbox">
          <input id="lockout-enabled" type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          <label htmlFor="lockout-enabled">Lock out a source address after repeated failures</label>
        </div>
        <div className="form-row">
          <Field label="Failures" inputMode="numeric" value={maxFailures} onChange={(e) => setMaxFailures(e.target.value)} error={fields.maxFailures} disabled={!enabled} />
          <Field label="Within (seconds)" inputMode="numeric" value={windowSeconds} onChange={(e) => setWindowSeconds(e.target.value)} error={fields.windowSeconds} disabled={!enabled} />
          <Field label="Lock out for (seconds)" inputMode="numeric" value={lockoutSeconds} onChange={(e) => setLockoutSeconds(e.target.value)} error={fields.lockoutSeconds} disabled={!enabled} />
        </div>
        <FormError error={save.error && Object.keys(fields).length === 0 ? save.error : null} />
        <button type="submit" className="button-secondary" disabled={save.isPending}>Save lockout policy</button>
      </form>
      <ActiveLockouts accountId={accountId} trunkId={trunk.trunkId} />
    </section>
  );
}

function ActiveLockouts({ accountId, trunkId }: { accountId: string; trunkId: string }) {
  const queryClient = useQueryClient();
  const lockouts = useQuery({ queryKey: ['lockouts', accountId, trunkId], queryFn: () => trunks.lockouts(accountId, trunkId) });
  const [clearError, setClearError] = useState<ApiError | null>(null);
  const clear = async (sourceIp: string) => {
    setClearError(null);
    try {
      await trunks.clearLockout(accountId, trunkId, sourceIp);
      await queryClient.invalidateQueries({ queryKey: ['lockouts', accountId, trunkId] });
    } catch (err) {
      setClearError(err as ApiError);
    }
  };
  return (
    <>
      <h3>Locked out now</h3>
      {lockouts.error ? <p className="form-error">Active lockouts could not be read: {(lockouts.error as ApiError).message}</p>
        : !lockouts.data ? <p className="muted">Loading…</p>
          : lockouts.data.length === 0 ? <p className="empty">No source address is locked out.</p> : (
            <ul className="assigned">
              {lockouts.data.map((l) => (
                <li key={l.sourceIp}>
                  <span><span className="mono">{l.sourceIp}</span> — {l.failures} failures, until {formatTime(l.expiresAt)}</span>
                  <button type="button" className="button-quiet" onClick={() => void clear(l.sourceIp)}>Clear lockout of {l.sourceIp}</button>
                </li>
              ))}
            </ul>
          )}
      <FormError error={clearError} />
    </>
  );
}
