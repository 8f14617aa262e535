/** A resource's audit trail (GET /v1/accounts/{a}/history?resourceId=): who changed what and when, newest first. */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ApiError } from '../api/errors';
import { history } from '../api/resources';
import { formatTime, QueryState } from './query-state';

export function History({ accountId, resourceId }: { accountId: string; resourceId: string }) {
  const trail = useInfiniteQuery({
    queryKey: ['history', accountId, resourceId],
    queryFn: ({ pageParam }) => history.page(accountId, resourceId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken,
  });
  const entries = (trail.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <section className="panel" aria-labelledby={`history-${resourceId}`}>
      <h2 id={`history-${resourceId}`}>History</h2>
      <QueryState loading={trail.isPending} error={trail.error as ApiError | null} />
      {trail.isSuccess && (entries.length === 0 ? <p className="empty">No change recorded yet.</p> : (
        <ol className="history">
          {entries.map((e) => (
            <li key={`${e.position}-${e.type}`}>
              <span className="history-summary">{e.summary}</span>
              <span className="muted"> — {e.actor}, <time dateTime={e.at}>{formatTime(e.at)}</time></span>
            </li>
          ))}
        </ol>
      ))}
      {trail.hasNextPage && (
        <button type="button" className="button-quiet" onClick={() => void trail.fetchNextPage()} disabled={trail.isFetchingNextPage} aria-busy={trail.isFetchingNextPage}>Show older changes</button>
      )}
    </section>
  );
}
