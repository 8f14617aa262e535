/** Runs the config-service until SIGINT or SIGTERM, then stops cleanly (exit code 0). */
import { createServiceLogger } from '@sipauth/logging';
import { startConfigService } from './bootstrap';

async function main(): Promise<void> {
  const logger = createServiceLogger('config-service');
  const service = await startConfigService(process.env);
  logger.info(`REST API at ${service.httpUrl}/v1, OpenAPI document at ${service.httpUrl}/docs (JSON: /docs-json)`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'signal', signal }, `${signal} received: draining NATS and stopping`);
    service.close().then(() => process.exit(0), (err: Error) => {
      logger.error({ event: 'stop-failed' }, `stopping failed: ${err.message}`);
      setTimeout(() => process.exit(1), 100);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: Error) => {
  createServiceLogger('config-service').fatal({ event: 'start-failed' }, `could not start: ${err.message}`);
  // pino writes asynchronously: give the line a moment to leave before exiting.
  setTimeout(() => process.exit(1), 100);
});
