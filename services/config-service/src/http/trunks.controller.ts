/** REST resources of trunks, their digest algorithms and their assigned lists (same use cases as the NATS subjects). */
import { Controller, Delete, Get, Param, Patch, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Reply } from '@sipauth/contracts';
import { BearerAuthGuard } from './bearer-auth.guard';
import { AssignListBody, CreateTrunkBody, EmptyCommandBody, RenameBody, SetDigestAlgorithmsBody } from './rest-bodies';
import { ApiAccountRoute, ApiCommand } from './rest-docs.decorators';
import { RestGateway } from './rest-gateway';

type Out = Promise<Reply<unknown>>;

@ApiTags('trunks')
@ApiAccountRoute()
@UseGuards(BearerAuthGuard)
@Controller('v1/accounts/:accountId/trunks')
export class TrunksController {
  constructor(private readonly rest: RestGateway) {}

  @Post()
  @ApiOperation({ summary: 'Create a trunk (its domain must be unused across all accounts)' })
  @ApiBody({ type: CreateTrunkBody })
  @ApiCommand(201, 'Created: data has trunkId.')
  create(@Param('accountId') accountId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.create', { accountId }, 201);
  }

  @Get()
  @ApiOperation({ summary: "List the account's trunks" })
  @ApiResponse({ status: 200, description: 'data: {trunks, position}' })
  list(@Param('accountId') accountId: string, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(res, 'trunk.list', { accountId });
  }

  @Get(':trunkId')
  @ApiOperation({ summary: 'Get a trunk with its assigned lists and digest algorithms' })
  @ApiResponse({ status: 200, description: 'data: {trunk, position}' })
  get(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(res, 'trunk.get', { accountId, trunkId });
  }

  @Patch(':trunkId')
  @ApiOperation({ summary: 'Rename a trunk' })
  @ApiBody({ type: RenameBody })
  @ApiCommand(200, 'Renamed.')
  rename(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.rename', { accountId, trunkId });
  }

  @Delete(':trunkId')
  @ApiOperation({ summary: 'Delete a trunk: its lists are detached and its domain released' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiCommand(200, 'Deleted.')
  delete(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.delete', { accountId, trunkId });
  }

  @Put(':trunkId/digest-algorithms')
  @ApiOperation({ summary: 'Set the offered digest algorithms, most preferred first' })
  @ApiBody({ type: SetDigestAlgorithmsBody })
  @ApiCommand(200, 'Set.')
  setDigestAlgorithms(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.set-digest-algorithms', { accountId, trunkId });
  }

  @Post(':trunkId/credential-lists')
  @ApiOperation({ summary: 'Assign a credential list (of the same account) to the trunk' })
  @ApiBody({ type: AssignListBody })
  @ApiCommand(200, 'Assigned (or already assigned).')
  assignCredentialList(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.assign', { accountId, trunkId, listKind: 'credentialList' });
  }

  @Delete(':trunkId/credential-lists/:listId')
  @ApiOperation({ summary: 'Unassign a credential list from the trunk' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiCommand(200, 'Unassigned.')
  unassignCredentialList(
    @Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Param('listId') listId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.command(req, res, 'trunk.unassign', { accountId, trunkId, listKind: 'credentialList', listId });
  }

  @Post(':trunkId/ip-access-control-lists')
  @ApiOperation({ summary: 'Assign an IP access control list (of the same account) to the trunk' })
  @ApiBody({ type: AssignListBody })
  @ApiCommand(200, 'Assigned (or already assigned).')
  assignIpAcl(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.assign', { accountId, trunkId, listKind: 'ipAccessControlList' });
  }

  @Delete(':trunkId/ip-access-control-lists/:listId')
  @ApiOperation({ summary: 'Unassign an IP access control list from the trunk' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiCommand(200, 'Unassigned.')
  unassignIpAcl(
    @Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Param('listId') listId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.command(req, res, 'trunk.unassign', { accountId, trunkId, listKind: 'ipAccessControlList', listId });
  }
}
