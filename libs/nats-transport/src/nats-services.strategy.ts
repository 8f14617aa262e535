/**
 * A Nest custom transport that serves `@MessagePattern` handlers as endpoints of one nats.js
 * micro-service (the NATS Services API): plain JSON in and out, no Nest envelope (`{pattern,data,id}`),
 * so any NATS client in any language can call; every endpoint in the service's queue group, so each
 * request is answered by one replica; and `$SRV.PING|INFO|STATS` answered for operators (`nats micro
 * ls`, `nc.services.client().info()`).
 */
import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { NatsConnection, Service, ServiceMsg } from 'nats';
import { lastValueFrom } from 'rxjs';
import { decodeJsonPayload, fail, isJsonObject } from '@sipauth/contracts';
import { NatsServicesContext } from './nats-services.context';

/** `@MessagePattern(pattern, EVERY_REPLICA)`: every replica receives the request (see `queue`). */
export const EVERY_REPLICA = { queue: 'every-replica' } as const;

/** A request body that is not a JSON object: answered VALIDATION_FAILED by the default `errorReply`. */
export class MalformedRequest extends Error {
  override readonly name = 'MalformedRequest';
}

export interface NatsServicesOptions {
  /** The service's own connection; the strategy never closes it (the service's lifecycle does). */
  connection: NatsConnection;
  /** Service name in `$SRV` discovery (letters, digits, `-`, `_`), e.g. `config-service`. */
  name: string;
  /** Semantic version reported by `$SRV.INFO`. */
  version: string;
  description?: string;
  /** Queue group of every endpoint (SPEC §6), unless a pattern asks for EVERY_REPLICA. */
  queue: string;
  /** First subject token(s) put before each pattern: a pattern `v1.config.x` is served on `<namespace>.v1.config.x`. */
  namespace?: string;
  /** Bytes → handler input; throws for a body it refuses. Default: a JSON object, else MalformedRequest. */
  decode?: (data: Uint8Array) => unknown;
  /** The reply for a body `decode` refused or a handler that threw. Default: VALIDATION_FAILED / INTERNAL. */
  errorReply?: (err: unknown) => unknown;
}

/** The default `decode`: a JSON object, or MalformedRequest naming what is wrong. */
export function decodeJsonObject(data: Uint8Array): Record<string, unknown> {
  const decoded = decodeJsonPayload(data);
  if (!decoded.ok) throw new MalformedRequest('request body is not valid JSON');
  if (!isJsonObject(decoded.value)) throw new MalformedRequest('request body must be a JSON object');
  return decoded.value;
}

function defaultErrorReply(err: unknown): unknown {
  if (err instanceof MalformedRequest) return fail('VALIDATION_FAILED', err.message, [{ field: '(body)', message: err.message }]);
  return fail('INTERNAL', 'internal error');
}

/** The endpoint name `$SRV.INFO` lists for a pattern: its tokens joined by `_` (names cannot hold dots). */
export const endpointName = (pattern: string): string => pattern.replace(/\./g, '_');

export class NatsServicesStrategy extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(NatsServicesStrategy.name);
  private service: Service | undefined;
  private readonly decode: (data: Uint8Array) => unknown;
  private readonly errorReply: (err: unknown) => unknown;

  constructor(private readonly options: NatsServicesOptions) {
    super();
    this.decode = options.decode ?? decodeJsonObject;
    this.errorReply = options.errorReply ?? defaultErrorReply;
  }

  /** Registers the service and one endpoint per `@MessagePattern`; calls back once the server has every subscription. */
  listen(callback: (err?: unknown) => void): void {
    this.start().then(() => callback(), (err: unknown) => callback(err));
  }

  private async start(): Promise<void> {
    const { connection: nc, name, version, description, queue, namespace } = this.options;
    const service = await nc.services.add({ name, version, description, queue });
    this.service = service;
    // nats.js stops the whole service when any of its subscriptions ends (e.g. a permissions
    // violation on a `$SRV` subject): every endpoint goes silent, so say so loudly.
    void service.stopped.then((err) => {
      if (err && this.service === service) this.log.error(`${name} stopped serving NATS: ${err.message}`);
    });
    for (const [pattern, handler] of this.getHandlers()) {
      if (handler.isEventHandler) throw new Error(`${name}: @EventPattern(${pattern}) is not served; use @MessagePattern`);
      const subject = namespace ? `${namespace}.${pattern}` : pattern;
      // Distinct queue names put each replica in a group of its own: all of them receive the request.
      const everyReplica = (handler.extras as { queue?: string } | undefined)?.queue === EVERY_REPLICA.queue;
      service.addEndpoint(endpointName(pattern), {
        subject,
        queue: everyReplica ? `${name}-${service.info().id}` : queue,
        handler: (err, msg) => {
          if (err) this.log.error(`${subject}: ${err.message}`);
          else void this.answer(subject, msg, handler);
        },
      });
    }
    await nc.flush(); // every subscription is on the server before the service reports ready
  }

  private async answer(subject: string, msg: ServiceMsg, handler: MessageHandler): Promise<void> {
    let reply: unknown;
    try {
      const body = this.decode(msg.data);
      const result = await handler(body, new NatsServicesContext([subject, msg]));
      reply = await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    } catch (err) {
      reply = this.errorReply(err);
    }
    // A handler that returns nothing does not answer (e.g. a standby left to the active replica).
    if (reply !== undefined && msg.reply) msg.respond(JSON.stringify(reply));
  }

  /** Drains every endpoint (requests already received are answered); the connection stays open. */
  async close(): Promise<void> {
    const service = this.service;
    this.service = undefined;
    if (service && !service.isStopped && !this.options.connection.isClosed()) await service.stop().catch(() => undefined);
  }

  /** No transport events are emitted. */
  on(): never {
    throw new Error('NatsServicesStrategy emits no events');
  }

  /** The nats.js Service (after listen). */
  unwrap<T>(): T {
    if (!this.service) throw new Error('NatsServicesStrategy is not listening');
    return this.service as T;
  }
}
