/**
 * Prometheus metrics of the config-service at GET /metrics on its HTTP port (the PodMonitor of
 * deploy/k8s scrapes it): Node's default metrics (heap against --max-old-space-size, GC, event-loop
 * lag) and whether the NATS connection is up. Not behind the bearer guard: the NetworkPolicy admits
 * only the metrics scraper's namespace and the ingress controller, which should not route /metrics.
 */
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { NatsConnection } from 'nats';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { NATS_CONNECTION } from '../config-service.tokens';

@ApiExcludeController()
@Controller()
export class MetricsController {
  private readonly registry = new Registry();

  constructor(@Inject(NATS_CONNECTION) nc: NatsConnection) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'sipauth_config_nats_connected',
      help: '1 while the NATS connection is open and not draining',
      registers: [this.registry],
      collect() { this.set(nc.isClosed() || nc.isDraining() ? 0 : 1); },
    });
  }

  @Get('metrics')
  async metrics(@Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.type(this.registry.contentType).send(await this.registry.metrics());
  }
}
