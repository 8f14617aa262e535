/**
 * The one entry of every request, from NATS or REST: validate the body into its DTO, apply the
 * idempotency ledger to commands with a requestId, run the use case, and turn the outcome into the
 * contract's reply. Domain rejections become their error codes; anything unexpected is logged (name
 * and message only, never the request) and answered with a generic INTERNAL.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { fail, ok, type ConfigCommandName, type QueryName, type Reply } from '@sipauth/contracts';
import { DomainRejection } from '@sipauth/domain';
import { WrongExpectedRevision } from '@sipauth/event-store';
import { RequestLedger } from '../idempotency/request-ledger';
import { HistoryService } from '../history/history.service';
import { QueriesService } from '../queries/queries.service';
import { requireObject, validateRequest } from '../validation/validate-request';
import { commandContext, type CommandContext, type RequestOrigin } from './command-context';
import { commandLogLine } from './command-log';
import { CredentialListsService } from './credential-lists.service';
import { COMMAND_ENDPOINTS, QUERY_ENDPOINTS, type AnyEndpoint, type UseCases } from './endpoints';
import { IpAclsService } from './ip-acls.service';
import { TrunkAssignmentsService } from './trunk-assignments.service';
import { TrunksService } from './trunks.service';

export const REQUEST_LEDGER = Symbol('REQUEST_LEDGER');

@Injectable()
export class ConfigDispatcher {
  private readonly logger = new Logger(ConfigDispatcher.name);
  private readonly useCases: UseCases;

  constructor(
    credentialLists: CredentialListsService,
    ipAcls: IpAclsService,
    trunks: TrunksService,
    assignments: TrunkAssignmentsService,
    queries: QueriesService,
    history: HistoryService,
    @Inject(REQUEST_LEDGER) private readonly ledger: RequestLedger,
  ) {
    this.useCases = { credentialLists, ipAcls, trunks, assignments, queries, history };
  }

  /** `origin`: what the transport knows beyond the body (REST: the token's name and the request id). */
  async command(name: ConfigCommandName, body: unknown, origin: RequestOrigin = {}): Promise<Reply<unknown>> {
    const started = performance.now();
    let context: CommandContext | undefined;
    const reply = await this.guard(name, async () => {
      const endpoint: AnyEndpoint = COMMAND_ENDPOINTS[name];
      const dto = validateRequest(endpoint.dto, requireObject(body)) as { accountId: string; requestId?: string | null; actor?: string | null };
      // A null requestId is an absent one, never a key that every such request would share.
      const requestId = dto.requestId ?? undefined;
      context = commandContext(dto.accountId, { requestId, actor: dto.actor ?? undefined }, origin, name);
      const ctx = context;
      const execute = () => this.decide(() => this.runCommand(endpoint, dto, ctx));
      if (requestId === undefined) return execute();
      return this.ledger.once(RequestLedger.keyOf(dto.accountId, name, requestId), execute, this.ledger.fingerprint(requireObject(body)));
    });
    const line = commandLogLine(name, body, origin, context, reply, performance.now() - started);
    if (!reply.ok && reply.error.code === 'INTERNAL') this.logger.error(line);
    else this.logger.log(line);
    return reply;
  }

  async query(name: QueryName, body: unknown): Promise<Reply<unknown>> {
    return this.guard(name, async () => {
      const endpoint: AnyEndpoint = QUERY_ENDPOINTS[name];
      const dto = validateRequest(endpoint.dto, requireObject(body)) as { accountId: string };
      return ok(await endpoint.run(this.useCases, dto, commandContext(dto.accountId)));
    });
  }

  private async runCommand(endpoint: AnyEndpoint, dto: { accountId: string }, context: CommandContext): Promise<Reply<unknown>> {
    return ok(await endpoint.run(this.useCases, dto, context));
  }

  /**
   * The outcome of a decision: success or a domain rejection, which the ledger keeps for retries. Anything
   * else (a concurrency conflict that outlasted its retries, an outage) is thrown past the ledger, so a
   * retry with the same requestId runs again instead of replaying "retry the request" forever.
   */
  private async decide(work: () => Promise<Reply<unknown>>): Promise<Reply<unknown>> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof DomainRejection) return fail(err.code, err.message, err.details);
      throw err;
    }
  }

  private async guard(name: string, work: () => Promise<Reply<unknown>>): Promise<Reply<unknown>> {
    try {
      return await work();
    } catch (err) {
      return this.toReply(name, err);
    }
  }

  private toReply(name: string, err: unknown): Reply<never> {
    if (err instanceof DomainRejection) return fail(err.code, err.message, err.details);
    if (err instanceof WrongExpectedRevision) {
      return fail('CONFLICT', 'the resource was changed concurrently; retry the request');
    }
    const { name: kind, message } = err instanceof Error ? err : { name: typeof err, message: 'non-error thrown' };
    this.logger.error(`${name} failed unexpectedly: ${kind}: ${message}`);
    return fail('INTERNAL', 'internal error; the request may be retried');
  }
}
