export * from './cidr';
export * from './ip-text';
export * from './source-ip';
export * from './cidr-matcher';
