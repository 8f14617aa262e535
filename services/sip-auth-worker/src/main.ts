/** Process entry point: start the worker; SIGINT/SIGTERM drain and exit 0. */
import { startSipAuthWorker } from './bootstrap';

startSipAuthWorker().then(
  (worker) => {
    console.log(`sip-auth-worker: probes and metrics at ${worker.httpUrl}`);
    const stop = (): void => {
      worker.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (err: Error) => {
    console.error(`sip-auth-worker: cannot start: ${err.message}`);
    process.exit(1);
  },
);
