/** Test helpers for deciders; kept out of the runtime API (other projects import libs/domain/src/testing). */
export * from './decider-spec';
