/** Runs the config-service until SIGINT or SIGTERM, then stops cleanly (exit code 0). */
import { Logger } from '@nestjs/common';
import { startConfigService } from './bootstrap';

async function main(): Promise<void> {
  const logger = new Logger('ConfigService');
  const service = await startConfigService(process.env);
  logger.log(`REST API at ${service.httpUrl}/v1, OpenAPI document at ${service.httpUrl}/docs (JSON: /docs-json)`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: draining NATS and stopping`);
    service.close().then(() => process.exit(0), (err: Error) => {
      logger.error(`stopping failed: ${err.message}`);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: Error) => {
  new Logger('ConfigService').error(`could not start: ${err.message}`);
  process.exit(1);
});
