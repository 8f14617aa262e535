/** Trunks: the account's trunks with their domains, and creating one. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/errors';
import { trunks } from '../api/resources';
import { Field, FormError } from '../components/field';
import { QueryState } from '../components/query-state';
import { useWrite } from '../components/use-write';
import { href, navigate } from '../router';

export function TrunksPage({ accountId }: { accountId: string }) {
  const list = useInfiniteQuery({
    queryKey: ['trunks', accountId],
    queryFn: ({ pageParam }) => trunks.list(accountId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken,
  });
  const items = (list.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <>
      <h1>Trunks</h1>
      <p className="muted lead">Each trunk answers on its own domain; the lists you assign decide which calls it lets in.</p>
      <section className="panel" aria-labelledby="trunks-title">
        <h2 id="trunks-title">Your trunks</h2>
        <QueryState loading={list.isPending} error={list.error as ApiError | null} />
        {list.isSuccess && (items.length === 0 ? <p className="empty">No trunk yet: create the first one below.</p> : (
          <table>
            <thead><tr><th scope="col">Friendly name</th><th scope="col">Domain name</th><th scope="col">Credential lists</th><th scope="col">IP ACLs</th></tr></thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.trunkId}>
                  <td><a href={href({ page: 'trunks', accountId, id: t.trunkId })}>{t.friendlyName}</a></td>
                  <td data-label="Domain name" className="mono">{t.domainName}</td>
                  <td data-label="Credential lists">{t.credentialListIds.length}</td>
                  <td data-label="IP ACLs">{t.ipAccessControlListIds.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        {list.hasNextPage && <button type="button" className="button-quiet" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage} aria-busy={list.isFetchingNextPage}>Load more trunks</button>}
      </section>
      <CreateTrunk accountId={accountId} />
    </>
  );
}

function CreateTrunk({ accountId }: { accountId: string }) {
  const [friendlyName, setFriendlyName] = useState('');
  const [domainName, setDomainName] = useState('');
  const create = useWrite(() => trunks.create(accountId, { friendlyName, domainName }), () => `Trunk “${friendlyName}” created`,
    (w) => { if (w.ids.trunkId) navigate({ page: 'trunks', accountId, id: w.ids.trunkId }); });
  const fields = create.error?.fields ?? {};
  const submit = (e: FormEvent) => { e.preventDefault(); create.mutate(undefined); };
  return (
    <section className="panel" aria-labelledby="create-trunk-title">
      <h2 id="create-trunk-title">Create a trunk</h2>
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label="Friendly name" value={friendlyName} onChange={(e) => setFriendlyName(e.target.value)} error={fields.friendlyName} required maxLength={64} />
        <Field label="Domain name" value={domainName} onChange={(e) => setDomainName(e.target.value)} error={fields.domainName} required autoComplete="off"
          placeholder="acme.pstn.example.net" hint="Unique across the platform; stored in lower case." />
        <FormError error={create.error && Object.keys(fields).length === 0 ? create.error : null} />
        <div className="actions"><button type="submit" className="button" disabled={create.isPending}>Create trunk</button></div>
      </form>
    </section>
  );
}
