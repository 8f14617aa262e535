/**
 * Assigning lists to a trunk spans two aggregates. assign: check the trunk exists in the account →
 * attach on the list's stream (NOT_FOUND when the list is missing or another account's) → AssignList on
 * the trunk (detaching again if the trunk refuses). unassign: the trunk's side first, then the list's.
 */
import { Inject, Injectable } from '@nestjs/common';
import { NotFound } from '@sipauth/domain';
import type { EventStore } from '@sipauth/event-store';
import { EVENT_STORE } from '../config-service.tokens';
import type { AssignListDto } from '../dto/assign-list.dto';
import { load, run } from './aggregates';
import { laterPosition, type CommandContext } from './command-context';
import { attachList, detachList } from './list-attachment';

@Injectable()
export class TrunkAssignmentsService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async assign(dto: AssignListDto, ctx: CommandContext): Promise<{ position: string }> {
    const { trunkId, listKind, listId } = dto;
    const trunk = await load(this.store, 'trunk', trunkId);
    if (trunk.status !== 'Active' || trunk.accountId !== ctx.accountId) {
      throw new NotFound(`trunk ${trunkId} not found`, [{ field: 'trunkId', message: 'no such trunk' }]);
    }
    const attached = await attachList(this.store, listKind, listId, trunkId, ctx).catch((err: unknown) => {
      if (err instanceof NotFound) throw new NotFound(`list ${listId} not found`, [{ field: 'listId', message: `no such ${listKind}` }]);
      throw err;
    });
    try {
      const assigned = await run(this.store, 'trunk', { type: 'AssignList', accountId: ctx.accountId, trunkId, listKind, listId }, ctx);
      return { position: laterPosition(attached.position, assigned.position) };
    } catch (err) {
      if (attached.events.length > 0) await detachList(this.store, listKind, listId, trunkId, ctx);
      throw err;
    }
  }

  async unassign(dto: AssignListDto, ctx: CommandContext): Promise<{ position: string }> {
    const { trunkId, listKind, listId } = dto;
    let unassigned;
    try {
      unassigned = await run(this.store, 'trunk', { type: 'UnassignList', accountId: ctx.accountId, trunkId, listKind, listId }, ctx);
    } catch (err) {
      // A half-done assignment may have left the list attached: repair it, then report the trunk's answer.
      if (err instanceof NotFound && err.details.some((d) => d.field === 'listId')) {
        await detachList(this.store, listKind, listId, trunkId, ctx).catch(() => undefined);
      }
      throw err;
    }
    const detached = await detachList(this.store, listKind, listId, trunkId, ctx).catch((err: unknown) => {
      if (err instanceof NotFound) return undefined;
      throw err;
    });
    return { position: detached ? laterPosition(unassigned.position, detached.position) : unassigned.position };
  }
}
