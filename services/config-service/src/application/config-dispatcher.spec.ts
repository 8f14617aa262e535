import 'reflect-metadata';
import type { KV } from 'nats';
import { NotFound } from '@sipauth/domain';
import { WrongExpectedRevision } from '@sipauth/event-store';
import { RequestLedger } from '../idempotency/request-ledger';
import type { HistoryService } from '../history/history.service';
import type { QueriesService } from '../queries/queries.service';
import { ConfigDispatcher } from './config-dispatcher';
import type { CredentialListsService } from './credential-lists.service';
import type { IpAclsService } from './ip-acls.service';
import type { TrunkAssignmentsService } from './trunk-assignments.service';
import type { TrunksService } from './trunks.service';

/** Just enough of a NATS KV bucket for the ledger: create-if-absent, get, put, update, delete. */
function memoryKv(): KV {
  const entries = new Map<string, { value: string; revision: number }>();
  let revision = 0;
  const entry = (key: string) => {
    const e = entries.get(key);
    return e && { key, revision: e.revision, operation: 'PUT', json: () => JSON.parse(e.value) };
  };
  return {
    async create(key: string, value: string) {
      if (entries.has(key)) throw new Error('wrong last sequence');
      entries.set(key, { value, revision: ++revision });
      return revision;
    },
    async get(key: string) { return entry(key) ?? null; },
    async put(key: string, value: string) { entries.set(key, { value, revision: ++revision }); return revision; },
    async update(key: string, value: string) { entries.set(key, { value, revision: ++revision }); return revision; },
    async delete(key: string) { entries.delete(key); },
  } as unknown as KV;
}

const TRUNK_ID = `TK${'0'.repeat(32)}`;

function dispatcherWith(rename: () => Promise<object>): ConfigDispatcher {
  const ledger = new (RequestLedger as unknown as new (kv: KV, fingerprintKey: Buffer) => RequestLedger)(memoryKv(), Buffer.alloc(32, 7));
  const trunks = { rename } as unknown as TrunksService;
  return new ConfigDispatcher(
    {} as CredentialListsService, {} as IpAclsService, trunks, {} as TrunkAssignmentsService, {} as QueriesService, {} as HistoryService, ledger,
  );
}

describe('ConfigDispatcher and the requestId ledger', () => {
  const body = { accountId: 'acme', trunkId: TRUNK_ID, friendlyName: 'x', requestId: 'r-1' };

  it('does not keep a concurrency conflict for retries: the retry runs the command again', async () => {
    const rename = jest.fn()
      .mockRejectedValueOnce(new WrongExpectedRevision(`trunk-${TRUNK_ID}`, 3, 4))
      .mockResolvedValueOnce({ position: '9' });
    const dispatcher = dispatcherWith(rename);
    expect(await dispatcher.command('trunk.rename', body)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await dispatcher.command('trunk.rename', body)).toEqual({ ok: true, data: { position: '9' } });
    expect(rename).toHaveBeenCalledTimes(2);
  });

  it('keeps a domain rejection and replays it without running the command again', async () => {
    const rename = jest.fn().mockRejectedValue(new NotFound('trunk not found', [{ field: 'trunkId', message: 'no such trunk' }]));
    const dispatcher = dispatcherWith(rename);
    const first = await dispatcher.command('trunk.rename', body);
    expect(first).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatcher.command('trunk.rename', body)).toEqual(first);
    expect(rename).toHaveBeenCalledTimes(1);
  });

  it('treats a null requestId as none: each request runs', async () => {
    const rename = jest.fn().mockResolvedValue({ position: '1' });
    const dispatcher = dispatcherWith(rename);
    await dispatcher.command('trunk.rename', { ...body, requestId: null });
    await dispatcher.command('trunk.rename', { ...body, requestId: null });
    expect(rename).toHaveBeenCalledTimes(2);
    expect(rename.mock.calls[0][1]).toMatchObject({ correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });
});
