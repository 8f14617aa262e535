/** IP access control lists: the account's ACLs (paged, searchable by name) and creating one. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/errors';
import { ipAcls } from '../api/resources';
import { Field, FormError } from '../components/field';
import { QueryState } from '../components/query-state';
import { useWrite } from '../components/use-write';
import { href, navigate } from '../router';

export function IpAclsPage({ accountId }: { accountId: string }) {
  const [search, setSearch] = useState('');
  const acls = useInfiniteQuery({
    queryKey: ['ip-acls', accountId],
    queryFn: ({ pageParam }) => ipAcls.list(accountId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken,
  });
  const items = (acls.data?.pages ?? []).flatMap((p) => p.items);
  const needle = search.trim().toLowerCase();
  // The API has no search by name: while a search is typed, the remaining pages are fetched so it finds every list.
  useEffect(() => {
    if (needle && acls.hasNextPage && !acls.isFetchingNextPage) void acls.fetchNextPage();
  }, [needle, acls.hasNextPage, acls.isFetchingNextPage, acls.fetchNextPage]);
  const shown = needle ? items.filter((a) => a.friendlyName.toLowerCase().includes(needle)) : items;
  return (
    <>
      <h1>IP access control lists</h1>
      <p className="muted lead">Addresses and ranges your calls may come from. A trunk with an ACL only admits calls from its ranges.</p>
      <section className="panel" aria-labelledby="acls-title">
        <div className="panel-head">
          <h2 id="acls-title">Your IP access control lists</h2>
          <div className="search"><Field label="Search by friendly name" type="search" value={search} onChange={(e) => setSearch(e.target.value)} /></div>
        </div>
        <QueryState loading={acls.isPending} error={acls.error as ApiError | null} />
        {acls.isSuccess && (shown.length === 0
          ? <p className="empty">{needle ? `No IP access control list matches “${search}”.` : 'No IP access control list yet: create the first one below.'}</p>
          : (
            <table>
              <thead><tr><th scope="col">Friendly name</th><th scope="col">IP addresses</th><th scope="col">Assigned to trunks</th></tr></thead>
              <tbody>
                {shown.map((a) => (
                  <tr key={a.ipAccessControlListId}>
                    <td><a href={href({ page: 'ip-access-control-lists', accountId, id: a.ipAccessControlListId })}>{a.friendlyName}</a></td>
                    <td data-label="IP addresses">{a.ipAddressCount}</td>
                    <td data-label="Assigned to trunks">{a.assignedTrunkIds.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        {acls.hasNextPage && (
          <button type="button" className="button-quiet" onClick={() => void acls.fetchNextPage()} disabled={acls.isFetchingNextPage} aria-busy={acls.isFetchingNextPage}>Load more IP access control lists</button>
        )}
      </section>
      <CreateIpAcl accountId={accountId} />
    </>
  );
}

function CreateIpAcl({ accountId }: { accountId: string }) {
  const [friendlyName, setFriendlyName] = useState('');
  const create = useWrite(() => ipAcls.create(accountId, { friendlyName }), () => `IP access control list “${friendlyName}” created`,
    (w) => { if (w.ids.ipAccessControlListId) navigate({ page: 'ip-access-control-lists', accountId, id: w.ids.ipAccessControlListId }); });
  const fields = create.error?.fields ?? {};
  const submit = (e: FormEvent) => { e.preventDefault(); create.mutate(undefined); };
  return (
    <section className="panel" aria-labelledby="create-acl-title">
      <h2 id="create-acl-title">Create an IP access control list</h2>
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label="Friendly name" value={friendlyName} onChange={(e) => setFriendlyName(e.target.value)} error={fields.friendlyName} required maxLength={64} />
        <FormError error={create.error && Object.keys(fields).length === 0 ? create.error : null} />
        <div className="actions"><button type="submit" className="button" disabled={create.isPending}>Create IP access control list</button></div>
      </form>
    </section>
  );
}
