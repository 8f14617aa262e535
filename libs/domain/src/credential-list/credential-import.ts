/**
 * Bulk import into a credential list (issue 14): the rules of `AddCredential`, line by line, decided
 * all or none. Every refused line is reported at once (`credentials[<index>].<field>`), so a caller
 * fixes its file in one pass; nothing of a refused import is written, so a chunk is either wholly in
 * the list or not at all and can simply be sent again.
 *
 * A username already in the list is refused, not skipped: the line may carry another password, and
 * skipping it would leave the old one in force without anyone noticing. A retry of the same import
 * (the same credential ids, which the edge derives from the requestId) is a no-op.
 */
import type { CredentialHa1s } from '../common';
import { Conflict } from '../errors';
import type { FieldProblem } from '../errors';
import {
  assertValid, checkResourceId, checkUsername, MAX_CREDENTIALS_PER_IMPORT, MAX_CREDENTIALS_PER_IMPORTED_EVENT, MAX_CREDENTIALS_PER_LIST,
} from '../rules';
import type { ImportCredentials, ImportLine } from './credential-list.commands';
import type { Credential } from './credential-list.decider';
import type { CredentialsImported } from './credential-list.events';

/** What an import needs to know of the list it goes into. */
export interface ImportTarget {
  credentials: { get(credentialId: string): Credential | undefined; readonly size: number };
  usernames: { has(lowerCasedUsername: string): boolean };
}

const at = (index: number, field: string): string => `credentials[${index}].${field}`;

function checkHa1s(line: ImportLine, index: number): FieldProblem | undefined {
  const ha1 = line.ha1 as unknown as Partial<Record<string, unknown>> | undefined;
  const needed = line.md5Only ? ['MD5'] : ['MD5', 'SHA-256', 'SHA-512-256'];
  const fine = ha1 !== undefined && needed.every((alg) => typeof ha1[alg] === 'string' && (ha1[alg] as string).length > 0)
    && Object.keys(ha1).length === needed.length;
  return fine ? undefined : { field: at(index, 'ha1'), message: `must hold the sealed ${needed.join(', ')} HA1${needed.length > 1 ? 's' : ''}` };
}

/** What the request alone shows: each line's form, and usernames or ids repeated within the import. */
function requestProblems(lines: readonly ImportLine[]): FieldProblem[] {
  if (!Array.isArray(lines) || lines.length === 0 || lines.length > MAX_CREDENTIALS_PER_IMPORT) {
    return [{ field: 'credentials', message: `must hold 1 to ${MAX_CREDENTIALS_PER_IMPORT} credentials` }];
  }
  const problems: FieldProblem[] = [];
  const firstLineOf = new Map<string, number>();
  const ids = new Set<string>();
  lines.forEach((line, index) => {
    const username = checkUsername(line.username, at(index, 'username'));
    if (username) problems.push(username);
    else {
      const first = firstLineOf.get(line.username.toLowerCase());
      if (first !== undefined) problems.push({ field: at(index, 'username'), message: `repeats the username of credentials[${first}] (compared case-insensitively)` });
      else firstLineOf.set(line.username.toLowerCase(), index);
    }
    const id = checkResourceId(line.credentialId, at(index, 'credentialId'), 'CR')
      ?? (ids.has(line.credentialId) ? { field: at(index, 'credentialId'), message: 'repeats an earlier credentialId' } : undefined);
    if (id) problems.push(id);
    ids.add(line.credentialId);
    const ha1 = checkHa1s(line, index);
    if (ha1) problems.push(ha1);
  });
  return problems;
}

/** The events of an import into `list`: [] for a retry of an import already applied; throws on any refused line. */
export function decideImport(command: ImportCredentials, list: ImportTarget): CredentialsImported[] {
  const lines = command.credentials;
  assertValid(requestProblems(lines));
  if (lines.every((line) => list.credentials.get(line.credentialId)?.username === line.username)) return [];
  const conflicts: FieldProblem[] = [];
  lines.forEach((line, index) => {
    if (list.credentials.get(line.credentialId)) conflicts.push({ field: at(index, 'credentialId'), message: 'already exists in this list' });
    else if (list.usernames.has(line.username.toLowerCase())) {
      conflicts.push({ field: at(index, 'username'), message: 'is already in this list (usernames are compared case-insensitively)' });
    }
  });
  const room = MAX_CREDENTIALS_PER_LIST - list.credentials.size;
  if (conflicts.length === 0 && lines.length > room) {
    conflicts.push({ field: 'credentials', message: `${lines.length} credentials do not fit: the list holds ${list.credentials.size} of at most ${MAX_CREDENTIALS_PER_LIST}` });
  }
  if (conflicts.length > 0) throw new Conflict(`${conflicts.length} credential(s) of the import refused; nothing was imported`, conflicts);
  const events: CredentialsImported[] = [];
  for (let start = 0; start < lines.length; start += MAX_CREDENTIALS_PER_IMPORTED_EVENT) {
    const credentials = lines.slice(start, start + MAX_CREDENTIALS_PER_IMPORTED_EVENT).map(({ credentialId, username, ha1, md5Only }) => ({
      credentialId, username, ha1: { ...ha1 } as CredentialHa1s, ...(md5Only ? { md5Only } : {}),
    }));
    events.push({ type: 'CredentialsImported', data: { credentialListId: command.credentialListId, realm: command.realm, createdAt: command.now, credentials } });
  }
  return events;
}
