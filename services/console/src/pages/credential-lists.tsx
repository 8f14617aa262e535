/** Credential lists: the account's lists (paged, searchable by name) and creating one with its first credential. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/errors';
import { credentialLists } from '../api/resources';
import { Field, FormError } from '../components/field';
import { PasswordField } from '../components/password-field';
import { QueryState } from '../components/query-state';
import { useWrite } from '../components/use-write';
import { href, navigate } from '../router';

export function CredentialListsPage({ accountId }: { accountId: string }) {
  const [search, setSearch] = useState('');
  const lists = useInfiniteQuery({
    queryKey: ['credential-lists', accountId],
    queryFn: ({ pageParam }) => credentialLists.list(accountId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken,
  });
  const items = (lists.data?.pages ?? []).flatMap((p) => p.items);
  const needle = search.trim().toLowerCase();
  // The API has no search by name: while a search is typed, the remaining pages are fetched so it finds every list.
  useEffect(() => {
    if (needle && lists.hasNextPage && !lists.isFetchingNextPage) void lists.fetchNextPage();
  }, [needle, lists.hasNextPage, lists.isFetchingNextPage, lists.fetchNextPage]);
  const shown = needle ? items.filter((l) => l.friendlyName.toLowerCase().includes(needle)) : items;

  return (
    <>
      <h1>Credential lists</h1>
      <p className="muted lead">Usernames and passwords that SIP clients use to authenticate calls to the trunks you assign the list to.</p>
      <section className="panel" aria-labelledby="lists-title">
        <div className="panel-head">
          <h2 id="lists-title">Your credential lists</h2>
          <div className="search"><Field label="Search by friendly name" type="search" value={search} onChange={(e) => setSearch(e.target.value)} /></div>
        </div>
        <QueryState loading={lists.isPending} error={lists.error as ApiError | null} />
        {lists.isSuccess && (
          shown.length === 0
            ? <p className="empty">{needle ? `No credential list matches “${search}”.` : 'No credential list yet: create the first one below.'}</p>
            : (
              <table>
                <thead><tr><th scope="col">Friendly name</th><th scope="col">Credentials</th><th scope="col">Assigned to trunks</th></tr></thead>
                <tbody>
                  {shown.map((l) => (
                    <tr key={l.credentialListId}>
                      <td><a href={href({ page: 'credential-lists', accountId, id: l.credentialListId })}>{l.friendlyName}</a></td>
                      <td data-label="Credentials">{l.credentialCount}</td>
                      <td data-label="Assigned to trunks">{l.assignedTrunkIds.length}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
        )}
        {lists.hasNextPage && (
          <button type="button" className="button-quiet" onClick={() => void lists.fetchNextPage()} disabled={lists.isFetchingNextPage} aria-busy={lists.isFetchingNextPage}>
            Load more credential lists
          </button>
        )}
      </section>
      <CreateCredentialList accountId={accountId} />
    </>
  );
}

function CreateCredentialList({ accountId }: { accountId: string }) {
  const [friendlyName, setFriendlyName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const create = useWrite(
    () => credentialLists.create(accountId, { friendlyName, username, password }),
    () => `Credential list “${friendlyName}” created`,
    (w) => { if (w.ids.credentialListId) navigate({ page: 'credential-lists', accountId, id: w.ids.credentialListId }); },
  );
  const fields = create.error?.fields ?? {};
  const submit = (e: FormEvent) => { e.preventDefault(); create.mutate(undefined); };
  return (
    <section className="panel" aria-labelledby="create-list-title">
      <h2 id="create-list-title">Create a credential list</h2>
      <p className="muted">A list starts with its first credential.</p>
      <form onSubmit={submit} noValidate className="form-grid">
        <Field label="Friendly name" value={friendlyName} onChange={(e) => setFriendlyName(e.target.value)} error={fields.friendlyName} required maxLength={64} />
        <Field label="Username" value={username} onChange={(e) => setUsername(e.target.value)} error={fields.username} required autoComplete="off" maxLength={32} />
        <PasswordField value={password} onChange={setPassword} error={fields.password} />
        <FormError error={create.error && Object.keys(fields).length === 0 ? create.error : null} />
        <div className="actions"><button type="submit" className="button" disabled={create.isPending}>Create credential list</button></div>
      </form>
    </section>
  );
}
