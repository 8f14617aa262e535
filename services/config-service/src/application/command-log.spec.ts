import { commandLogLine } from './command-log';
import { commandContext } from './command-context';

describe('the log line of a command', () => {
  const secret = 'Correct-Horse-9-Battery';

  it('says who did what to which resource, the outcome, position and time', () => {
    const context = commandContext('acme', { actor: 'ops' });
    const line = commandLogLine('credential.add', { accountId: 'acme', credentialListId: `CL${'a'.repeat(32)}`, username: 'bob', password: secret }, {}, context,
      { ok: true, data: { credentialId: `CR${'b'.repeat(32)}`, position: '42000' } }, 3.14159);
    expect(line).toEqual({
      msg: 'credential.add done', command: 'credential.add', actor: 'ops', accountId: 'acme',
      resourceIds: { credentialListId: `CL${'a'.repeat(32)}`, credentialId: `CR${'b'.repeat(32)}` },
      correlationId: context.correlationId, outcome: 'ok', position: '42000', ms: 3.1,
    });
  });

  it('names the bad fields of a rejection, never their values', () => {
    const line = commandLogLine('credential-list.create', { accountId: 'acme', friendlyName: 'x', username: 'al ice', password: secret.slice(0, 5) }, { actor: 'ci' }, undefined,
      { ok: false, error: { code: 'VALIDATION_FAILED', message: 'invalid password, username', details: [{ field: 'password', message: 'too short' }, { field: 'username', message: 'bad' }] } }, 1);
    expect(line).toMatchObject({ outcome: 'VALIDATION_FAILED', fields: ['password', 'username'], actor: 'ci', accountId: 'acme' });
    expect(JSON.stringify(line)).not.toContain(secret.slice(0, 5));
    expect(JSON.stringify(line)).not.toContain('al ice');
  });

  it('leaves out an account or id that does not look like one', () => {
    const line = commandLogLine('trunk.rename', { accountId: 'a b c', trunkId: '<script>' }, {}, undefined, { ok: false, error: { code: 'VALIDATION_FAILED', message: 'x' } }, 1);
    expect(line.accountId).toBeUndefined();
    expect(line.resourceIds).toBeUndefined();
  });
});
