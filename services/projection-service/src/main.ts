/** Runs the projection-service until SIGINT or SIGTERM, then stops cleanly (checkpoint written, NATS drained). */
import { startProjectionService } from './bootstrap';

startProjectionService().then(
  (service) => {
    const stop = (signal: string) => {
      console.log(`projection-service: ${signal} received, stopping`);
      service.close().then(
        () => process.exit(0),
        (err) => {
          console.error('projection-service: unclean stop', err);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  },
  (err) => {
    console.error('projection-service failed to start:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
