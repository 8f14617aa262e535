/** Sign in with an API token: checked against GET /v1/me, kept in sessionStorage only. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/errors';
import { session } from '../api/resources';
import { Field } from '../components/field';
import { forgetToken, keepToken } from '../session';

export function SignIn({ notice, onSignedIn }: { notice?: string; onSignedIn: () => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    keepToken(token.trim());
    try {
      await session.me();
      onSignedIn();
    } catch (err) {
      forgetToken();
      setError(err instanceof ApiError && err.status === 401
        ? 'This API token was not accepted (401). Check that you copied the whole token, without the “=accounts” part of CONFIG_API_TOKENS.'
        : `Could not sign in: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin">
      <section className="panel signin-panel" aria-labelledby="signin-title">
        <p className="brand brand-large">sipauth <span>console</span></p>
        <h1 id="signin-title">Sign in</h1>
        <p className="muted">Manage the credential lists, IP access control lists and trunks of your Elastic SIP Trunking accounts.</p>
        {notice && <p className="form-error" role="alert">{notice}</p>}
        <form onSubmit={submit} noValidate>
          <Field label="API token" type="password" autoComplete="off" required value={token} onChange={(e) => setToken(e.target.value)} error={error}
            hint="The token stays in this browser tab only and is sent only in the Authorization header." />
          <button type="submit" className="button" disabled={busy || token.trim() === ''}>Sign in</button>
        </form>
      </section>
    </main>
  );
}
