/** A delete refused because trunks hold the list (409, one problem per trunk): names each trunk and links to it. */
import { useQuery } from '@tanstack/react-query';
import type { ApiError } from '../api/errors';
import { trunks } from '../api/resources';
import { href } from '../router';

export function BlockingTrunks({ accountId, error, what }: { accountId: string; error: ApiError; what: string }) {
  const trunkIds = error.problems.filter((p) => p.field === 'trunkId' || p.field.startsWith('trunk')).map((p) => p.message.match(/TK[0-9a-f]{32}/)?.[0] ?? p.message);
  const all = useQuery({ queryKey: ['trunks', accountId, 'all'], queryFn: () => trunks.list(accountId), enabled: trunkIds.length > 0 });
  if (error.status !== 409 || trunkIds.length === 0) return <p className="form-error" role="alert">{error.message}</p>;
  const nameOf = (id: string) => all.data?.items.find((t) => t.trunkId === id)?.friendlyName ?? id;
  return (
    <div className="form-error" role="alert">
      <p>This {what} cannot be deleted while a trunk uses it. Unassign it from {trunkIds.length === 1 ? 'this trunk' : 'these trunks'} first:</p>
      <ul>
        {trunkIds.map((id) => <li key={id}><a href={href({ page: 'trunks', accountId, id })}>Trunk “{nameOf(id)}”</a></li>)}
      </ul>
    </div>
  );
}
