/**
 * The one log line of every command (NATS or REST): who, which account and resource, the outcome, the
 * position and how long it took; for a rejection its code and the NAMES of the bad fields. Values from
 * the request are never copied except ids and the account (checked shapes, short), so a password can
 * not reach the log through here even before redaction (libs/logging) would censor it.
 */
import type { ConfigCommandName, Reply } from '@sipauth/contracts';
import type { CommandContext, RequestOrigin } from './command-context';

/** Request fields that name a resource; only these values (when they look like ids) are logged. */
const ID_FIELDS = ['credentialListId', 'credentialId', 'ipAccessControlListId', 'ipAddressId', 'trunkId', 'listId'] as const;
const LOGGABLE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface CommandLogLine {
  msg: string;
  command: ConfigCommandName;
  actor?: string;
  accountId?: string;
  resourceIds?: Record<string, string>;
  correlationId?: string;
  outcome: 'ok' | string;
  position?: string;
  fields?: string[];
  ms: number;
}

export function commandLogLine(
  command: ConfigCommandName, body: unknown, origin: RequestOrigin, context: CommandContext | undefined, reply: Reply<unknown>, ms: number,
): CommandLogLine {
  const request = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const data = reply.ok && typeof reply.data === 'object' && reply.data !== null ? (reply.data as Record<string, unknown>) : {};
  const resourceIds: Record<string, string> = {};
  for (const field of ID_FIELDS) {
    const value = data[field] ?? request[field];
    if (typeof value === 'string' && LOGGABLE_ID.test(value)) resourceIds[field] = value;
  }
  const accountId = context?.accountId ?? (typeof request.accountId === 'string' && LOGGABLE_ID.test(request.accountId) ? request.accountId : undefined);
  const line: CommandLogLine = {
    msg: reply.ok ? `${command} done` : `${command} refused: ${reply.error.code}`,
    command,
    actor: context?.actor ?? origin.actor,
    accountId,
    ...(Object.keys(resourceIds).length > 0 ? { resourceIds } : {}),
    correlationId: context?.correlationId ?? origin.correlationId,
    outcome: reply.ok ? 'ok' : reply.error.code,
    ms: Math.round(ms * 10) / 10,
  };
  if (reply.ok && typeof data.position === 'string') line.position = data.position;
  if (!reply.ok && reply.error.details) line.fields = reply.error.details.map((d) => d.field);
  return line;
}
