/** The config-service's Nest module: the use cases, the NATS endpoints and the REST controllers, around values bootstrap made. */
import { Module, type DynamicModule } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { EventStore } from '@sipauth/event-store';
import { ConfigDispatcher, REQUEST_LEDGER } from './application/config-dispatcher';
import { CredentialListsService } from './application/credential-lists.service';
import { IpAclsService } from './application/ip-acls.service';
import { ListDeletion } from './application/list-deletion';
import { PasswordSealer } from './application/password-sealer';
import { TrunkAssignmentsService } from './application/trunk-assignments.service';
import { TrunksService } from './application/trunks.service';
import { ConfigServiceLifecycle } from './config-service.lifecycle';
import type { ConfigServiceSettings } from './config-service.settings';
import { EVENT_STORE, NATS_CONNECTION, SERVICE_SETTINGS } from './config-service.tokens';
import { BearerAuthGuard } from './transport/http/bearer-auth.guard';
import { ConsoleSessionController } from './transport/http/console-session.controller';
import { CredentialListsController } from './transport/http/credential-lists.controller';
import { HistoryController } from './transport/http/history.controller';
import { IpAclsController } from './transport/http/ip-acls.controller';
import { RestGateway } from './transport/http/rest-gateway';
import { TrunkChecksController } from './transport/http/trunk-checks.controller';
import { TrunksController } from './transport/http/trunks.controller';
import { WorkerGateway } from './transport/http/worker-gateway';
import type { RequestLedger } from './idempotency/request-ledger';
import { HistoryService } from './history/history.service';
import { QueriesService } from './queries/queries.service';
import { MetricsController } from './ops/metrics.controller';
import { ProbesController } from './ops/probes.controller';
import { ConfigCommandsController } from './transport/config-commands.controller';
import { ConfigQueriesController } from './transport/config-queries.controller';

export interface ConfigServiceDeps {
  settings: ConfigServiceSettings;
  nc: NatsConnection;
  store: EventStore;
  ledger: RequestLedger;
}

export interface ConfigServiceModuleOptions {
  /**
   * Register ConfigServiceLifecycle, which closes the event store when the app closes. Bootstrap
   * does; the console's OpenAPI script (services/console/scripts/openapi-types.ts) builds the module
   * over placeholder connections it never opened, so it leaves this off.
   */
  lifecycle?: boolean;
}

@Module({})
export class ConfigServiceModule {
  static forRoot(deps: ConfigServiceDeps, options: ConfigServiceModuleOptions = {}): DynamicModule {
    return {
      module: ConfigServiceModule,
      controllers: [CredentialListsController, IpAclsController, TrunksController, TrunkChecksController, HistoryController, ProbesController, ConsoleSessionController, MetricsController,
        ConfigCommandsController, ConfigQueriesController],
      providers: [
        { provide: SERVICE_SETTINGS, useValue: deps.settings },
        { provide: NATS_CONNECTION, useValue: deps.nc },
        { provide: EVENT_STORE, useValue: deps.store },
        { provide: REQUEST_LEDGER, useValue: deps.ledger },
        PasswordSealer, ListDeletion, CredentialListsService, IpAclsService, TrunksService, TrunkAssignmentsService, QueriesService, HistoryService,
        ConfigDispatcher, RestGateway, WorkerGateway, BearerAuthGuard,
        ...(options.lifecycle ? [ConfigServiceLifecycle] : []),
      ],
    };
  }
}
