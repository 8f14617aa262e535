/**
 * config-service's NATS side: the command and query controllers served as the `config-service`
 * micro-service of the NATS Services API, in queue group `config-service` (SPEC §6). The body is
 * decoded by the same guard as before (UTF-8, a JSON object), so a malformed request is answered
 * VALIDATION_FAILED with the same message as ever.
 */
import { join } from 'node:path';
import type { NatsConnection } from 'nats';
import { fail, QUEUE_GROUPS, SERVICE_NAMES } from '@sipauth/contracts';
import { DomainRejection } from '@sipauth/domain';
import { NatsServicesStrategy, packageVersion } from '@sipauth/nats-transport';
import { parseJsonObject } from '../validation/validate-request';

export function configNatsTransport(nc: NatsConnection, namespace: string): NatsServicesStrategy {
  return new NatsServicesStrategy({
    connection: nc,
    name: SERVICE_NAMES.config,
    version: packageVersion(join(__dirname, '..', '..')),
    description: 'sipauth config commands and queries (SPEC §6)',
    queue: QUEUE_GROUPS.config,
    namespace,
    decode: parseJsonObject,
    errorReply: (err) => (err instanceof DomainRejection ? fail(err.code, err.message, err.details) : fail('INTERNAL', 'internal error')),
  });
}
