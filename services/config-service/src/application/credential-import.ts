/**
 * credential.import (issue 14): seal each line's HA1s, then one ImportCredentials command through the
 * one command path, so the import is one atomic append (all or none) of a few CredentialsImported
 * events. With a requestId the credential ids derive from it and the line's index, so a retry whose
 * first attempt wrote decides on the same ids and is recognised (no duplicate, the same reply).
 */
import { hash } from 'node:crypto';
import type { ImportCredentialsResult } from '@sipauth/contracts';
import { ID_PREFIXES, ValidationFailed, type ImportLine } from '@sipauth/domain';
import type { EventStore } from '@sipauth/event-store';
import type { ImportCredentialsDto } from '../dto/import-credentials.dto';
import { run } from './aggregates';
import { newId, now, type CommandContext } from './command-context';
import type { PasswordSealer } from './password-sealer';

function lineId(ctx: CommandContext, index: number): string {
  if (ctx.idempotencyKey === undefined) return newId(ID_PREFIXES.credential);
  return `${ID_PREFIXES.credential}${sha256Hex(`${ctx.idempotencyKey}\0${ID_PREFIXES.credential}\0${index}`).slice(0, 32)}`;
}

// One-shot crypto.hash makes no Hash object per line (a thousand per import); the same digest.
const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

export async function importCredentials(store: EventStore, sealer: PasswordSealer, dto: ImportCredentialsDto, ctx: CommandContext): Promise<ImportCredentialsResult> {
  const { credentialListId } = dto;
  if (dto.realm !== sealer.realm) {
    throw new ValidationFailed('invalid realm', [{ field: 'realm', message: `must be ${sealer.realm}: an HA1 verifies only under the realm it was computed with` }]);
  }
  const lines: ImportLine[] = dto.credentials.map(({ username, password, ha1 }, index) => {
    const credentialId = lineId(ctx, index);
    if (password !== undefined) return { credentialId, username, ha1: sealer.seal(credentialListId, credentialId, username, password).ha1 };
    return { credentialId, username, ha1: sealer.sealMd5Ha1(credentialListId, credentialId, (ha1 as string).toLowerCase()), md5Only: true };
  });
  const { position } = await run(store, 'credentialList', {
    type: 'ImportCredentials', accountId: ctx.accountId, credentialListId, realm: sealer.realm, credentials: lines, now: now(),
  }, ctx);
  const credentials = lines.map(({ credentialId, username, md5Only }, index) => ({ index, credentialId, username, ...(md5Only ? { md5Only } : {}) }));
  return { credentialListId, credentials, md5OnlyCount: credentials.filter((c) => c.md5Only).length, position };
}
