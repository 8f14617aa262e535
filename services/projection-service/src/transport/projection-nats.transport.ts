/**
 * projection-service's NATS side: its controllers served as the `projection-service` micro-service
 * of the NATS Services API (libs/nats-transport), so operators find it with `$SRV` discovery.
 */
import { join } from 'node:path';
import type { NatsConnection } from 'nats';
import { SERVICE_NAMES } from '@sipauth/contracts';
import { NatsServicesStrategy, packageVersion } from '@sipauth/nats-transport';

export function projectionNatsTransport(nc: NatsConnection, namespace: string): NatsServicesStrategy {
  return new NatsServicesStrategy({
    connection: nc,
    name: SERVICE_NAMES.projection,
    version: packageVersion(join(__dirname, '..', '..')),
    description: 'sipauth read-model projection: rebuild',
    // Unused by its one endpoint (every replica hears a rebuild); named for any endpoint added later.
    queue: SERVICE_NAMES.projection,
    namespace,
  });
}
