/** REST resources of IP access control lists and their addresses (same use cases as the NATS subjects). */
import { Controller, Delete, Get, Param, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { BearerAuthGuard } from './bearer-auth.guard';
import { AddIpAddressBody, CreateIpAclBody, EmptyCommandBody, RenameBody } from './rest-bodies';
import { ApiAccountRoute, ApiRead, ApiWrite } from './rest-docs.decorators';
import { RestGateway } from './rest-gateway';
import { IpAclCreated, IpAclDetail, IpAclPage, IpAddressAdded, IpAddressPage, IpAddressView } from './rest-schemas';

type Out = Promise<unknown>;
const acls = (accountId: string) => `/v1/accounts/${accountId}/ip-access-control-lists`;

@ApiTags('IP access control lists')
@ApiAccountRoute()
@UseGuards(BearerAuthGuard)
@Controller('v1/accounts/:accountId/ip-access-control-lists')
export class IpAclsController {
  constructor(private readonly rest: RestGateway) {}

  @Post()
  @ApiOperation({ summary: 'Create an IP access control list' })
  @ApiBody({ type: CreateIpAclBody })
  @ApiWrite(IpAclCreated)
  create(@Param('accountId') accountId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'ip-acl.create', { accountId }, { location: (d) => `${acls(accountId)}/${d.ipAccessControlListId}` });
  }

  @Get()
  @ApiOperation({ summary: "A page of the account's IP access control lists, in id order" })
  @ApiRead(IpAclPage, true)
  list(@Param('accountId') accountId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(req, res, 'ip-acl.list', { accountId }, { paged: true });
  }

  @Get(':ipAccessControlListId')
  @ApiOperation({ summary: 'An IP access control list with its addresses' })
  @ApiRead(IpAclDetail)
  get(@Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(req, res, 'ip-acl.get', { accountId, ipAccessControlListId }, { unwrap: 'ipAccessControlList' });
  }

  @Patch(':ipAccessControlListId')
  @ApiOperation({ summary: 'Rename an IP access control list' })
  @ApiBody({ type: RenameBody })
  @ApiWrite()
  rename(@Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'ip-acl.rename', { accountId, ipAccessControlListId });
  }

  @Delete(':ipAccessControlListId')
  @ApiOperation({ summary: 'Delete an IP access control list (409 CONFLICT naming the trunks while it is assigned)' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiWrite()
  delete(@Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'ip-acl.delete', { accountId, ipAccessControlListId });
  }

  @Post(':ipAccessControlListId/ip-addresses')
  @ApiOperation({ summary: 'Add an IP address or range (normalised to its network)' })
  @ApiBody({ type: AddIpAddressBody })
  @ApiWrite(IpAddressAdded)
  addIpAddress(@Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'ip-address.add', { accountId, ipAccessControlListId }, { location: (d) => `${acls(accountId)}/${ipAccessControlListId}/ip-addresses/${d.ipAddressId}` });
  }

  @Get(':ipAccessControlListId/ip-addresses')
  @ApiOperation({ summary: 'A page of the addresses of an IP access control list, in id order' })
  @ApiRead(IpAddressPage, true)
  listIpAddresses(@Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(req, res, 'ip-address.list', { accountId, ipAccessControlListId }, { paged: true });
  }

  @Get(':ipAccessControlListId/ip-addresses/:ipAddressId')
  @ApiOperation({ summary: 'One IP address or range' })
  @ApiRead(IpAddressView)
  getIpAddress(
    @Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Param('ipAddressId') ipAddressId: string,
    @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.query(req, res, 'ip-address.get', { accountId, ipAccessControlListId, ipAddressId }, { unwrap: 'ipAddress' });
  }

  @Patch(':ipAccessControlListId/ip-addresses/:ipAddressId')
  @ApiOperation({ summary: "Change an IP address's friendly name (its range stays)" })
  @ApiBody({ type: RenameBody })
  @ApiWrite()
  renameIpAddress(
    @Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Param('ipAddressId') ipAddressId: string,
    @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.command(req, res, 'ip-address.rename', { accountId, ipAccessControlListId, ipAddressId });
  }

  @Delete(':ipAccessControlListId/ip-addresses/:ipAddressId')
  @ApiOperation({ summary: 'Remove an IP address' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiWrite()
  removeIpAddress(
    @Param('accountId') accountId: string, @Param('ipAccessControlListId') ipAccessControlListId: string, @Param('ipAddressId') ipAddressId: string,
    @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.command(req, res, 'ip-address.remove', { accountId, ipAccessControlListId, ipAddressId });
  }
}
