/** REST resources of IP access control lists and their addresses (same use cases as the NATS subjects). */
import { Controller, Delete, Get, Param, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Reply } from '@sipauth/contracts';
import { BearerAuthGuard } from './bearer-auth.guard';
import { AddIpAddressBody, CreateIpAclBody, EmptyCommandBody, RenameBody } from './rest-bodies';
import { ApiAccountRoute, ApiCommand } from './rest-docs.decorators';
import { RestGateway } from './rest-gateway';

type Out = Promise<Reply<unknown>>;

@ApiTags('IP access control lists')
@ApiAccountRoute()
@UseGuards(BearerAuthGuard)
@Controller('v1/accounts/:accountId/ip-access-control-lists')
export class IpAclsController {
  constructor(private readonly rest: RestGateway) {}

  @Post()
  @ApiOperation({ summary: 'Create an IP access control list' })
  @ApiBody({ type: CreateIpAclBody })
  @ApiCommand(201, 'Created: data has ipAccessControlListId.')
  create(@Param('accountId') accountId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'ip-acl.create', { accountId }, 201);
  }

  @Get()
  @ApiOperation({ summary: "List the account's IP access control lists" })
  @ApiResponse({ status: 200, description: 'data: {ipAccessControlLists, position}' })
  list(@Param('accountId') accountId: string, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(res, 'ip-acl.list', { accountId });
  }

  @Get(':ipAccessControlListId')
  @ApiOperation({ summary: 'Get an IP access control list with its addresses' })
  @ApiResponse({ status: 200, description: 'data: {ipAccessControlList, position}' })
  get(@Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(res, 'ip-acl.get', { accountId, ipAccessControlListId });
  }

  @Patch(':ipAccessControlListId')
  @ApiOperation({ summary: 'Rename an IP access control list' })
  @ApiBody({ type: RenameBody })
  @ApiCommand(200, 'Renamed.')
  rename(@Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'ip-acl.rename', { accountId, ipAccessControlListId });
  }

  @Delete(':ipAccessControlListId')
  @ApiOperation({ summary: 'Delete an IP access control list (409 CONFLICT naming the trunks while it is assigned)' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiCommand(200, 'Deleted.')
  delete(@Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'ip-acl.delete', { accountId, ipAccessControlListId });
  }

  @Post(':ipAccessControlListId/ip-addresses')
  @ApiOperation({ summary: 'Add an IP address or range (normalised to its network)' })
  @ApiBody({ type: AddIpAddressBody })
  @ApiCommand(201, 'Added: data has ipAddressId.')
  addIpAddress(@Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'ip-address.add', { accountId, ipAccessControlListId }, 201);
  }

  @Delete(':ipAccessControlListId/ip-addresses/:ipAddressId')
  @ApiOperation({ summary: 'Remove an IP address' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiCommand(200, 'Removed.')
  removeIpAddress(
    @Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Param('ipAddressId') ipAddressId: string,
    @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.command(req, res, 'ip-address.remove', { accountId, ipAccessControlListId, ipAddressId });
  }
}
