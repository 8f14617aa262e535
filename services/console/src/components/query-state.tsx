/** What a page shows while its data loads or when reading it failed (401/403 are handled by the shell). */
import type { ApiError } from '../api/errors';

export function QueryState({ loading, error }: { loading: boolean; error: ApiError | null }) {
  if (loading) return <p className="muted" role="status">Loading…</p>;
  if (error) return <p className="form-error" role="alert">{error.status === 404 ? 'Not found: it may have been deleted.' : error.message}</p>;
  return null;
}

export const formatTime = (iso?: string): string => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
