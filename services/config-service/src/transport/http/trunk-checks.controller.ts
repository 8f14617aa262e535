/**
 * What the sip-auth-workers answer about a trunk (SPEC §5.1, §5.3): a test call through the real
 * decision engine (`auth.explain` for the trunk's domain) and the trunk's active lockouts. The trunk is
 * looked up in the account first, so a token only ever tests or clears its own account's trunks.
 */
import { Controller, Delete, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ConfigDispatcher } from '../../application/config-dispatcher';
import { BearerAuthGuard } from './bearer-auth.guard';
import { problem, ProblemException } from './problem';
import { TestCallBody } from './rest-bodies';
import { ApiAccountRoute, ApiJsonBody, ApiRateLimited, ApiWorker } from './rest-docs.decorators';
import { unwrapOrThrow } from './rest-gateway';
import { LockoutList, LockoutsCleared, TestCallResult } from './rest-schemas';
import { WorkerGateway } from './worker-gateway';

@ApiTags('trunks')
@ApiAccountRoute()
@UseGuards(BearerAuthGuard)
@Controller('v1/accounts/:accountId/trunks/:trunkId')
export class TrunkChecksController {
  constructor(private readonly workers: WorkerGateway, private readonly dispatcher: ConfigDispatcher) {}

  @Post('test-call')
  @ApiOperation({ summary: 'Test a call: each step of the decision for this trunk, a source IP and optionally a username and password (no nonce claimed, no failure counted)' })
  @ApiBody({ type: TestCallBody })
  @ApiWorker(TestCallResult)
  @ApiRateLimited()
  @ApiJsonBody()
  async testCall(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const body = req.body === undefined ? {} : req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ProblemException(problem('VALIDATION_FAILED', 'request body must be a JSON object', [{ field: '(body)', message: 'must be a JSON object' }]));
    }
    if (Object.prototype.hasOwnProperty.call(body, 'domain')) {
      throw new ProblemException(problem('VALIDATION_FAILED', 'invalid domain', [{ field: 'domain', message: "is the trunk's and must not be in the body" }]));
    }
    const { trunk } = unwrapOrThrow(await this.dispatcher.query('trunk.get', { accountId, trunkId })) as { trunk: { domainName: string } };
    res.status(200);
    return this.workers.ask('explain', { ...body, domain: trunk.domainName });
  }

  @Get('lockouts')
  @ApiOperation({ summary: "The trunk's locked-out source IPs with their expiry" })
  @ApiWorker(LockoutList)
  lockouts(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string): Promise<unknown> {
    return this.workers.ask('lockouts.list', { accountId, trunkId });
  }

  @Delete('lockouts')
  @ApiOperation({ summary: 'End every lockout of the trunk (and reset the failure counts)' })
  @ApiWorker(LockoutsCleared)
  clearAll(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string): Promise<unknown> {
    return this.workers.ask('lockouts.clear', { accountId, trunkId });
  }

  @Delete('lockouts/:sourceIp')
  @ApiOperation({ summary: 'End the lockout of one source IP on the trunk' })
  @ApiWorker(LockoutsCleared)
  clearOne(@Param('accountId') accountId: string, @Param('trunkId') trunkId: string, @Param('sourceIp') sourceIp: string): Promise<unknown> {
    return this.workers.ask('lockouts.clear', { accountId, trunkId, sourceIp });
  }
}
