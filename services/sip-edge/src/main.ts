/** Process entry point: start the bridge; SIGINT/SIGTERM stop it and exit 0. */
import { createServiceLogger } from '@sipauth/logging';
import { startSipEdge } from './bootstrap';

const log = createServiceLogger('sip-edge');

startSipEdge().then(
  (edge) => {
    log.info({ event: 'started', httpUrl: edge.httpUrl }, `probes and metrics at ${edge.httpUrl}`);
    const stop = (): void => {
      edge.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (err: Error) => {
    log.fatal({ event: 'start-failed' }, `sip-edge cannot start: ${err.message}`);
    // pino writes asynchronously: give the line a moment to leave before exiting.
    setTimeout(() => process.exit(1), 100);
  },
);
