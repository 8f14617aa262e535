/** One credential list: rename, its credentials (add, change password with overlap, remove), delete, history. */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/errors';
import type { CredentialSummary } from '../api/models';
import { credentialLists } from '../api/resources';
import { BlockingTrunks } from '../components/blocking-trunks';
import { ConfirmButton } from '../components/confirm-button';
import { History } from '../components/history';
import { Field, FormError } from '../components/field';
import { PasswordField } from '../components/password-field';
import { formatTime, QueryState } from '../components/query-state';
import { RenameForm } from '../components/rename-form';
import { useWrite } from '../components/use-write';
import { href, navigate } from '../router';

export function CredentialListPage({ accountId, id }: { accountId: string; id: string }) {
  const list = useQuery({ queryKey: ['credential-list', accountId, id], queryFn: () => credentialLists.get(accountId, id) });
  const remove = useWrite(() => credentialLists.delete(accountId, id), () => `Credential list “${list.data?.friendlyName}” deleted`,
    () => navigate({ page: 'credential-lists', accountId }));
  if (!list.data || list.error) return <><Back accountId={accountId} /><QueryState loading={list.isPending && !list.error} error={list.error as ApiError | null} /></>;
  const l = list.data;
  return (
    <>
      <Back accountId={accountId} />
      <h1>{l.friendlyName}</h1>
      <p className="muted mono">{l.credentialListId} · created {formatTime(l.createdAt)} · assigned to {l.assignedTrunkIds.length} trunk(s)</p>
      <section className="panel" aria-labelledby="rename-title">
        <h2 id="rename-title">Name</h2>
        <RenameForm key={l.friendlyName} current={l.friendlyName} what="credential list" rename={(n) => credentialLists.rename(accountId, id, n)} />
      </section>
      <section className="panel" aria-labelledby="credentials-title">
        <h2 id="credentials-title">Credentials ({l.credentials.length})</h2>
        <table>
          <thead><tr><th scope="col">Username</th><th scope="col">Created</th><th scope="col">Previous password valid until</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>{l.credentials.map((c) => <CredentialRow key={c.credentialId} accountId={accountId} listId={id} credential={c} />)}</tbody>
        </table>
        <AddCredential accountId={accountId} listId={id} />
      </section>
      <History accountId={accountId} resourceId={id} />
      <section className="panel danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete this credential list</h2>
        <p className="muted">Calls authenticated by its credentials stop being allowed. A list assigned to a trunk cannot be deleted.</p>
        <ConfirmButton label="Delete credential list" confirmLabel={`Yes, delete “${l.friendlyName}”`} onConfirm={() => remove.mutate(undefined)} disabled={remove.isPending} />
        {remove.error && <BlockingTrunks accountId={accountId} error={remove.error} what="credential list" />}
      </section>
    </>
  );
}

const Back = ({ accountId }: { accountId: string }) => <p className="breadcrumb"><a href={href({ page: 'credential-lists', accountId })}>← All credential lists</a></p>;

const OVERLAPS = [
  { seconds: 0, label: 'No: the old password stops working at once' },
  { seconds: 3600, label: 'For 1 hour' },
  { seconds: 86_400, label: 'For 1 day' },
  { seconds: 604_800, label: 'For 1 week' },
];

function CredentialRow({ accountId, listId, credential }: { accountId: string; listId: string; credential: CredentialSummary }) {
  const [changing, setChanging] = useState(false);
  const remove = useWrite(() => credentialLists.removeCredential(accountId, listId, credential.credentialId), () => `Credential “${credential.username}” removed`);
  return (
    <>
      <tr>
        <td className="mono">{credential.username}</td>
        <td data-label="Created">{formatTime(credential.createdAt)}</td>
        <td data-label="Previous password valid until">{credential.previousPasswordValidUntil ? formatTime(credential.previousPasswordValidUntil) : '—'}</td>
        <td className="row-actions">
          <button type="button" className="button-quiet" aria-expanded={changing} onClick={() => setChanging((v) => !v)}>Change password of {credential.username}</button>
          <ConfirmButton label={`Remove ${credential.username}`} confirmLabel={`Yes, remove ${credential.username}`} onConfirm={() => remove.mutate(undefined)} />
          <FormError error={remove.error} />
        </td>
      </tr>
      {changing && (
        <tr className="subrow"><td colSpan={4}><ChangePassword accountId={accountId} listId={listId} credential={credential} onDone={() => setChanging(false)} /></td></tr>
      )}
    </>
  );
}

function ChangePassword({ accountId, listId, credential, onDone }: { accountId: string; listId: string; credential: CredentialSummary; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [overlap, setOverlap] = useState(0);
  const change = useWrite(
    () => credentialLists.changePassword(accountId, listId, credential.credentialId, { password, previousPasswordValidForSeconds: overlap }),
    () => `Password of “${credential.username}” changed`, onDone);
  const fields = change.error?.fields ?? {};
  const submit = (e: FormEvent) => { e.preventDefault(); change.mutate(undefined); };
  return (
    <form onSubmit={submit} noValidate className="form-grid">
      <PasswordField label="New password" value={password} onChange={setPassword} error={fields.password} />
      <div className="field">
        <label htmlFor={`overlap-${credential.credentialId}`}>Keep the previous password valid</label>
        <select id={`overlap-${credential.credentialId}`} value={overlap} onChange={(e) => setOverlap(Number(e.target.value))}>
          {OVERLAPS.map((o) => <option key={o.seconds} value={o.seconds}>{o.label}</option>)}
        </select>
        <div className="field-hint">An overlap lets you update a fleet of PBXs without dropping calls.</div>
        {fields.previousPasswordValidForSeconds && <p className="field-error">{fields.previousPasswordValidForSeconds}</p>}
      </div>
      <FormError error={change.error && Object.keys(fields).length === 0 ? change.error : null} />
      <div className="actions"><button type="submit" className="button" disabled={change.isPending}>Save new password for {credential.username}</button></div>
    </form>
  );
}

function AddCredential({ accountId, listId }: { accountId: string; listId: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const add = useWrite(() => credentialLists.addCredential(accountId, listId, { username, password }), () => `Credential “${username}” added`,
    () => { setUsername(''); setPassword(''); });
  const fields = add.error?.fields ?? {};
  const submit = (e: FormEvent) => { e.preventDefault(); add.mutate(undefined); };
  return (
    <form onSubmit={submit} noValidate className="form-grid subform" aria-labelledby="add-credential-title">
      <h3 id="add-credential-title">Add a credential</h3>
      <Field label="Username" value={username} onChange={(e) => setUsername(e.target.value)} error={fields.username} required autoComplete="off" maxLength={32} />
      <PasswordField value={password} onChange={setPassword} error={fields.password} />
      <FormError error={add.error && Object.keys(fields).length === 0 ? add.error : null} />
      <div className="actions"><button type="submit" className="button" disabled={add.isPending}>Add credential</button></div>
    </form>
  );
}
