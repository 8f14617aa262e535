/** Process entry point: start the worker; SIGINT/SIGTERM drain and exit 0. */
import { createServiceLogger } from '@sipauth/logging';
import { startSipAuthWorker } from './bootstrap';

startSipAuthWorker().then(
  (worker) => {
    const stop = (): void => {
      worker.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (err: Error) => {
    createServiceLogger('sip-auth-worker').fatal({ event: 'start-failed', err: { name: err.name, message: err.message } }, `sip-auth-worker cannot start: ${err.message}`);
    // pino writes asynchronously: give the line a moment to leave before exiting.
    setTimeout(() => process.exit(1), 100);
  },
);
