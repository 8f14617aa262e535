export * from './errors';
export * from './subjects';
export * from './config';
export * from './auth';
export * from './read-models';
export * from './env';
export * from './request-fields';
