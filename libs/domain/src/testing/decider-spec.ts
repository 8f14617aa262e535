/**
 * Given / when / then for deciders (emmett style), framework-neutral (node:assert), so it runs in jest
 * or anywhere else:
 *
 *   DeciderSpecification.for(trunkDecider).given([created]).when(rename).then([renamed]);
 *   DeciderSpecification.for(trunkDecider).given([]).when(rename).thenRejects(NotFound);
 *   DeciderSpecification.for(trunkDecider).given([created]).when(sameName).thenNothing();
 */
import assert from 'node:assert/strict';
import type { Decider } from '../decider';
import { DomainRejection, type FieldProblem } from '../errors';

type RejectionClass = abstract new (...args: never[]) => DomainRejection;
type RejectionCode = DomainRejection['code'];

/** Each expected entry must match one actual detail (message by equality or pattern); counts must agree. */
export type DetailsMatcher = ReadonlyArray<{ field: string; message?: string | RegExp }> | ((details: FieldProblem[]) => void);

export interface DeciderThen<Event> {
  /** The command succeeds with exactly these events, in this order. */
  then(expected: Event[]): void;
  /** The command is refused with this rejection class or contract code (and, optionally, these details). */
  thenRejects(expected: RejectionClass | RejectionCode, details?: DetailsMatcher): void;
  /** The command succeeds and changes nothing (idempotent no-op). */
  thenNothing(): void;
}

export interface DeciderWhen<Command, Event> {
  when(command: Command): DeciderThen<Event>;
}

export interface DeciderGiven<Command, Event> {
  given(events: Event[]): DeciderWhen<Command, Event>;
}

export const DeciderSpecification = {
  for<State, Command, Event>(decider: Decider<State, Command, Event>): DeciderGiven<Command, Event> {
    return {
      given: (events) => ({
        when: (command) => {
          const run = (): Event[] => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            then: (expected) => assert.deepStrictEqual(run(), expected),
            thenNothing: () => assert.deepStrictEqual(run(), []),
            thenRejects: (expected, details) => assertRejects(run, expected, details),
          };
        },
      }),
    };
  },
};

function assertRejects(run: () => unknown, expected: RejectionClass | RejectionCode, details?: DetailsMatcher): void {
  let produced: unknown;
  try {
    produced = run();
  } catch (error) {
    if (!(error instanceof DomainRejection)) throw error;
    if (typeof expected === 'string') assert.equal(error.code, expected, `expected a ${expected} rejection, got ${error.code}: ${error.message}`);
    else assert.ok(error instanceof expected, `expected ${expected.name}, got ${error.name}: ${error.message}`);
    if (details) matchDetails(error.details, details);
    return;
  }
  assert.fail(`expected a ${typeof expected === 'string' ? expected : expected.name} rejection, got events ${JSON.stringify(produced)}`);
}

function matchDetails(actual: FieldProblem[], expected: DetailsMatcher): void {
  if (typeof expected === 'function') return expected(actual);
  const describe = `details ${JSON.stringify(actual)}`;
  assert.equal(actual.length, expected.length, `expected ${expected.length} detail(s), got ${describe}`);
  for (const want of expected) {
    const found = actual.some((got) => got.field === want.field && (
      want.message === undefined
      || (typeof want.message === 'string' ? got.message === want.message : want.message.test(got.message))
    ));
    assert.ok(found, `expected a detail for ${want.field}${want.message ? ` matching ${String(want.message)}` : ''} in ${describe}`);
  }
}
