/**
 * Two small reads the console needs and the resource API does not offer: who the presented token is
 * (its name and the accounts it covers, for the account picker) and how far the workers have got (the
 * position `auth.status` reports, which a caller compares with a write's `Sipauth-Position` to know
 * when every worker decides with the change, SPEC §6).
 */
import { Controller, Get, HttpException, Inject, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { NatsConnection } from 'nats';
import { authSubject, fail, type AuthStatus, type Reply } from '@sipauth/contracts';
import type { ConfigServiceSettings } from '../config-service.settings';
import { NATS_CONNECTION, SERVICE_SETTINGS } from '../config-service.tokens';
import { checkToken } from './api-tokens';

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

  @ApiPropertyOptional({ description: 'Set when no worker answered.' })
  detail?: string;
}

const STATUS_TIMEOUT_MS = 2_000;

@ApiTags('console')
@ApiBearerAuth()
@Controller('v1')
export class ConsoleSessionController {
  constructor(
    @Inject(SERVICE_SETTINGS) private readonly settings: ConfigServiceSettings,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'The presented token: its name and the accounts it may act on' })
  @ApiOkResponse({ type: TokenIdentity })
  @ApiResponse({ status: 401, description: 'Missing or unknown bearer token.' })
  me(@Req() req: Request): TokenIdentity {
    const name = this.tokenName(req);
    const entry = this.settings.apiTokens.entries.find((e) => e.name === name);
    const all = entry?.accounts === '*';
    return { name, allAccounts: all, accounts: all || !entry ? [] : [...(entry.accounts as ReadonlySet<string>)].sort() };
  }

  @Get('workers/status')
  @ApiOperation({ summary: 'The event-store position the sip-auth-workers have applied (compare with a write\'s Sipauth-Position)' })
  @ApiOkResponse({ type: WorkerStatus })
  @ApiResponse({ status: 401, description: 'Missing or unknown bearer token.' })
  @ApiResponse({ status: 503, description: 'No worker answered in time.' })
  async workers(@Req() req: Request): Promise<WorkerStatus> {
    this.tokenName(req);
    try {
      const msg = await this.nc.request(authSubject(this.settings.shared.namespace, 'status'), new Uint8Array(0), { timeout: STATUS_TIMEOUT_MS });
      const reply = JSON.parse(Buffer.from(msg.data).toString('utf8')) as Reply<AuthStatus>;
      if (!reply.ok) throw new Error(reply.error.message);
      return { ready: reply.data.ready, position: reply.data.position };
    } catch {
      throw new HttpException(fail('INTERNAL', 'no sip-auth-worker answered auth.status'), 503);
    }
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
