/** The accounts the token may act on (GET /v1/me); a token for every account types the account id. */
import { useState, type FormEvent } from 'react';
import type { TokenIdentity } from '../api/resources';
import { Field } from '../components/field';
import { href, navigate } from '../router';

export function AccountPicker({ me }: { me?: TokenIdentity }) {
  const [accountId, setAccountId] = useState('');
  if (!me) return <p className="muted" role="status">Loading…</p>;
  const open = (e: FormEvent) => {
    e.preventDefault();
    if (accountId.trim()) navigate({ page: 'credential-lists', accountId: accountId.trim() });
  };
  return (
    <section className="panel" aria-labelledby="accounts-title">
      <h1 id="accounts-title">Choose an account</h1>
      {me.accounts.length > 0 && (
        <ul className="account-list">
          {me.accounts.map((a) => (
            <li key={a}><a className="account-link" href={href({ page: 'credential-lists', accountId: a })}>Open account <strong>{a}</strong></a></li>
          ))}
        </ul>
      )}
      {me.allAccounts && (
        <form onSubmit={open} className="inline-form">
          <p className="muted">Token “{me.name}” may act on every account. Type the account to open.</p>
          <Field label="Account ID" value={accountId} onChange={(e) => setAccountId(e.target.value)} required autoComplete="off" />
          <button type="submit" className="button" disabled={accountId.trim() === ''}>Open account</button>
        </form>
      )}
      {!me.allAccounts && me.accounts.length === 0 && <p>This token covers no account.</p>}
    </section>
  );
}
