/**
 * "Test a call" (SPEC §5.3): the real decision engine explains, step by step, what it would do with a
 * call from a source address with optional credentials. Nothing is counted and no nonce is used.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/errors';
import type { ExplainStep, TestCallResult } from '../api/models';
import { trunks } from '../api/resources';
import { Field, FormError } from '../components/field';

const STEP_NAMES: Record<ExplainStep['step'], string> = {
  trunk: 'Trunk', acl: 'IP access control', lockout: 'Lockout', challenge: 'Challenge offered',
  response: 'Digest response', verification: 'Verification', decision: 'Decision',
};

export function TestCall({ accountId, trunkId }: { accountId: string; trunkId: string }) {
  const [sourceIp, setSourceIp] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const test = useMutation<TestCallResult, ApiError>({
    mutationFn: () => trunks.testCall(accountId, trunkId, { sourceIp, ...(username ? { username } : {}), ...(password ? { password } : {}) }),
  });
  const fields = test.error?.fields ?? {};
  const submit = (e: FormEvent) => { e.preventDefault(); test.mutate(); };
  return (
    <section className="panel" aria-labelledby="test-call-title">
      <h2 id="test-call-title">Test a call</h2>
      <p className="muted">See what the service would decide for an INVITE to this trunk, step by step. Nothing is counted against the source.</p>
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label="Source IP address" value={sourceIp} onChange={(e) => setSourceIp(e.target.value)} error={fields.sourceIp} required autoComplete="off" placeholder="203.0.113.10" />
        <Field label="Username" value={username} onChange={(e) => setUsername(e.target.value)} error={fields.username} autoComplete="off" hint="Optional: with a password, the digest answer is computed and verified." />
        <Field label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} error={fields.password} autoComplete="off" />
        <FormError error={test.error && Object.keys(fields).length === 0 ? test.error : null} />
        <div className="actions"><button type="submit" className="button" disabled={test.isPending}>Test the call</button></div>
      </form>
      {test.data && <Trail result={test.data} />}
    </section>
  );
}

/** A detail value in words: lists one per line, objects as `key value` pairs, yes/no for flags. */
function readable(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(readable).join('\n');
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([k, v]) => `${k} ${readable(v)}`).join(', ');
  return String(value);
}

function Trail({ result }: { result: TestCallResult }) {
  return (
    <div className="trail" aria-live="polite">
      <p className={`verdict verdict-${result.decision}`}>
        <strong>{result.decision === 'allow' ? 'Allowed' : result.decision === 'challenge' ? 'Challenged' : 'Denied'}</strong> — SIP {result.status}, {result.reason}
      </p>
      <ol className="steps">
        {result.steps.map((s, i) => (
          <li key={`${s.step}-${i}`}>
            <strong>{STEP_NAMES[s.step] ?? s.step}</strong>: {s.outcome}
            {Object.keys(s.detail).length > 0 && (
              <dl>
                {Object.entries(s.detail).map(([k, v]) => <div key={k}><dt>{k}</dt><dd className="mono">{readable(v)}</dd></div>)}
              </dl>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
