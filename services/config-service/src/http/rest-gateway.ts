/**
 * REST → the same dispatcher as NATS. The request body and the path's ids become one request object;
 * an id given in both places is refused rather than silently chosen. `Idempotency-Key` maps to requestId.
 */
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { fail, HTTP_STATUS, type ConfigCommandName, type QueryName, type Reply } from '@sipauth/contracts';
import { ConfigDispatcher } from '../application/config-dispatcher';

@Injectable()
export class RestGateway {
  constructor(private readonly dispatcher: ConfigDispatcher) {}

  /** Runs a command; `fixed` holds the path's ids and any field the route implies (listKind). */
  async command(req: Request, res: Response, name: ConfigCommandName, fixed: Record<string, string>, successStatus = 200): Promise<Reply<unknown>> {
    const body = req.body === undefined ? {} : req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return send(res, fail('VALIDATION_FAILED', 'request body must be a JSON object', [{ field: '(body)', message: 'must be a JSON object' }]), successStatus);
    }
    const clashes = Object.keys(fixed).filter((k) => Object.prototype.hasOwnProperty.call(body, k));
    if (clashes.length > 0) {
      return send(res, fail('VALIDATION_FAILED', `invalid ${clashes.join(', ')}`, clashes.map((field) => ({ field, message: 'is given by the URL path and must not be in the body' }))), successStatus);
    }
    const request: Record<string, unknown> = { ...body, ...fixed };
    const key = req.header('idempotency-key');
    if (key !== undefined && request.requestId === undefined) request.requestId = key;
    return send(res, await this.dispatcher.command(name, request), successStatus);
  }

  async query(res: Response, name: QueryName, fixed: Record<string, string>): Promise<Reply<unknown>> {
    return send(res, await this.dispatcher.query(name, fixed), 200);
  }
}

function send(res: Response, reply: Reply<unknown>, successStatus: number): Reply<unknown> {
  res.status(reply.ok ? successStatus : HTTP_STATUS[reply.error.code]);
  return reply;
}
