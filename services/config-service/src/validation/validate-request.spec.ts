import 'reflect-metadata';
import { ValidationFailed } from '@sipauth/domain';
import { AddIpAddressDto } from '../dto/add-ip-address.dto';
import { CreateCredentialListDto } from '../dto/create-credential-list.dto';
import { CreateIpAclDto } from '../dto/create-ip-acl.dto';
import { parseJsonObject, validateRequest } from './validate-request';

const rejection = (fn: () => unknown): ValidationFailed => {
  try { fn(); } catch (err) { if (err instanceof ValidationFailed) return err; throw err; }
  throw new Error('expected a ValidationFailed');
};

describe('request validation', () => {
  it('names every bad field once, with the domain rule message and never the password', () => {
    const err = rejection(() => validateRequest(CreateCredentialListDto, { accountId: '-x', friendlyName: 7, username: '', password: 'lower-only-pass', extra: true }));
    const byField = [...err.details].sort((a, b) => a.field.localeCompare(b.field));
    expect(byField).toEqual([
      { field: 'accountId', message: expect.stringContaining('letters, digits') },
      { field: 'extra', message: 'is not a known field' },
      { field: 'friendlyName', message: 'must be a string' },
      { field: 'password', message: 'must have an upper-case letter, a digit' },
      { field: 'username', message: expect.stringContaining('1 to 32') },
    ]);
    expect(JSON.stringify(err.details)).not.toContain('lower-only-pass');
  });

  it('reports a bad prefix length on cidrPrefixLength, not on ipAddress', () => {
    const err = rejection(() => validateRequest(AddIpAddressDto, { accountId: 'acme', ipAccessControlListId: `AL${'a'.repeat(32)}`, friendlyName: 'x', ipAddress: '10.0.0.0', cidrPrefixLength: 40 }));
    expect(err.details.map((d) => d.field)).toEqual(['cidrPrefixLength']);
  });

  it('refuses malformed JSON and non-objects', () => {
    expect(rejection(() => parseJsonObject('{')).details).toEqual([{ field: '(body)', message: 'must be valid JSON' }]);
    expect(rejection(() => parseJsonObject('[]')).details).toEqual([{ field: '(body)', message: 'must be a JSON object' }]);
  });

  it('refuses deeply nested values by field instead of overflowing the stack', () => {
    const depth = 50_000;
    const deepUnknown = JSON.parse(`{"accountId":"acme","friendlyName":"x","deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);
    expect(rejection(() => validateRequest(CreateIpAclDto, deepUnknown)).details).toEqual([{ field: 'deep', message: 'is not a known field' }]);
    const deepKnown = JSON.parse(`{"accountId":"acme","friendlyName":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(rejection(() => validateRequest(CreateIpAclDto, deepKnown)).details).toEqual([{ field: 'friendlyName', message: 'is nested too deeply' }]);
  });
});
