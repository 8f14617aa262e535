/** Process entry point: start the bridge; SIGINT/SIGTERM stop it and exit 0. */
import { startSipEdge } from './bootstrap';

startSipEdge().then(
  (edge) => {
    console.log(JSON.stringify({ level: 'info', service: 'sip-edge', msg: `probes and metrics at ${edge.httpUrl}` }));
    const stop = (): void => {
      edge.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (err: Error) => {
    console.error(`sip-edge: cannot start: ${err.message}`);
    process.exit(1);
  },
);
