/** One IP ACL: rename, its addresses as the server stores them (normalised CIDR), add, remove, delete. */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/errors';
import type { IpAddressView } from '../api/models';
import { ipAcls } from '../api/resources';
import { BlockingTrunks } from '../components/blocking-trunks';
import { ConfirmButton } from '../components/confirm-button';
import { History } from '../components/history';
import { Field, FormError } from '../components/field';
import { formatTime, QueryState } from '../components/query-state';
import { RenameForm } from '../components/rename-form';
import { useWrite } from '../components/use-write';
import { href, navigate } from '../router';

export function IpAclPage({ accountId, id }: { accountId: string; id: string }) {
  const acl = useQuery({ queryKey: ['ip-acl', accountId, id], queryFn: () => ipAcls.get(accountId, id) });
  const remove = useWrite(() => ipAcls.delete(accountId, id), () => `IP access control list “${acl.data?.friendlyName}” deleted`,
    () => navigate({ page: 'ip-access-control-lists', accountId }));
  const back = <p className="breadcrumb"><a href={href({ page: 'ip-access-control-lists', accountId })}>← All IP access control lists</a></p>;
  if (!acl.data || acl.error) return <>{back}<QueryState loading={acl.isPending && !acl.error} error={acl.error as ApiError | null} /></>;
  const a = acl.data;
  return (
    <>
      {back}
      <h1>{a.friendlyName}</h1>
      <p className="muted mono">{a.ipAccessControlListId} · created {formatTime(a.createdAt)} · assigned to {a.assignedTrunkIds.length} trunk(s)</p>
      <section className="panel" aria-labelledby="rename-title">
        <h2 id="rename-title">Name</h2>
        <RenameForm key={a.friendlyName} current={a.friendlyName} what="IP access control list" rename={(n) => ipAcls.rename(accountId, id, n)} />
      </section>
      <section className="panel" aria-labelledby="addresses-title">
        <h2 id="addresses-title">IP addresses ({a.ipAddresses.length})</h2>
        <p className="muted">Shown as stored: an address with a prefix is kept as its network (10.1.2.3/24 is stored as 10.1.2.0/24).</p>
        <table>
          <thead><tr><th scope="col">Friendly name</th><th scope="col">IP address</th><th scope="col">Added</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>{a.ipAddresses.map((ip) => <AddressRow key={ip.ipAddressId} accountId={accountId} aclId={id} ip={ip} />)}</tbody>
        </table>
        <AddAddress accountId={accountId} aclId={id} />
      </section>
      <History accountId={accountId} resourceId={id} />
      <section className="panel danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete this IP access control list</h2>
        <p className="muted">An ACL assigned to a trunk cannot be deleted.</p>
        <ConfirmButton label="Delete IP access control list" confirmLabel={`Yes, delete “${a.friendlyName}”`} onConfirm={() => remove.mutate(undefined)} disabled={remove.isPending} />
        {remove.error && <BlockingTrunks accountId={accountId} error={remove.error} what="IP access control list" />}
      </section>
    </>
  );
}

function AddressRow({ accountId, aclId, ip }: { accountId: string; aclId: string; ip: IpAddressView }) {
  const cidr = `${ip.ipAddress}/${ip.cidrPrefixLength}`;
  const [renaming, setRenaming] = useState(false);
  const remove = useWrite(() => ipAcls.removeIpAddress(accountId, aclId, ip.ipAddressId), () => `IP address ${cidr} removed`);
  return (
    <>
      <tr>
        <td>{ip.friendlyName}</td>
        <td data-label="IP address" className="mono">{cidr}</td>
        <td data-label="Added">{formatTime(ip.createdAt)}</td>
        <td className="row-actions">
          <button type="button" className="button-quiet" aria-expanded={renaming} onClick={() => setRenaming((v) => !v)}>Rename {cidr}</button>
          <ConfirmButton label={`Remove ${cidr}`} confirmLabel={`Yes, remove ${cidr}`} onConfirm={() => remove.mutate(undefined)} />
          <FormError error={remove.error} />
        </td>
      </tr>
      {renaming && (
        <tr className="subrow"><td colSpan={4}>
          <RenameForm current={ip.friendlyName} what={`IP address ${cidr}`} rename={(n) => ipAcls.renameIpAddress(accountId, aclId, ip.ipAddressId, n)} onDone={() => setRenaming(false)} />
        </td></tr>
      )}
    </>
  );
}

function AddAddress({ accountId, aclId }: { accountId: string; aclId: string }) {
  const [friendlyName, setFriendlyName] = useState('');
  const [ipAddress, setIpAddress] = useState('');
  const [prefix, setPrefix] = useState('');
  const add = useWrite(
    () => ipAcls.addIpAddress(accountId, aclId, { friendlyName, ipAddress, ...(prefix.trim() ? { cidrPrefixLength: Number(prefix) } : {}) }),
    () => `IP address ${ipAddress}${prefix ? `/${prefix}` : ''} added`,
    () => { setFriendlyName(''); setIpAddress(''); setPrefix(''); });
  const fields = add.error?.fields ?? {};
  const submit = (e: FormEvent) => { e.preventDefault(); add.mutate(undefined); };
  return (
    <form onSubmit={submit} noValidate className="form-grid subform" aria-labelledby="add-address-title">
      <h3 id="add-address-title">Add an IP address or range</h3>
      <Field label="Friendly name" value={friendlyName} onChange={(e) => setFriendlyName(e.target.value)} error={fields.friendlyName} required maxLength={64} />
      <Field label="IP address" value={ipAddress} onChange={(e) => setIpAddress(e.target.value)} error={fields.ipAddress} required autoComplete="off" placeholder="203.0.113.10 or 2001:db8::/48" />
      <Field label="CIDR prefix length" inputMode="numeric" value={prefix} onChange={(e) => setPrefix(e.target.value)} error={fields.cidrPrefixLength}
        hint="Optional: IPv4 8–32 (default 32), IPv6 16–128 (default 128)." />
      <FormError error={add.error && Object.keys(fields).length === 0 ? add.error : null} />
      <div className="actions"><button type="submit" className="button" disabled={add.isPending}>Add IP address</button></div>
    </form>
  );
}
