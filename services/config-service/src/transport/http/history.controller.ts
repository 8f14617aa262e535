/** REST face of `query.history`: `GET /v1/accounts/{accountId}/history?resourceId=&pageSize=&pageToken=`. */
import { Controller, Get, Param, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@sipauth/contracts';
import { BearerAuthGuard } from './bearer-auth.guard';
import { ApiAccountRoute } from './rest-docs.decorators';
import { RestGateway } from './rest-gateway';

const ID = { type: String, pattern: '^[A-Z]{2}[0-9a-f]{32}$' } as const;

export class HistoryEntryView {
  @ApiProperty({ type: String, pattern: '^\\d+$', description: 'Event store position; entries come newest first.' }) position!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the event store recorded it.' }) at!: string;
  @ApiProperty({ description: 'The event type, e.g. CredentialAdded.' }) type!: string;
  @ApiProperty({ ...ID, description: 'The credential list, IP ACL or trunk the event belongs to.' }) resourceId!: string;
  @ApiProperty({ description: 'Who asked: the bearer token\'s name, the NATS caller\'s actor (default `nats`), or `unknown` for events older than the trail.' }) actor!: string;
  @ApiPropertyOptional({ description: 'The Idempotency-Key / requestId the change was made with.' }) requestId?: string;
  @ApiProperty({ description: 'The X-Request-Id (or requestId, or a generated id) shared by every event of one request.' }) correlationId!: string;
  @ApiProperty({ description: 'What changed in words, never a password or hash, e.g. `Credential alice added`.' }) summary!: string;
}

export class HistoryPage {
  @ApiProperty({ type: [HistoryEntryView] }) events!: HistoryEntryView[];
  @ApiPropertyOptional({ description: 'The token of the next page (also in the Link header); absent when the trail is complete. A page may be shorter than pageSize and still have one.' })
  nextPageToken?: string;
}

@ApiTags('history')
@ApiAccountRoute()
@UseGuards(BearerAuthGuard)
@Controller('v1/accounts/:accountId/history')
export class HistoryController {
  constructor(private readonly rest: RestGateway) {}

  @Get()
  @ApiOperation({ summary: "The audit trail of the account, or of one resource: who changed what and when, newest first (read from the event store)" })
  @ApiResponse({ status: 200, description: 'OK.', type: HistoryPage, headers: { Link: { description: '`<…?pageToken=…>; rel="next"` while there is a next page.', schema: { type: 'string' } } } })
  @ApiQuery({ name: 'resourceId', required: false, schema: { type: 'string', pattern: ID.pattern }, description: 'A credential list, IP ACL, trunk, credential or IP address id: only its events.' })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } })
  @ApiQuery({ name: 'pageToken', required: false, schema: { type: 'string' }, description: "The previous page's nextPageToken: the walk goes on strictly before where that page ended." })
  history(@Param('accountId') accountId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    return this.rest.query(req, res, 'history', { accountId }, { paged: true });
  }
}
