/** Use cases of IP access control lists and their addresses: DTO → domain command → handle. */
import { Inject, Injectable } from '@nestjs/common';
import { ID_PREFIXES } from '@sipauth/domain';
import type { EventStore } from '@sipauth/event-store';
import { EVENT_STORE } from '../config-service.tokens';
import type { AddIpAddressDto } from '../dto/add-ip-address.dto';
import type { CreateIpAclDto } from '../dto/create-ip-acl.dto';
import type { DeleteIpAclDto } from '../dto/delete-ip-acl.dto';
import type { RemoveIpAddressDto } from '../dto/remove-ip-address.dto';
import type { RenameIpAclDto } from '../dto/rename-ip-acl.dto';
import type { RenameIpAddressDto } from '../dto/rename-ip-address.dto';
import { run } from './aggregates';
import { newId, now, type CommandContext } from './command-context';
import { ListDeletion } from './list-deletion';

type Position = { position: string };

@Injectable()
export class IpAclsService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly deletion: ListDeletion) {}

  async create(dto: CreateIpAclDto, ctx: CommandContext): Promise<Position & { ipAccessControlListId: string }> {
    const ipAccessControlListId = newId(ID_PREFIXES.ipAccessControlList, ctx);
    const { position } = await run(this.store, 'ipAcl', {
      type: 'CreateIpAccessControlList', accountId: ctx.accountId, ipAccessControlListId, friendlyName: dto.friendlyName, now: now(),
    }, ctx);
    return { ipAccessControlListId, position };
  }

  async rename(dto: RenameIpAclDto, ctx: CommandContext): Promise<Position> {
    const { ipAccessControlListId, friendlyName } = dto;
    const { position } = await run(this.store, 'ipAcl', { type: 'RenameIpAccessControlList', accountId: ctx.accountId, ipAccessControlListId, friendlyName }, ctx);
    return { position };
  }

  delete(dto: DeleteIpAclDto, ctx: CommandContext): Promise<Position> {
    return this.deletion.deleteList('ipAccessControlList', dto.ipAccessControlListId, ctx);
  }

  async addIpAddress(dto: AddIpAddressDto, ctx: CommandContext): Promise<Position & { ipAddressId: string }> {
    const ipAddressId = newId(ID_PREFIXES.ipAddress, ctx);
    const { position } = await run(this.store, 'ipAcl', {
      type: 'AddIpAddress', accountId: ctx.accountId, ipAccessControlListId: dto.ipAccessControlListId, ipAddressId,
      friendlyName: dto.friendlyName, ipAddress: dto.ipAddress, cidrPrefixLength: dto.cidrPrefixLength ?? undefined, now: now(),
    }, ctx);
    return { ipAddressId, position };
  }

  async removeIpAddress(dto: RemoveIpAddressDto, ctx: CommandContext): Promise<Position> {
    const { ipAccessControlListId, ipAddressId } = dto;
    const { position } = await run(this.store, 'ipAcl', { type: 'RemoveIpAddress', accountId: ctx.accountId, ipAccessControlListId, ipAddressId }, ctx);
    return { position };
  }

  async renameIpAddress(dto: RenameIpAddressDto, ctx: CommandContext): Promise<Position> {
    const { ipAccessControlListId, ipAddressId, friendlyName } = dto;
    const { position } = await run(this.store, 'ipAcl', { type: 'RenameIpAddress', accountId: ctx.accountId, ipAccessControlListId, ipAddressId, friendlyName }, ctx);
    return { position };
  }
}
