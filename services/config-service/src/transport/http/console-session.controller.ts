/**
 * Two small reads the console needs and the resource API does not offer: who the presented token is
 * (its name and the accounts it covers, for the account picker) and how far the workers have got (the
 * position `auth.status` reports, which a caller compares with a write's `Sipauth-Position` to know
 * when every worker decides with the change, SPEC §6).
 */
import { Controller, Get, HttpException, Inject, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { fail } from '@sipauth/contracts';
import type { ConfigServiceSettings } from '../../config-service.settings';
import { SERVICE_SETTINGS } from '../../config-service.tokens';
import { checkToken } from './api-tokens';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { ApiWorker } from './rest-docs.decorators';
import { ProblemBody } from './rest-schemas';
import { WorkerGateway } from './worker-gateway';

/** The presented token as the console sees it; never the token itself. */
export class TokenIdentity {
  @ApiProperty({ description: 'The name of the token (what the history shows as the actor).', example: 'ops' })
  name!: string;

  @ApiProperty({ description: 'Whether the token covers every account (`*`).' })
  allAccounts!: boolean;

  @ApiProperty({ type: [String], description: 'The accounts the token covers (empty when allAccounts).', example: ['AC1'] })
  accounts!: string[];
}

/** Where the sip-auth-workers are in the event store. */
export class WorkerStatus {
  @ApiProperty({ description: 'Whether the answering worker has loaded the read models.' })
  ready!: boolean;

  @ApiProperty({ description: 'Position of the last event the workers have applied (decimal string).', example: '42' })
  position!: string;
}

const unauthorized = { status: 401, description: 'UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details)', content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemBody) } } } };

@ApiTags('console')
@ApiBearerAuth()
@ApiExtraModels(ProblemBody)
@Controller('v1')
export class ConsoleSessionController {
  constructor(
    @Inject(SERVICE_SETTINGS) private readonly settings: ConfigServiceSettings,
    private readonly workerGateway: WorkerGateway,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'The presented token: its name and the accounts it may act on' })
  @ApiOkResponse({ type: TokenIdentity })
  @ApiResponse(unauthorized)
  me(@Req() req: Request): TokenIdentity {
    const name = this.tokenName(req);
    const entry = this.settings.apiTokens.entries.find((e) => e.name === name);
    const all = entry?.accounts === '*';
    return { name, allAccounts: all, accounts: all || !entry ? [] : [...(entry.accounts as ReadonlySet<string>)].sort() };
  }

  @Get('workers/status')
  @ApiOperation({ summary: "The event-store position the sip-auth-workers have applied (compare with a write's Sipauth-Position)" })
  @ApiWorker(WorkerStatus)
  @ApiResponse(unauthorized)
  async workers(@Req() req: Request): Promise<WorkerStatus> {
    this.tokenName(req);
    const status = await this.workerGateway.ask('status', {});
    return { ready: status.ready === true, position: String(status.position) };
  }

  /** The token's name, or 401 for a missing or unknown token (the token is never echoed). */
  private tokenName(req: Request): string {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
    const outcome = checkToken(this.settings.apiTokens, match?.[1], '');
    if (outcome.verdict === 'unknown-token') {
      throw new HttpException(fail('UNAUTHORIZED', 'a valid bearer token is required (Authorization: Bearer <token>)'), 401);
    }
    return outcome.name;
  }
}
