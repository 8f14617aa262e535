/**
 * Use cases of trunks, including the processes that span aggregates (libs/domain README):
 * create = reserve the domain, then create the trunk (releasing the reservation if creation is refused);
 * delete = TrunkDeleted, then detach every assigned list, then release the domain. A delete that stopped
 * before the release leaves the domain held by a deleted trunk: the next create of that domain releases it.
 * Likewise a create that stopped between the reservation and TrunkCreated leaves the domain held by a trunk
 * that never came to be: once that reservation is older than any create could take, the next create takes it over.
 */
import { Inject, Injectable } from '@nestjs/common';
import { effectiveLockoutPolicy } from '@sipauth/contracts';
import { Conflict, ID_PREFIXES, normaliseDomainName, NotFound, streams, type TrunkDeleted } from '@sipauth/domain';
import type { EventStore } from '@sipauth/event-store';
import { EVENT_STORE } from '../config-service.tokens';
import type { CreateTrunkDto } from '../dto/create-trunk.dto';
import type { DeleteTrunkDto } from '../dto/delete-trunk.dto';
import type { RenameTrunkDto } from '../dto/rename-trunk.dto';
import type { SetDigestAlgorithmsDto } from '../dto/set-digest-algorithms.dto';
import type { SetLockoutPolicyDto } from '../dto/set-lockout-policy.dto';
import { load, run } from './aggregates';
import { laterPosition, newId, now, type CommandContext } from './command-context';
import { detachList } from './list-attachment';

type Position = { position: string };

/** A create runs its two steps in milliseconds; a reservation this old whose trunk does not exist was abandoned. */
export const ABANDONED_RESERVATION_MS = 60_000;

@Injectable()
export class TrunksService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async create(dto: CreateTrunkDto, ctx: CommandContext): Promise<Position & { trunkId: string }> {
    const trunkId = newId(ID_PREFIXES.trunk, ctx);
    const domain = normaliseDomainName(dto.domainName);
    const domainName = domain.ok ? domain.value : dto.domainName;
    await this.reserveDomain(domainName, trunkId, ctx);
    try {
      const { position } = await run(this.store, 'trunk', {
        type: 'CreateTrunk', accountId: ctx.accountId, trunkId, friendlyName: dto.friendlyName, domainName, now: now(),
      }, ctx);
      return { trunkId, position };
    } catch (err) {
      await run(this.store, 'trunkDomain', { type: 'ReleaseTrunkDomain', accountId: ctx.accountId, domainName, trunkId }, ctx);
      throw err;
    }
  }

  private async reserveDomain(domainName: string, trunkId: string, ctx: CommandContext): Promise<void> {
    const reserve = () => run(this.store, 'trunkDomain', { type: 'ReserveTrunkDomain', accountId: ctx.accountId, domainName, trunkId }, ctx);
    try {
      await reserve();
    } catch (err) {
      if (!(err instanceof Conflict) || !(await this.releaseIfHolderDeleted(domainName, ctx))) throw err;
      await reserve();
    }
  }

  /**
   * Finishes the release of a deleted trunk's domain, or of a reservation abandoned before its trunk was
   * created (on the holder's account); false when a live trunk, or a create still under way, holds it.
   */
  private async releaseIfHolderDeleted(domainName: string, ctx: CommandContext): Promise<boolean> {
    const reservation = await load(this.store, 'trunkDomain', domainName);
    if (reservation.status !== 'Reserved') return false;
    const holder = await load(this.store, 'trunk', reservation.trunkId);
    const abandoned = holder.status === 'Empty' && (await this.reservationAgeMs(domainName)) > ABANDONED_RESERVATION_MS;
    if (holder.status !== 'Deleted' && !abandoned) return false;
    const { accountId, trunkId } = reservation;
    await run(this.store, 'trunkDomain', { type: 'ReleaseTrunkDomain', accountId, domainName, trunkId },
      // A repair on the holder's behalf, not this request's own effect: its events get ids of their own.
      { ...ctx, accountId, idempotencyKey: undefined });
    return true;
  }

  private async reservationAgeMs(domainName: string): Promise<number> {
    const history = await this.store.readStream(streams.trunkDomain(domainName));
    return Date.now() - Date.parse(history[history.length - 1].created);
  }

  async rename(dto: RenameTrunkDto, ctx: CommandContext): Promise<Position> {
    const { trunkId, friendlyName } = dto;
    const { position } = await run(this.store, 'trunk', { type: 'RenameTrunk', accountId: ctx.accountId, trunkId, friendlyName }, ctx);
    return { position };
  }

  async setDigestAlgorithms(dto: SetDigestAlgorithmsDto, ctx: CommandContext): Promise<Position> {
    const { trunkId, algorithms } = dto;
    const { position } = await run(this.store, 'trunk', { type: 'SetDigestAlgorithms', accountId: ctx.accountId, trunkId, algorithms }, ctx);
    return { position };
  }

  /** Figures the caller left out are filled in from the default here, so the event spells out the whole policy. */
  async setLockoutPolicy(dto: SetLockoutPolicyDto, ctx: CommandContext): Promise<Position> {
    const { trunkId } = dto;
    const policy = effectiveLockoutPolicy(dto);
    const { position } = await run(this.store, 'trunk', { type: 'SetLockoutPolicy', accountId: ctx.accountId, trunkId, ...policy }, ctx);
    return { position };
  }

  async delete(dto: DeleteTrunkDto, ctx: CommandContext): Promise<Position> {
    const { trunkId } = dto;
    const deleted = await run(this.store, 'trunk', { type: 'DeleteTrunk', accountId: ctx.accountId, trunkId }, ctx);
    const event = deleted.events.find((e) => e.type === 'TrunkDeleted') as unknown as TrunkDeleted | undefined;
    if (!event) throw new NotFound(`trunk ${trunkId} not found`, [{ field: 'trunkId', message: 'no such trunk' }]);
    let position = deleted.position;
    const { credentialListIds, ipAccessControlListIds, domainName } = event.data;
    const detachments = [
      ...credentialListIds.map((id) => ['credentialList', id] as const),
      ...ipAccessControlListIds.map((id) => ['ipAccessControlList', id] as const),
    ];
    for (const [kind, listId] of detachments) {
      const detached = await detachList(this.store, kind, listId, trunkId, ctx).catch((err: unknown) => {
        if (err instanceof NotFound) return undefined; // the list is gone: nothing to detach
        throw err;
      });
      if (detached) position = laterPosition(position, detached.position);
    }
    const released = await run(this.store, 'trunkDomain', { type: 'ReleaseTrunkDomain', accountId: ctx.accountId, domainName, trunkId }, ctx);
    return { position: laterPosition(position, released.position) };
  }
}
