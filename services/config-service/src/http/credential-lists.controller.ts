/** REST resources of credential lists and their credentials (same use cases as the NATS subjects). */
import { Controller, Delete, Get, Param, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Reply } from '@sipauth/contracts';
import { BearerAuthGuard } from './bearer-auth.guard';
import { AddCredentialBody, ChangePasswordBody, CreateCredentialListBody, EmptyCommandBody, RenameBody } from './rest-bodies';
import { ApiAccountRoute, ApiCommand } from './rest-docs.decorators';
import { RestGateway } from './rest-gateway';

type Out = Promise<Reply<unknown>>;

@ApiTags('credential lists')
@ApiAccountRoute()
@UseGuards(BearerAuthGuard)
@Controller('v1/accounts/:accountId/credential-lists')
export class CredentialListsController {
  constructor(private readonly rest: RestGateway) {}

  @Post()
  @ApiOperation({ summary: 'Create a credential list with its first credential' })
  @ApiBody({ type: CreateCredentialListBody })
  @ApiCommand(201, 'Created: data has credentialListId and credentialId.')
  create(@Param('accountId') accountId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'credential-list.create', { accountId }, 201);
  }

  @Get()
  @ApiOperation({ summary: "List the account's credential lists (from the read model; data.position tells its freshness)" })
  @ApiResponse({ status: 200, description: 'data: {credentialLists, position}' })
  list(@Param('accountId') accountId: string, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(res, 'credential-list.list', { accountId });
  }

  @Get(':credentialListId')
  @ApiOperation({ summary: 'Get a credential list with its credentials (usernames only, never secrets)' })
  @ApiResponse({ status: 200, description: 'data: {credentialList, position}' })
  get(@Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(res, 'credential-list.get', { accountId, credentialListId });
  }

  @Patch(':credentialListId')
  @ApiOperation({ summary: 'Rename a credential list' })
  @ApiBody({ type: RenameBody })
  @ApiCommand(200, 'Renamed (or already so named).')
  rename(@Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'credential-list.rename', { accountId, credentialListId });
  }

  @Delete(':credentialListId')
  @ApiOperation({ summary: 'Delete a credential list (409 CONFLICT naming the trunks while it is assigned)' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiCommand(200, 'Deleted.')
  delete(@Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'credential-list.delete', { accountId, credentialListId });
  }

  @Post(':credentialListId/credentials')
  @ApiOperation({ summary: 'Add a credential' })
  @ApiBody({ type: AddCredentialBody })
  @ApiCommand(201, 'Added: data has credentialId.')
  addCredential(@Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'credential.add', { accountId, credentialListId }, 201);
  }

  @Patch(':credentialListId/credentials/:credentialId')
  @ApiOperation({ summary: "Change a credential's password" })
  @ApiBody({ type: ChangePasswordBody })
  @ApiCommand(200, 'Changed.')
  changePassword(
    @Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Param('credentialId') credentialId: string,
    @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.command(req, res, 'credential.change-password', { accountId, credentialListId, credentialId });
  }

  @Delete(':credentialListId/credentials/:credentialId')
  @ApiOperation({ summary: 'Remove a credential' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiCommand(200, 'Removed.')
  removeCredential(
    @Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Param('credentialId') credentialId: string,
    @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.command(req, res, 'credential.remove', { accountId, credentialListId, credentialId });
  }
}
