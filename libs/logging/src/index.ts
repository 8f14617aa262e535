export * from './service-logger';
export * from './nest-logging';
export * from './testing';
