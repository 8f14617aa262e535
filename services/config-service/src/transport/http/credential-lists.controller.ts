/** REST resources of credential lists and their credentials (same use cases as the NATS subjects). */
import { Controller, Delete, Get, Param, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { BearerAuthGuard } from './bearer-auth.guard';
import { AddCredentialBody, ChangePasswordBody, CreateCredentialListBody, EmptyCommandBody, ImportCredentialsBody, RenameBody } from './rest-bodies';
import { ApiAccountRoute, ApiRead, ApiWrite } from './rest-docs.decorators';
import { RestGateway } from './rest-gateway';
import { CredentialAdded, CredentialsImportedView, CredentialListCreated, CredentialListDetail, CredentialListPage, CredentialPage, CredentialView } from './rest-schemas';

type Out = Promise<unknown>;
const lists = (accountId: string) => `/v1/accounts/${accountId}/credential-lists`;

@ApiTags('credential lists')
@ApiAccountRoute()
@UseGuards(BearerAuthGuard)
@Controller('v1/accounts/:accountId/credential-lists')
export class CredentialListsController {
  constructor(private readonly rest: RestGateway) {}

  @Post()
  @ApiOperation({ summary: 'Create a credential list with its first credential' })
  @ApiBody({ type: CreateCredentialListBody })
  @ApiWrite(CredentialListCreated)
  create(@Param('accountId') accountId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'credential-list.create', { accountId }, { location: (d) => `${lists(accountId)}/${d.credentialListId}` });
  }

  @Get()
  @ApiOperation({ summary: "A page of the account's credential lists, in id order" })
  @ApiRead(CredentialListPage, true)
  list(@Param('accountId') accountId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(req, res, 'credential-list.list', { accountId }, { paged: true });
  }

  @Get(':credentialListId')
  @ApiOperation({ summary: 'A credential list with its credentials (usernames only, never secrets)' })
  @ApiRead(CredentialListDetail)
  get(@Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(req, res, 'credential-list.get', { accountId, credentialListId }, { unwrap: 'credentialList' });
  }

  @Patch(':credentialListId')
  @ApiOperation({ summary: 'Rename a credential list' })
  @ApiBody({ type: RenameBody })
  @ApiWrite()
  rename(@Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'credential-list.rename', { accountId, credentialListId });
  }

  @Delete(':credentialListId')
  @ApiOperation({ summary: 'Delete a credential list (409 CONFLICT naming the trunks while it is assigned)' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiWrite()
  delete(@Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'credential-list.delete', { accountId, credentialListId });
  }

  @Post(':credentialListId/credentials')
  @ApiOperation({ summary: 'Add a credential' })
  @ApiBody({ type: AddCredentialBody })
  @ApiWrite(CredentialAdded)
  addCredential(@Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'credential.add', { accountId, credentialListId }, { location: (d) => `${lists(accountId)}/${credentialListId}/credentials/${d.credentialId}` });
  }

  @Post(':credentialListId/credential-imports')
  @ApiOperation({
    summary: 'Import up to 1,000 credentials at once (password or MD5 HA1 per line), all or none',
    description: 'Every refused line is named in errors[] (`credentials[17].password`); nothing is written unless every line is accepted. '
      + '`realm` must be the service\'s digest realm. A line with an MD5 HA1 answers MD5 challenges only: set the order of every trunk using the list to ["MD5"]. '
      + 'Send each chunk with an Idempotency-Key (e.g. file hash + chunk number) so that a resent chunk writes nothing and answers the same ids.',
  })
  @ApiBody({ type: ImportCredentialsBody })
  @ApiWrite(undefined, CredentialsImportedView)
  importCredentials(@Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.command(req, res, 'credential.import', { accountId, credentialListId }, { answer: true });
  }

  @Get(':credentialListId/credentials')
  @ApiOperation({ summary: 'A page of the credentials of a list, in id order' })
  @ApiRead(CredentialPage, true)
  listCredentials(@Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Out {
    return this.rest.query(req, res, 'credential.list', { accountId, credentialListId }, { paged: true });
  }

  @Get(':credentialListId/credentials/:credentialId')
  @ApiOperation({ summary: 'One credential (its username, never a secret)' })
  @ApiRead(CredentialView)
  getCredential(
    @Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Param('credentialId') credentialId: string,
    @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.query(req, res, 'credential.get', { accountId, credentialListId, credentialId }, { unwrap: 'credential' });
  }

  @Patch(':credentialListId/credentials/:credentialId')
  @ApiOperation({ summary: "Change a credential's password (optionally keeping the previous one valid for a while)" })
  @ApiBody({ type: ChangePasswordBody })
  @ApiWrite()
  changePassword(
    @Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Param('credentialId') credentialId: string,
    @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.command(req, res, 'credential.change-password', { accountId, credentialListId, credentialId });
  }

  @Delete(':credentialListId/credentials/:credentialId')
  @ApiOperation({ summary: 'Remove a credential' })
  @ApiBody({ type: EmptyCommandBody, required: false })
  @ApiWrite()
  removeCredential(
    @Param('accountId') accountId: string, @Param('credentialListId') credentialListId: string, @Param('credentialId') credentialId: string,
    @Req() req: Request, @Res({ passthrough: true }) res: Response,
  ): Out {
    return this.rest.command(req, res, 'credential.remove', { accountId, credentialListId, credentialId });
  }
}
