/** Test support for adapters: import from here in specs only, never from production code. */
export { describeEventStore } from './describe-event-store';
export type { EventStoreFixture } from './describe-event-store';
export { someEvents, take, strictlyIncreasing } from './event-fixtures';
