/**
 * NATS subjects of contract v1 (SPEC §6). The namespace is the first token of every subject, so two
 * namespaces on one NATS server never see each other.
 */
export const DEFAULT_NAMESPACE = 'sipauth';

/** A namespace is one subject token and a prefix of stream and bucket names. */
export const NAMESPACE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export function assertNamespace(namespace: string): string {
  if (!NAMESPACE_PATTERN.test(namespace)) {
    throw new Error(`SIPAUTH_NAMESPACE must match ${NAMESPACE_PATTERN} (got ${JSON.stringify(namespace)})`);
  }
  return namespace;
}

export const CONFIG_COMMANDS = [
  'credential-list.create',
  'credential-list.rename',
  'credential-list.delete',
  'credential.add',
  'credential.change-password',
  'credential.remove',
  'credential.import',
  'ip-acl.create',
  'ip-acl.rename',
  'ip-acl.delete',
  'ip-address.add',
  'ip-address.remove',
  'ip-address.rename',
  'trunk.create',
  'trunk.rename',
  'trunk.delete',
  'trunk.assign',
  'trunk.unassign',
  'trunk.set-digest-algorithms',
  'trunk.set-lockout-policy',
] as const;
export type ConfigCommandName = (typeof CONFIG_COMMANDS)[number];

export const QUERIES = [
  'credential-list.get',
  'credential-list.list',
  'ip-acl.get',
  'ip-acl.list',
  'trunk.get',
  'trunk.list',
  'credential.get',
  'credential.list',
  'ip-address.get',
  'ip-address.list',
  'history',
] as const;
export type QueryName = (typeof QUERIES)[number];

export const AUTH_OPERATIONS = ['authorize', 'challenge', 'verify', 'status', 'explain', 'lockouts.list', 'lockouts.clear'] as const;
export type AuthOperation = (typeof AUTH_OPERATIONS)[number];

/** Queue groups: every replica of a service joins its group, so each request is answered once. */
export const QUEUE_GROUPS = { config: 'config-service', worker: 'sip-auth-worker' } as const;

/**
 * Operator requests to projection-service (`<ns>.v1.admin.<op>`): every replica hears them and only the
 * lease holder answers (README "Rebuilding the read models").
 */
export const ADMIN_OPERATIONS = ['projection.rebuild'] as const;
export type AdminOperation = (typeof ADMIN_OPERATIONS)[number];

/**
 * A subject without its namespace token: the `@MessagePattern` of a handler, to which the transport
 * puts the namespace in front (libs/nats-transport).
 */
export const configPattern = (command: ConfigCommandName): string => `v1.config.${command}`;
export const queryPattern = (query: QueryName): string => `v1.query.${query}`;
export const authPattern = (op: AuthOperation): string => `v1.auth.${op}`;
export const adminPattern = (op: AdminOperation): string => `v1.admin.${op}`;

export const configSubject = (ns: string, command: ConfigCommandName): string => `${ns}.${configPattern(command)}`;
export const querySubject = (ns: string, query: QueryName): string => `${ns}.${queryPattern(query)}`;
export const authSubject = (ns: string, op: AuthOperation): string => `${ns}.${authPattern(op)}`;
export const adminSubject = (ns: string, op: AdminOperation): string => `${ns}.${adminPattern(op)}`;
/** `<ns>.v1.admin.projection.rebuild`: rebuild the read model into a fresh generation. */
export const rebuildSubject = (ns: string): string => adminSubject(ns, 'projection.rebuild');

/**
 * Names services register with the NATS Services API (`$SRV.PING|INFO|STATS.<name>`, `nats micro ls`);
 * the NATS users of deploy/nats/accounts.conf may answer `$SRV` for their own name only.
 */
export const SERVICE_NAMES = { config: 'config-service', projection: 'projection-service', worker: 'sip-auth-worker' } as const;

/**
 * `<ns>.internal.auth.lockout-events`: the sip-auth-worker replicas' lockout events to each other (no
 * queue group, no reply). Internal, not contract v1: no client may use it (deploy/nats/accounts.conf).
 */
export const lockoutEventsSubject = (ns: string): string => `${ns}.internal.auth.lockout-events`;

/** The internal subjects between replicas of one service (listed in AsyncAPI as internal channels). */
export function internalSubjects(ns: string): string[] {
  return [lockoutEventsSubject(ns)];
}

/** Every subject of the contract under one namespace, e.g. for permissions and the AsyncAPI check. */
export function allSubjects(ns: string): string[] {
  return [
    ...CONFIG_COMMANDS.map((c) => configSubject(ns, c)),
    ...QUERIES.map((q) => querySubject(ns, q)),
    ...AUTH_OPERATIONS.map((o) => authSubject(ns, o)),
    ...ADMIN_OPERATIONS.map((o) => adminSubject(ns, o)),
  ];
}
