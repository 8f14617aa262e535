import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { type NatsConnection } from 'nats';
import { connectNats, freshNamespace } from '../../../test/support/nats';
import { EVERY_REPLICA, NatsServicesContext, NatsServicesStrategy } from '../src';

/** Counts what one replica handled; `answers` false makes it a standby that stays silent. */
class Replica {
  handled = 0;
  everyReplica = 0;
  constructor(readonly id: string, readonly answers = true) {}
}

function testModule(replica: Replica) {
  @Controller()
  class EchoController {
    @MessagePattern('v1.echo')
    echo(@Payload() body: Record<string, unknown>, @Ctx() ctx: NatsServicesContext) {
      replica.handled++;
      return { ok: true, data: { ...body, subject: ctx.getSubject(), replica: replica.id } };
    }

    @MessagePattern('v1.slow')
    async slow(@Payload() body: { n: number }) {
      replica.handled++;
      return { ok: true, data: { n: body.n } };
    }

    @MessagePattern('v1.boom')
    boom(): never {
      throw new Error('handler bug');
    }

    @MessagePattern('v1.admin.only-active', EVERY_REPLICA)
    onlyActive() {
      replica.everyReplica++;
      return replica.answers ? { ok: true, data: { replica: replica.id } } : undefined;
    }
  }
  @Module({ controllers: [EchoController] })
  class EchoModule {}
  return EchoModule;
}

describe('NatsServicesStrategy (Nest @MessagePattern handlers as a nats.js micro-service)', () => {
  const namespace = freshNamespace('nt');
  const serviceName = `echo-${namespace}`;
  let nc: NatsConnection;
  const apps: Array<{ app: INestMicroservice; nc: NatsConnection; replica: Replica }> = [];

  async function start(replica: Replica) {
    const connection = await connectNats(`echo-${replica.id}`);
    const strategy = new NatsServicesStrategy({ connection, name: serviceName, version: '1.2.3', queue: 'echo-service', namespace });
    const app = await NestFactory.createMicroservice(testModule(replica), { strategy, logger: false });
    await app.listen();
    apps.push({ app, nc: connection, replica });
    return replica;
  }

  const ask = async (subject: string, body: string | object) => {
    const msg = await nc.request(`${namespace}.${subject}`, typeof body === 'string' ? body : JSON.stringify(body), { timeout: 5000 });
    return { text: msg.string(), json: () => msg.json<Record<string, unknown>>() };
  };

  beforeAll(async () => {
    nc = await connectNats('nats-transport-test');
    await start(new Replica('a'));
  });

  afterAll(async () => {
    for (const { app, nc: c } of apps) {
      await app.close();
      await c.close();
    }
    await nc?.close();
  });

  it('answers a request with the handler\'s own JSON, with no framework envelope', async () => {
    const reply = await ask('v1.echo', { accountId: 'acme' });
    expect(JSON.parse(reply.text)).toEqual({ ok: true, data: { accountId: 'acme', subject: `${namespace}.v1.echo`, replica: 'a' } });
  });

  it('awaits a handler that returns a promise', async () => {
    expect((await ask('v1.slow', { n: 7 })).json()).toEqual({ ok: true, data: { n: 7 } });
  });

  it.each([['malformed JSON', '{"accountId":'], ['an array', '[1]'], ['nothing', '']])('answers %s with VALIDATION_FAILED', async (_what, body) => {
    expect((await ask('v1.echo', body)).json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ field: '(body)' }] } });
  });

  it('answers a handler that throws with INTERNAL, without its message', async () => {
    expect((await ask('v1.boom', {})).json()).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
  });

  it('answers $SRV.PING, $SRV.INFO and $SRV.STATS with the service name, its endpoints and their queue group', async () => {
    const client = nc.services.client();
    const pings = [];
    for await (const p of await client.ping(serviceName)) pings.push(p);
    expect(pings.map((p) => p.name)).toEqual([serviceName]);

    const infos = [];
    for await (const i of await client.info(serviceName)) infos.push(i);
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatchObject({ name: serviceName, version: '1.2.3' });
    const echo = infos[0].endpoints.find((e) => e.subject === `${namespace}.v1.echo`);
    expect(echo).toMatchObject({ name: 'v1_echo', queue_group: 'echo-service' });

    const stats = [];
    for await (const s of await client.stats(serviceName)) stats.push(s);
    expect(stats[0].name).toBe(serviceName);
    expect(stats[0].endpoints?.find((e) => e.subject === `${namespace}.v1.echo`)?.num_requests).toBeGreaterThan(0);
  });

  describe('with a second replica', () => {
    let a: Replica;
    let b: Replica;
    beforeAll(async () => {
      a = apps[0].replica;
      b = await start(new Replica('b', false));
    });

    it('lets one replica of the queue group answer each request, and both take part', async () => {
      const before = a.handled + b.handled;
      const replies = await Promise.all(Array.from({ length: 40 }, (_, n) => ask('v1.slow', { n })));
      expect(replies.map((r) => (r.json().data as { n: number }).n)).toEqual(Array.from({ length: 40 }, (_, n) => n));
      // Whatever the server delivered before these round trips has reached the handlers.
      await Promise.all(apps.map(({ nc: c }) => c.flush()));
      expect(a.handled + b.handled - before).toBe(40);
      expect(a.handled).toBeGreaterThan(0);
      expect(b.handled).toBeGreaterThan(0);
    });

    it('delivers an EVERY_REPLICA pattern to every replica, so the one that may answer always hears it', async () => {
      for (let i = 0; i < 5; i++) expect((await ask('v1.admin.only-active', {})).json()).toEqual({ ok: true, data: { replica: 'a' } });
      await Promise.all(apps.map(({ nc: c }) => c.flush()));
      expect([a.everyReplica, b.everyReplica]).toEqual([5, 5]);
    });

    it('is listed once per replica by $SRV.PING', async () => {
      const ids = [];
      for await (const p of await nc.services.client().ping(serviceName)) ids.push(p.id);
      expect(new Set(ids).size).toBe(2);
    });
  });
});
