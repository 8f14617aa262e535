/**
 * Serves every command and query subject of SPEC §6 with plain JSON on the wire: the request is the
 * documented object, the reply `{ok, data | error}`, no framework envelope. A Nest-managed provider
 * that subscribes with the nats.js client directly in queue group `config-service`: Nest gives
 * structure and lifecycle, and the hot path pays for nothing else.
 */
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { CONFIG_COMMANDS, configSubject, fail, QUERIES, QUEUE_GROUPS, querySubject, type Reply } from '@sipauth/contracts';
import { DomainRejection } from '@sipauth/domain';
import { ConfigDispatcher } from '../application/config-dispatcher';
import type { ConfigServiceSettings } from '../config-service.settings';
import { NATS_CONNECTION, SERVICE_SETTINGS } from '../config-service.tokens';
import { parseJsonObject } from '../validation/validate-request';

@Injectable()
export class NatsEndpoints implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NatsEndpoints.name);
  private readonly subscriptions: Subscription[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_SETTINGS) private readonly settings: ConfigServiceSettings,
    private readonly dispatcher: ConfigDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const ns = this.settings.shared.namespace;
    for (const name of CONFIG_COMMANDS) this.serve(configSubject(ns, name), (body) => this.dispatcher.command(name, body));
    for (const name of QUERIES) this.serve(querySubject(ns, name), (body) => this.dispatcher.query(name, body));
    await this.nc.flush(); // subscriptions are registered on the server before bootstrap completes
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => (this.nc.isClosed() ? undefined : s.drain().catch(() => undefined))));
  }

  private serve(subject: string, dispatch: (body: Record<string, unknown>) => Promise<Reply<unknown>>): void {
    const subscription = this.nc.subscribe(subject, {
      queue: QUEUE_GROUPS.config,
      callback: (err, msg) => {
        if (err) {
          this.logger.error(`subscription ${subject} failed: ${err.message}`);
          return;
        }
        void this.answer(msg, dispatch);
      },
    });
    this.subscriptions.push(subscription);
  }

  private async answer(msg: Msg, dispatch: (body: Record<string, unknown>) => Promise<Reply<unknown>>): Promise<void> {
    let reply: Reply<unknown>;
    try {
      reply = await dispatch(parseJsonObject(msg.data));
    } catch (err) {
      reply = err instanceof DomainRejection ? fail(err.code, err.message, err.details) : fail('INTERNAL', 'internal error');
    }
    if (msg.reply) msg.respond(JSON.stringify(reply));
  }
}
