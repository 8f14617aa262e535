import { randomBytes } from 'node:crypto';
import { describeEventStore } from '../testing';
import { EventStoreDbEventStore } from './esdb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const SKIPPED = 'EventStoreDB contract suite skipped: set EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false to run it';

if (connectionString) {
  // EventStoreDB has no namespaces to delete: each test writes under a fresh prefix instead.
  describeEventStore('EventStoreDB', async () => {
    const store = EventStoreDbEventStore.connect({ namespace: `es${randomBytes(5).toString('hex')}`, connectionString });
    return { store, dispose: () => store.close() };
  });
} else {
  describe('EventStoreDB event store contract', () => {
    it.skip(SKIPPED, () => undefined);
    it('is skipped without EVENTSTORE_CONNECTION_STRING', () => {
      console.log(SKIPPED);
    });
  });
}
