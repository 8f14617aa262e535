/** Runs the projection-service until SIGINT or SIGTERM, then stops cleanly (checkpoint written, NATS drained). */
import { createServiceLogger } from '@sipauth/logging';
import { startProjectionService } from './bootstrap';

const log = createServiceLogger('projection-service');

startProjectionService().then(
  (service) => {
    const stop = (signal: string) => {
      log.info({ event: 'signal', signal }, `${signal} received, stopping`);
      service.close().then(
        () => process.exit(0),
        (err) => {
          log.error({ event: 'stop-failed', err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'unclean stop');
          setTimeout(() => process.exit(1), 100);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  },
  (err) => {
    log.fatal({ event: 'start-failed', err: { message: err instanceof Error ? err.message : String(err) } }, 'projection-service failed to start');
    setTimeout(() => process.exit(1), 100);
  },
);
