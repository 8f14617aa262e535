/** Pure SIP digest authentication: algorithms, header parsing, responses, stateless nonces, sealed HA1s. */
export * from './algorithm';
export { MAX_HEADER_LENGTH } from './auth-params';
export * from './credentials';
export * from './challenge';
export * from './response';
export * from './key-list';
export * from './nonce';
export * from './sealing';
export * from './sip-uri';
