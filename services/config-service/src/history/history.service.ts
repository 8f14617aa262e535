/**
 * The audit trail (`query.history`): read from the event store, not the read models, because only the
 * events know who asked and when. A list, ACL or trunk id reads that aggregate's stream; a credential or
 * IP address id, or no id, walks the account's events backwards (see `readAccountBackwards`).
 */
import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_PAGE_SIZE, type HistoryEntry, type HistoryRequest, type HistoryResult } from '@sipauth/contracts';
import { ID_PREFIXES, NotFound, streams } from '@sipauth/domain';
import { StreamNotFound, type EventStore, type RecordedEvent } from '@sipauth/event-store';
import { EVENT_STORE } from '../config-service.tokens';
import { isListSide, namesFrom, summarise, type NameBook } from './event-summary';
import { historyTokenBefore, positionOfHistoryToken } from './history-page-token';

const AGGREGATE_STREAMS: Record<string, (id: string) => string> = {
  [ID_PREFIXES.credentialList]: streams.credentialList,
  [ID_PREFIXES.ipAccessControlList]: streams.ipAcl,
  [ID_PREFIXES.trunk]: streams.trunk,
};
/** Events whose summary needs a name from earlier in their stream. */
const NEEDS_NAMES = new Set(['CredentialPasswordChanged', 'CredentialRemoved', 'IpAddressRenamed', 'IpAddressRemoved']);

const noSuchResource = () => new NotFound('no such resource', [{ field: 'resourceId', message: 'names no credential list, IP ACL, trunk, credential or IP address of this account' }]);

@Injectable()
export class HistoryService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async history(request: HistoryRequest): Promise<HistoryResult> {
    const before = positionOfHistoryToken(request.pageToken);
    const size = request.pageSize ?? DEFAULT_PAGE_SIZE;
    const { resourceId } = request;
    const stream = resourceId === undefined ? undefined : AGGREGATE_STREAMS[resourceId.slice(0, 2)]?.(resourceId);
    if (stream !== undefined) return this.ofStream(request.accountId, stream, before, size);
    const where = resourceId === undefined ? shownInAccountTrail : (e: RecordedEvent) => mentions(e, resourceId);
    const page = await this.store.readAccountBackwards({ accountId: request.accountId, beforePosition: before, maxCount: size, where });
    if (resourceId !== undefined && before === undefined && page.events.length === 0 && page.continueBefore === undefined) throw noSuchResource();
    const names = await this.namesFor(page.events);
    const events = page.events.map((e) => entryOf(e, names.get(e.streamName)));
    return page.continueBefore === undefined ? { events } : { events, nextPageToken: historyTokenBefore(page.continueBefore) };
  }

  private async ofStream(accountId: string, stream: string, before: string | undefined, size: number): Promise<HistoryResult> {
    let all: RecordedEvent[];
    try {
      all = await this.store.readStream(stream);
    } catch (err) {
      if (err instanceof StreamNotFound) throw noSuchResource();
      throw err;
    }
    // Another account's resource is as unknown as a missing one.
    if (all[0]?.metadata?.accountId !== accountId) throw noSuchResource();
    const names = namesFrom(all);
    const older = before === undefined ? all : all.filter((e) => BigInt(e.position) < BigInt(before));
    const chosen = older.slice(-size).reverse();
    const events = chosen.map((e) => entryOf(e, names));
    return older.length > size ? { events, nextPageToken: historyTokenBefore(chosen[chosen.length - 1].position) } : { events };
  }

  /** Names for the events of a page that need them, one read of each stream concerned (the command path's cache serves most). */
  private async namesFor(events: RecordedEvent[]): Promise<Map<string, NameBook>> {
    const wanted = [...new Set(events.filter((e) => NEEDS_NAMES.has(e.type)).map((e) => e.streamName))];
    const books = await Promise.all(wanted.map(async (s) => [s, namesFrom(await this.store.readStream(s))] as const));
    return new Map(books);
  }
}

/** The account trail leaves out bookkeeping: domain reservations and the list's copy of an assignment (the trunk's is shown). */
function shownInAccountTrail(e: RecordedEvent): boolean {
  if (e.streamName.startsWith('trunkDomain-')) return false;
  return !((e.type === 'TrunkAssigned' || e.type === 'TrunkUnassigned') && isListSide(e));
}

/** Whether an event concerns a credential or IP address by its id. */
function mentions(e: RecordedEvent, id: string): boolean {
  const d = (e.data ?? {}) as Record<string, unknown>;
  if (d.credentialId === id || d.ipAddressId === id) return true;
  // An import adds many credentials in one event.
  return Array.isArray(d.credentials) && (d.credentials as Array<{ credentialId?: unknown }>).some((c) => c?.credentialId === id);
}

function entryOf(e: RecordedEvent, names?: NameBook): HistoryEntry {
  const requestId = e.metadata?.requestId;
  return {
    position: e.position,
    at: e.created,
    type: e.type,
    resourceId: e.streamName.slice(e.streamName.indexOf('-') + 1),
    actor: typeof e.metadata?.actor === 'string' ? e.metadata.actor : 'unknown',
    ...(typeof requestId === 'string' ? { requestId } : {}),
    correlationId: String(e.metadata?.correlationId ?? ''),
    summary: summarise(e, names),
  };
}
