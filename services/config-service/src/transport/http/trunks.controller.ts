/** REST resources of trunks, their digest algorithms, lockout policy and assigned lists (same use cases as the NATS subjects). */
import { Controller, Delete, Get, Param, Patch, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { BearerAuthGuard } from './bearer-auth.guard';
import { AssignListBody, CreateTrunkBody, EmptyCommandBody, RenameBody, SetDigestAlgorithmsBody, SetLockoutPolicyBody } from './rest-bodies';
import { ApiAccountRoute, ApiRead, ApiWrite } from './rest-docs.decorators';
import { RestGateway } from './rest-gateway';
import { TrunkCreated, TrunkPage, TrunkView } from './rest-schemas';

type Out = Promise<unknown>;

@ApiTags('trunks')
@ApiAccountRoute()
@UseGuards(BearerAuthGuard)
@Controller('v1/accounts/:accountId/trunks')
export class TrunksController {
  constructor(private readonly rest: RestGateway) {}

  @Post()
  @ApiOperation({ summary: 'Create a trunk (its domain must be unused across all accounts)' })
  @ApiBody({ type: CreateTrunkBody })
  @ApiWrite(TrunkCreated)
  create(@Param('accountId') accountId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.create', { accountId }, { location: (d) => `/v1/accounts/${accountId}/trunks/${d.trunkId}` });
  }

  @Get()
  @ApiOperation({ summary: "A page of the account's trunks, in id order" })
  @ApiRead(TrunkPage, true)
  list(@Param('accountId') accountId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(req, res, 'trunk.list', { accountId }, { paged: true });
  }

  @Get(':trunkId')
  @ApiOperation({ summary: 'A trunk with its assigned lists, effective digest algorithm order and lockout policy' })
  @ApiRead(TrunkView)
  get(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(req, res, 'trunk.get', { accountId, trunkId }, { unwrap: 'trunk' });
  }

  @Patch(':trunkId')
  @ApiOperation({ summary: 'Rename a trunk' })
  @ApiBody({ type: RenameBody })
  @ApiWrite()
  rename(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.rename', { accountId, trunkId });
  }

  @Delete(':trunkId')
  @ApiOperation({ summary: 'Delete a trunk: its lists are detached and its domain released' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiWrite()
  delete(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.delete', { accountId, trunkId });
  }

  @Put(':trunkId/digest-algorithms')
  @ApiOperation({ summary: 'Set the offered digest algorithms, most preferred first' })
  @ApiBody({ type: SetDigestAlgorithmsBody })
  @ApiWrite()
  setDigestAlgorithms(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.set-digest-algorithms', { accountId, trunkId });
  }

  @Put(':trunkId/lockout-policy')
  @ApiOperation({ summary: "Set the trunk's brute-force lockout policy (a figure left out takes the default's; enabled false turns it off)" })
  @ApiBody({ type: SetLockoutPolicyBody })
  @ApiWrite()
  setLockoutPolicy(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.set-lockout-policy', { accountId, trunkId });
  }

  @Post(':trunkId/credential-lists')
  @ApiOperation({ summary: 'Assign a credential list (of the same account) to the trunk' })
  @ApiBody({ type: AssignListBody })
  @ApiWrite()
  assignCredentialList(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.assign', { accountId, trunkId, listKind: 'credentialList' });
  }

  @Delete(':trunkId/credential-lists/:listId')
  @ApiOperation({ summary: 'Unassign a credential list from the trunk' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiWrite()
  unassignCredentialList(
    @Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Param('listId') listId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.command(req, res, 'trunk.unassign', { accountId, trunkId, listKind: 'credentialList', listId });
  }

  @Post(':trunkId/ip-access-control-lists')
  @ApiOperation({ summary: 'Assign an IP access control list (of the same account) to the trunk' })
  @ApiBody({ type: AssignListBody })
  @ApiWrite()
  assignIpAcl(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'trunk.assign', { accountId, trunkId, listKind: 'ipAccessControlList' });
  }

  @Delete(':trunkId/ip-access-control-lists/:listId')
  @ApiOperation({ summary: 'Unassign an IP access control list from the trunk' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiWrite()
  unassignIpAcl(
    @Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Param('listId') listId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.command(req, res, 'trunk.unassign', { accountId, trunkId, listKind: 'ipAccessControlList', listId });
  }
}
