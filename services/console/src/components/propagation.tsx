/**
 * After a change, the page says when every worker decides with it: it polls the workers' position
 * (`GET /v1/workers/status`) until it reaches the position the write returned (SPEC §6), then refreshes
 * the data it shows, which the read models hold by then.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { session } from '../api/resources';

type Announce = (what: string, position?: string) => void;
const AnnounceContext = createContext<Announce>(() => undefined);

/** Call with what changed and the position the write returned. */
export const useAnnounceChange = (): Announce => useContext(AnnounceContext);

interface Change { what: string; position?: string; state: 'waiting' | 'live' | 'unknown' }

const POLL_MS = 300;
const GIVE_UP_AFTER_POLLS = 100;

export function PropagationProvider({ children }: { children: ReactNode }) {
  const [change, setChange] = useState<Change | undefined>();
  const queryClient = useQueryClient();
  const announce = useCallback<Announce>((what, position) => setChange({ what, position, state: position ? 'waiting' : 'unknown' }), []);

  useEffect(() => {
    if (!change || change.state !== 'waiting' || !change.position) return;
    const target = BigInt(change.position);
    let polls = 0;
    let stopped = false;
    const poll = async () => {
      if (stopped) return;
      polls += 1;
      try {
        const status = await session.workersPosition();
        if (BigInt(status.position) >= target) {
          await queryClient.invalidateQueries();
          if (!stopped) setChange((c) => (c && c.position === change.position ? { ...c, state: 'live' } : c));
          return;
        }
      } catch {
        // No worker answered this time: keep asking a while, the page says so if none ever does.
      }
      if (polls >= GIVE_UP_AFTER_POLLS) setChange((c) => (c ? { ...c, state: 'unknown' } : c));
      else setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => { stopped = true; };
  }, [change, queryClient]);

  return (
    <AnnounceContext.Provider value={announce}>
      <NoticeContext.Provider value={{ change, dismiss: () => setChange(undefined) }}>{children}</NoticeContext.Provider>
    </AnnounceContext.Provider>
  );
}

const NoticeContext = createContext<{ change?: Change; dismiss: () => void }>({ dismiss: () => undefined });

/** Where the page says how far the last change has got (a polite live region, at the top of the content). */
export function PropagationNotice() {
  const { change, dismiss } = useContext(NoticeContext);
  return (
    <div className="propagation" role="status" aria-live="polite">
      {change && (
        <p className={`propagation-${change.state}`}>
          <strong>{change.what}.</strong>{' '}
          {change.state === 'waiting' && 'Waiting until every worker decides with this change…'}
          {change.state === 'live' && 'Every worker now decides with this change: you can place a test call.'}
          {change.state === 'unknown' && 'Saved, but no worker has confirmed it yet; calls may still see the previous configuration.'}
          <button type="button" className="link-button" onClick={dismiss}>Dismiss</button>
        </p>
      )}
    </div>
  );
}
