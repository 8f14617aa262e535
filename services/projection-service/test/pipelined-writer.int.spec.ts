import { KvWatchInclude, type KV, type NatsConnection } from 'nats';
import { keys, POSITION_KEY } from '@sipauth/contracts';
import type { RecordedEvent } from '@sipauth/event-store';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { FencedOut, LeaseLost } from '../src/kv/kv-json';
import { ReadModelWriter } from '../src/kv/read-model-writer';
import { ACCOUNT, NOW, sealed, StreamWriter } from './recorded-events';

/**
 * The writer publishes an event's writes without waiting for the previous event's (issue 14). These
 * tests hold it to what one event at a time guaranteed: the same documents, per-key order, a
 * checkpoint never ahead of the documents, idempotent replays, and fencing.
 */
describe('the pipelined read-model writer on a real KV bucket', () => {
  const namespace = freshNamespace('pipew');
  let nc: NatsConnection;
  let bucketNumber = 0;

  beforeAll(async () => {
    nc = await connectNats('pipelined-writer-test');
  });
  afterAll(async () => {
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  const listId = (n: number) => `CL${n.toString(16).padStart(32, '0')}`;
  const credentialId = (list: number, n: number) => `CR${(list * 100_000 + n).toString(16).padStart(32, '0')}`;

  /**
   * Several lists' lives interleaved in one global order: created, credentials added one by one and
   * imported 250 at a time, passwords changed, credentials removed, renamed, a trunk assigned; one
   * list deleted at the end (its credential chunks with it).
   */
  function history(): RecordedEvent[] {
    const streams = [1, 2, 3].map((l) => {
      const w = new StreamWriter(`credentialList-${listId(l)}`);
      const id = listId(l);
      const events: Array<() => RecordedEvent> = [
        () => w.record('CredentialListCreated', { credentialListId: id, accountId: ACCOUNT, friendlyName: `List ${l}`, createdAt: NOW }),
      ];
      for (let c = 0; c < 30; c++) {
        events.push(() => w.record('CredentialAdded', { credentialListId: id, credentialId: credentialId(l, c), username: `l${l}u${c}`, realm: 'sipauth.test', ha1: sealed(`${l}-${c}`), createdAt: NOW }));
      }
      for (const from of [1_000, 1_250]) {
        const credentials = Array.from({ length: 250 }, (_, i) => ({ credentialId: credentialId(l, from + i), username: `l${l}i${from + i}`, ha1: sealed(`${l}-${from + i}`) }));
        events.push(() => w.record('CredentialsImported', { credentialListId: id, realm: 'sipauth.test', createdAt: NOW, credentials }));
      }
      for (let c = 0; c < 10; c++) {
        events.push(() => w.record('CredentialPasswordChanged', { credentialListId: id, credentialId: credentialId(l, c), realm: 'sipauth.test', ha1: sealed(`${l}-${c}-new`) }));
        events.push(() => w.record('CredentialPasswordChanged', { credentialListId: id, credentialId: credentialId(l, 1_000 + c), realm: 'sipauth.test', ha1: sealed(`${l}-${c}-imp-new`) }));
      }
      for (let c = 20; c < 25; c++) events.push(() => w.record('CredentialRemoved', { credentialListId: id, credentialId: credentialId(l, c) }));
      events.push(() => w.record('CredentialListRenamed', { credentialListId: id, friendlyName: `List ${l} renamed` }));
      events.push(() => w.record('TrunkAssigned', { trunkId: `TK${'5'.repeat(32)}`, listKind: 'credentialList', listId: id }));
      if (l === 3) events.push(() => w.record('CredentialListDeleted', { credentialListId: id }));
      return events;
    });
    // Round robin over the streams: the order the global position gives them.
    const out: RecordedEvent[] = [];
    for (let i = 0; streams.some((s) => i < s.length); i++) for (const s of streams) if (i < s.length) out.push(s[i]());
    return out;
  }

  async function bucket(): Promise<{ kv: KV; name: string }> {
    const name = `${namespace}_rm_${++bucketNumber}`;
    return { kv: await nc.jetstream().views.kv(name, { history: 1 }), name };
  }

  async function contents(kv: KV): Promise<Record<string, unknown>> {
    const found: string[] = [];
    for await (const key of await kv.keys()) found.push(key);
    const out: Record<string, unknown> = {};
    for (const key of found.sort()) {
      const entry = await kv.get(key);
      if (entry?.operation !== 'PUT') continue;
      const value = entry.json<Record<string, unknown>>();
      if (key === POSITION_KEY) delete value.updatedAt;
      out[key] = value;
    }
    return out;
  }

  /** The documents one event at a time gives (applyAndStore, awaited per event): what pipelining must end with. */
  async function writtenOneByOne(events: readonly RecordedEvent[]): Promise<{ kv: KV; name: string }> {
    const reference = await bucket();
    const oneByOne = await ReadModelWriter.open(reference.kv, reference.name);
    for (const event of events) await oneByOne.applyAndStore(event);
    await oneByOne.checkpoint();
    return reference;
  }

  /** Applies every event the way the apply loop does: no wait between events, a checkpoint asked for after each stored one. */
  async function pipelined(writer: ReadModelWriter, events: readonly RecordedEvent[], mayWrite?: () => boolean): Promise<string[]> {
    const stored: string[] = [];
    writer.listen({
      stored: (event) => {
        stored.push(event.position);
        writer.requestCheckpoint(mayWrite ?? (() => true));
      },
      failed: () => undefined,
    });
    try {
      for (const event of events) await writer.apply(event, mayWrite);
    } catch {
      // The failure is the writer's; the caller looks at `writer.failed`.
    }
    await writer.settle();
    return stored;
  }

  it('ends with exactly the documents of one event at a time, reports each event once and in order, and never checkpoints ahead of a document', async () => {
    const events = history();
    const reference = await writtenOneByOne(events);

    const target = await bucket();
    // Every message of the bucket, in the stream's order.
    const seen: Array<{ key: string; position?: string; revision?: number; operation: string }> = [];
    const watch = await target.kv.watch({ include: KvWatchInclude.UpdatesOnly });
    const watching = (async () => {
      for await (const e of watch) {
        const doc = e.operation === 'PUT' ? e.json<{ position?: string; revision?: number }>() : {};
        seen.push({ key: e.key, position: doc.position, revision: doc.revision, operation: e.operation });
        if (e.key === POSITION_KEY && doc.position === events[events.length - 1].position) break;
      }
    })();
    const writer = await ReadModelWriter.open(target.kv, target.name);
    const stored = await pipelined(writer, events);
    await writer.checkpoint();
    await watching;

    expect(writer.failed).toBeUndefined();
    expect(stored).toEqual(events.map((e) => e.position));
    expect(writer.position).toBe(events[events.length - 1].position);
    expect(await contents(target.kv)).toEqual(await contents(reference.kv));

    // Per key, the revisions written only grow; a checkpoint P is followed by no document of an event at or before P.
    const lastRevision = new Map<string, number>();
    let checkpoint = 0n;
    for (const m of seen) {
      if (m.key === POSITION_KEY) {
        expect(BigInt(m.position as string)).toBeGreaterThanOrEqual(checkpoint);
        checkpoint = BigInt(m.position as string);
        continue;
      }
      if (m.operation !== 'PUT') continue;
      expect(BigInt(m.position as string)).toBeGreaterThan(checkpoint);
      if (!m.key.startsWith('tombstone.')) {
        expect(m.revision as number).toBeGreaterThan(lastRevision.get(m.key) ?? -1);
        lastRevision.set(m.key, m.revision as number);
      }
    }
    expect(seen.filter((m) => m.key === POSITION_KEY).length).toBeGreaterThan(1);
  });

  it('cut short by a lost lease, is finished by a fresh writer from the checkpoint; a replay from zero then writes nothing', async () => {
    const events = history();
    const reference = await writtenOneByOne(events);

    const target = await bucket();
    const first = await ReadModelWriter.open(target.kv, target.name);
    let writes = 0;
    await pipelined(first, events, () => ++writes <= 150);
    expect(first.failed).toBeInstanceOf(LeaseLost);
    const stoppedAt = first.position as string;
    expect(BigInt(stoppedAt)).toBeLessThan(BigInt(events[events.length - 1].position));
    await expect(first.apply(events[0])).rejects.toBeInstanceOf(LeaseLost);

    const second = await ReadModelWriter.open(target.kv, target.name);
    const from = BigInt(second.position ?? '0');
    expect(from).toBeLessThanOrEqual(BigInt(stoppedAt));
    await pipelined(second, events.filter((e) => BigInt(e.position) > from));
    await second.checkpoint();
    expect(second.failed).toBeUndefined();
    expect(await contents(target.kv)).toEqual(await contents(reference.kv));

    // Everything once more from position zero (an older checkpoint): no document is written again.
    await target.kv.delete(POSITION_KEY);
    const status = async () => (await (await nc.jetstreamManager()).streams.info(`KV_${target.name}`)).state.last_seq;
    const before = await status();
    const third = await ReadModelWriter.open(target.kv, target.name);
    const accepted = [];
    for (const event of events) accepted.push(await third.apply(event));
    const operations = await Promise.all(accepted.map((x) => x.stored));
    expect(events.filter((_, i) => operations[i] !== 0).map((e) => e.type)).toEqual([]);
    expect(await status()).toBe(before);
  });

  it('brings the checkpoint to the last stored event by itself, however the requests fall while one is being written', async () => {
    const target = await bucket();
    const writer = await ReadModelWriter.open(target.kv, target.name);
    const asked = () => true;
    writer.listen({ stored: () => writer.requestCheckpoint(asked), failed: () => undefined });
    for (let round = 0; round < 25; round++) {
      const w = new StreamWriter(`credentialList-${listId(100 + round)}`);
      const id = listId(100 + round);
      const events = [
        w.record('CredentialListCreated', { credentialListId: id, accountId: ACCOUNT, friendlyName: 'Round', createdAt: NOW }),
        w.record('CredentialAdded', { credentialListId: id, credentialId: credentialId(100 + round, 1), username: 'alice', realm: 'sipauth.test', ha1: sealed('r'), createdAt: NOW }),
      ];
      for (const event of events) await writer.apply(event);
      await writer.settle();
      const last = events[1].position;
      let checkpoint: string | undefined;
      for (let i = 0; i < 200 && checkpoint !== last; i++) {
        checkpoint = (await target.kv.get(POSITION_KEY))?.json<{ position: string }>().position;
        if (checkpoint !== last) await new Promise((r) => setTimeout(r, 10));
      }
      expect(checkpoint).toBe(last);
    }
  });

  it('is fenced off by a write of another instance: it fails at that key, and its position and checkpoint stay before that event', async () => {
    const events = history();
    const target = await bucket();
    const writer = await ReadModelWriter.open(target.kv, target.name);
    const half = events.length / 2;
    await pipelined(writer, events.slice(0, half));
    await writer.checkpoint();
    const checkpointed = writer.position as string;

    // Another instance writes list 1's document behind this writer's back.
    const listKey = keys.credentialList(ACCOUNT, listId(1));
    await target.kv.put(listKey, JSON.stringify({ intruder: true }));
    const rest = events.slice(half);
    const firstOnList = rest.findIndex((e) => e.streamName === `credentialList-${listId(1)}`);
    await pipelined(writer, rest);

    expect(writer.failed).toBeInstanceOf(FencedOut);
    expect(BigInt(writer.position as string)).toBeLessThan(BigInt(rest[firstOnList].position));
    await expect(writer.checkpoint()).rejects.toBeInstanceOf(FencedOut);
    expect((await target.kv.get(listKey))?.json()).toEqual({ intruder: true });
    expect(BigInt((await target.kv.get(POSITION_KEY))!.json<{ position: string }>().position)).toBeLessThan(BigInt(rest[firstOnList].position));
    expect(BigInt(checkpointed)).toBeGreaterThan(0n);
  });

  it('coalesces the puts of a batch of events on one list into far fewer KV writes, and ends with the documents of one event at a time', async () => {
    const w = new StreamWriter(`credentialList-${listId(7)}`);
    const id = listId(7);
    const events = [w.record('CredentialListCreated', { credentialListId: id, accountId: ACCOUNT, friendlyName: 'Batch', createdAt: NOW })];
    for (let c = 0; c < 200; c++) {
      events.push(w.record('CredentialAdded', { credentialListId: id, credentialId: credentialId(7, c), username: `b${c}`, realm: 'sipauth.test', ha1: sealed(`7-${c}`), createdAt: NOW }));
    }
    for (let c = 0; c < 200; c += 2) events.push(w.record('CredentialPasswordChanged', { credentialListId: id, credentialId: credentialId(7, c), realm: 'sipauth.test', ha1: sealed(`7-${c}-new`) }));
    for (let c = 1; c < 200; c += 4) events.push(w.record('CredentialRemoved', { credentialListId: id, credentialId: credentialId(7, c) }));
    const reference = await writtenOneByOne(events);
    const messages = async (name: string) => (await (await nc.jetstreamManager()).streams.info(`KV_${name}`)).state.last_seq;

    const target = await bucket();
    // How many puts join one still waiting depends on the server's round trip against the writer's pace
    // (under load the acks may come back before the next event is issued: none joined, once in CI). The
    // real bucket's puts are held until the first 100 events are issued (accepted, their reads answered,
    // their writes handed out), so that round trip is long enough for every run; the reads, and every
    // write after the release, go through as they come.
    const held = holdingPuts(target.kv);
    const writer = await ReadModelWriter.open(held.kv, target.name);
    // Every event accepted without waiting, one checkpoint at the end (as in the reference), so that the
    // bucket's message counts compare document writes alone.
    const accepted = [];
    for (const [i, event] of events.entries()) {
      if (i === 100) await held.release(i);
      accepted.push(await writer.apply(event));
    }
    await Promise.all(accepted.map((x) => x.stored));
    await writer.checkpoint();
    expect(writer.failed).toBeUndefined();
    expect(writer.position).toBe(events[events.length - 1].position);
    expect(await contents(target.kv)).toEqual(await contents(reference.kv));
    // One at a time: a chunk and the list per event (~700 puts). Pipelined, puts that find one of their key
    // still waiting join it: while the puts were held, at least the list's puts of the first 100 events but two.
    expect(writer.coalescedPuts).toBeGreaterThanOrEqual(97);
    expect(await messages(target.name)).toBe((await messages(reference.name)) - writer.coalescedPuts);
  });

  it('writes each chunk of a list once for the events of an import accepted together, not once per event, with the documents of one event at a time', async () => {
    const w = new StreamWriter(`credentialList-${listId(8)}`);
    const id = listId(8);
    const created = w.record('CredentialListCreated', { credentialListId: id, accountId: ACCOUNT, friendlyName: 'Append', createdAt: NOW });
    // The events of one import's append (4 × 250), as the subscription hands them over: all at once.
    const imports = [0, 250, 500, 750].map((from) => w.record('CredentialsImported', {
      credentialListId: id, realm: 'sipauth.test', createdAt: NOW,
      credentials: Array.from({ length: 250 }, (_, i) => ({ credentialId: credentialId(8, from + i), username: `a${from + i}`, ha1: sealed(`8-${from + i}`) })),
    }));
    const reference = await writtenOneByOne([created, ...imports]);
    const messages = async (name: string) => (await (await nc.jetstreamManager()).streams.info(`KV_${name}`)).state.last_seq;

    const target = await bucket();
    const writer = await ReadModelWriter.open(target.kv, target.name);
    await writer.applyAndStore(created);
    const before = await messages(target.name);
    const accepted = [];
    for (const event of imports) accepted.push(await writer.apply(event));
    await Promise.all(accepted.map((x) => x.stored));
    // Every chunk and the list once: the puts of the later events joined the first event's.
    expect(await messages(target.name) - before).toBe(keys.credentialChunks(ACCOUNT, id).length + 1);
    expect(writer.coalescedPuts).toBe(3 * (keys.credentialChunks(ACCOUNT, id).length + 1));
    await writer.checkpoint();
    expect(writer.position).toBe(imports[3].position);
    expect(await contents(target.kv)).toEqual(await contents(reference.kv));
  });
});

/**
 * The real bucket, its puts held until `release(n)` (a round trip as long as the test needs); everything
 * else as is. `release(n)` first waits for every get made so far, then for the writer to issue the n
 * events accepted (it issues an event's writes once its reads are answered, one event per macrotask).
 */
function holdingPuts(kv: KV): { kv: KV; release(issuedEvents: number): Promise<void> } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const gets: Promise<unknown>[] = [];
  const put: KV['put'] = async (...args) => {
    await gate;
    return kv.put(...args);
  };
  const get: KV['get'] = (...args) => {
    const entry = kv.get(...args);
    gets.push(entry.catch(() => undefined));
    return entry;
  };
  const wrapped = new Proxy(kv, {
    get: (target, prop) => (prop === 'put' ? put : prop === 'get' ? get : Reflect.get(target, prop, target)),
  });
  const release = async (events: number) => {
    for (let seen = 0; seen < gets.length;) {
      seen = gets.length;
      await Promise.all(gets);
    }
    // The writer issues one event per macrotask: a turn for each, and as many again.
    for (let turn = 0; turn < 2 * events; turn++) await new Promise((resolve) => setImmediate(resolve));
    open();
  };
  return { kv: wrapped, release };
}
