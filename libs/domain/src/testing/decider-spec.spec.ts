import type { Decider } from '../decider';
import { Conflict, NotFound } from '../errors';
import { DeciderSpecification } from './decider-spec';

type Event = { type: 'Counted'; data: { by: number } };
type Command = { type: 'Count'; by: number };
const counter: Decider<number, Command, Event> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.by,
  decide: (command, total) => {
    if (command.by < 0) throw new Conflict('no going back', [{ field: 'by', message: `total is ${total}` }]);
    return command.by === 0 ? [] : [{ type: 'Counted', data: { by: command.by } }];
  },
};
const spec = DeciderSpecification.for(counter);
const counted = (by: number): Event => ({ type: 'Counted', data: { by } });

describe('DeciderSpecification', () => {
  it('passes when the command yields exactly the expected events', () =>
    spec.given([counted(1)]).when({ type: 'Count', by: 2 }).then([counted(2)]));

  it('fails when the events differ', () =>
    expect(() => spec.given([]).when({ type: 'Count', by: 2 }).then([counted(3)])).toThrow());

  it('passes thenNothing only for a no-op', () => {
    spec.given([]).when({ type: 'Count', by: 0 }).thenNothing();
    expect(() => spec.given([]).when({ type: 'Count', by: 1 }).thenNothing()).toThrow();
  });

  it('folds the given events before deciding', () =>
    spec.given([counted(2), counted(3)]).when({ type: 'Count', by: -1 }).thenRejects(Conflict, [{ field: 'by', message: 'total is 5' }]));

  it('matches a rejection by class or by code, and its details by pattern', () => {
    spec.given([]).when({ type: 'Count', by: -1 }).thenRejects('CONFLICT', [{ field: 'by', message: /total/ }]);
    expect(() => spec.given([]).when({ type: 'Count', by: -1 }).thenRejects(NotFound)).toThrow(/expected NotFound, got Conflict/);
    expect(() => spec.given([]).when({ type: 'Count', by: -1 }).thenRejects('NOT_FOUND')).toThrow(/NOT_FOUND/);
  });

  it('fails thenRejects when the details do not match or the command succeeds', () => {
    expect(() => spec.given([]).when({ type: 'Count', by: -1 }).thenRejects(Conflict, [{ field: 'other' }])).toThrow(/detail for other/);
    expect(() => spec.given([]).when({ type: 'Count', by: -1 }).thenRejects(Conflict, [])).toThrow(/0 detail/);
    expect(() => spec.given([]).when({ type: 'Count', by: 1 }).thenRejects(Conflict)).toThrow(/got events/);
  });
});
