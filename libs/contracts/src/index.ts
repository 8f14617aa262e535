export * from './errors';
export * from './subjects';
export * from './config';
export * from './auth';
export * from './read-models';
export * from './env';
export * from './nats-readiness';
export * from './request-fields';
