import { cleanupNamespace, connectNats, dropAndReconnect, freshNamespace } from '../../../../test/support/nats';
import { describeEventStore } from '../testing';
import { JetStreamEventStore } from './jetstream-event-store';

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
