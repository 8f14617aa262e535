import { Conflict, ValidationFailed } from '../errors';
import { DeciderSpecification } from '../testing';
import type { TrunkDomainCommand } from './trunk-domain.commands';
import { trunkDomainDecider } from './trunk-domain.decider';
import type { TrunkDomainEvent } from './trunk-domain.events';

const spec = DeciderSpecification.for(trunkDomainDecider);
const domainName = 'acme.pstn.example.net';
const trunkId = 'TK' + '1'.repeat(32);
const otherTrunkId = 'TK' + '2'.repeat(32);

const reserve = (trunk = trunkId, accountId = 'acme'): TrunkDomainCommand => ({ type: 'ReserveTrunkDomain', accountId, domainName, trunkId: trunk });
const release = (trunk = trunkId, accountId = 'acme'): TrunkDomainCommand => ({ type: 'ReleaseTrunkDomain', accountId, domainName, trunkId: trunk });
const reserved = (trunk = trunkId, accountId = 'acme'): TrunkDomainEvent => ({ type: 'TrunkDomainReserved', data: { domainName, trunkId: trunk, accountId } });
const released = (trunk = trunkId): TrunkDomainEvent => ({ type: 'TrunkDomainReleased', data: { domainName, trunkId: trunk } });

describe('ReserveTrunkDomain', () => {
  it('reserves a domain never reserved before', () => spec.given([]).when(reserve()).then([reserved()]));

  it('reserves the domain in its normalised form', () =>
    spec.given([]).when({ ...reserve(), domainName: 'ACME.pstn.example.net.' }).then([reserved()]));

  it('reserves a released domain for another trunk of another account', () =>
    spec.given([reserved(), released()]).when(reserve(otherTrunkId, 'globex')).then([reserved(otherTrunkId, 'globex')]));

  it('does nothing when the trunk already holds the domain', () => spec.given([reserved()]).when(reserve()).thenNothing());

  it('refuses a domain held by another trunk without naming its holder', () =>
    spec.given([reserved()]).when(reserve(otherTrunkId, 'globex')).thenRejects(Conflict, (details) => {
      expect(details).toEqual([{ field: 'domainName', message: 'is already taken by another trunk' }]);
    }));

  it('refuses an invalid domain', () =>
    spec.given([]).when({ ...reserve(), domainName: '-acme.example.net' }).thenRejects(ValidationFailed, [{ field: 'domainName' }]));
});

describe('ReleaseTrunkDomain', () => {
  it('releases the domain held by the trunk', () => spec.given([reserved()]).when(release()).then([released()]));
  it('does nothing when the domain was never reserved', () => spec.given([]).when(release()).thenNothing());
  it('does nothing when the domain is already released', () => spec.given([reserved(), released()]).when(release()).thenNothing());
  it('does nothing when another trunk holds the domain', () => spec.given([reserved()]).when(release(otherTrunkId)).thenNothing());
  it('does nothing when asked by another account for the same trunk id', () =>
    spec.given([reserved()]).when(release(trunkId, 'globex')).thenNothing());
});
