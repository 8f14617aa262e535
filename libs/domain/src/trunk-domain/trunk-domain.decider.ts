/**
 * The domain reservation (stream `trunkDomain-<domain>`): at most one trunk holds a domain at a time,
 * across all accounts. A trunk is created only after its domain is reserved for it.
 */
import type { UpcastingDecider } from '../decider';
import { upcastTrunkDomainEvent } from './trunk-domain.upcast';
import { Conflict } from '../errors';
import { normaliseDomainName, validationFailed } from '../rules';
import type { TrunkDomainCommand } from './trunk-domain.commands';
import type { TrunkDomainEvent } from './trunk-domain.events';

export type TrunkDomainState =
  | { status: 'Empty' }
  | { status: 'Reserved'; domainName: string; trunkId: string; accountId: string }
  | { status: 'Released'; domainName: string };

function validDomain(domainName: string): string {
  const domain = normaliseDomainName(domainName);
  if (domain.ok) return domain.value;
  throw validationFailed([domain.problem]);
}

function decide(command: TrunkDomainCommand, state: TrunkDomainState): TrunkDomainEvent[] {
  const domainName = validDomain(command.domainName);
  const { trunkId, accountId } = command;
  const heldByThisTrunk = state.status === 'Reserved' && state.trunkId === trunkId && state.accountId === accountId;
  switch (command.type) {
    case 'ReserveTrunkDomain':
      if (heldByThisTrunk) return [];
      if (state.status === 'Reserved') {
        // Never say who holds it: the holder may be another account.
        throw new Conflict(`domain ${domainName} is already taken`, [{ field: 'domainName', message: 'is already taken by another trunk' }]);
      }
      return [{ type: 'TrunkDomainReserved', data: { domainName, trunkId, accountId } }];
    case 'ReleaseTrunkDomain':
      if (!heldByThisTrunk) return [];
      return [{ type: 'TrunkDomainReleased', data: { domainName, trunkId } }];
  }
}

function evolve(state: TrunkDomainState, event: TrunkDomainEvent): TrunkDomainState {
  switch (event.type) {
    case 'TrunkDomainReserved':
      return { status: 'Reserved', ...event.data };
    case 'TrunkDomainReleased':
      return state.status === 'Reserved' && state.trunkId === event.data.trunkId
        ? { status: 'Released', domainName: event.data.domainName }
        : state;
    default:
      // Upcasting refuses unknown types before they get here; a fold never turns them into undefined.
      return state;
  }
}

/** Decider of the domain reservation (stream `trunkDomain-<domain>`). */
export const trunkDomainDecider: UpcastingDecider<TrunkDomainState, TrunkDomainCommand, TrunkDomainEvent> = {
  initialState: () => ({ status: 'Empty' }),
  evolve,
  decide,
  upcast: (stored) => upcastTrunkDomainEvent(stored.type, stored.data, stored.metadata?.schemaVersion),
};
