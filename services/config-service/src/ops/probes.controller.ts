/**
 * Kubernetes probes, with the body shape of every service (the worker's): liveness `{status:'ok'}`
 * says the process serves HTTP; readiness `{ready}` says it is connected to NATS now.
 */
import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { NatsConnection } from 'nats';
import { followNatsConnection } from '@sipauth/contracts';
import { NATS_CONNECTION } from '../config-service.tokens';

@ApiExcludeController()
@Controller()
export class ProbesController {
  private readonly natsConnected: () => boolean;

  constructor(@Inject(NATS_CONNECTION) nc: NatsConnection) {
    this.natsConnected = followNatsConnection(nc);
  }

  /** Liveness: the process answers. */
  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: connected to NATS now (the NATS endpoints and the event store need it). */
  @Get('readyz')
  readyz(@Res() res: Response): void {
    const ready = this.natsConnected();
    res.status(ready ? 200 : 503).json({ ready });
  }
}
