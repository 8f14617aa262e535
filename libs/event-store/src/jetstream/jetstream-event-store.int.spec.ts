import type { NatsConnection } from 'nats';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../../test/support/nats';
import { describeEventStore } from '../testing';
import { JetStreamEventStore } from './jetstream-event-store';

/** Forces the client to drop its socket and waits until it is connected again. */
async function dropAndReconnect(nc: NatsConnection): Promise<void> {
  const status = nc.status();
  const reconnected = (async () => {
    for await (const s of status) if (s.type === 'reconnect') return;
  })();
  await nc.reconnect();
  await reconnected;
}

describeEventStore('JetStream', async () => {
  const nc = await connectNats('event-store-contract');
  const namespace = freshNamespace('es');
  const store = await JetStreamEventStore.connect(nc, { namespace });
  return {
    store,
    dropConnection: () => dropAndReconnect(nc),
    dispose: async () => {
      await store.close();
      await cleanupNamespace(nc, namespace);
      await nc.close();
    },
  };
});
