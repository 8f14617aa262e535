export * from './nats-services.strategy';
export * from './nats-services.context';
export * from './package-version';
