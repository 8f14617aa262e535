import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ValidationFailed } from '@sipauth/domain';
import { validateRequest } from '../validation/validate-request';
import { ImportCredentialLineDto, ImportCredentialsDto, isProvenValidLine } from './import-credentials.dto';

const ha1 = '939e7578ed9e3c518a452acee763bce9';
const lines: unknown[] = [
  { username: 'alice', password: 'Str0ng-Passw0rd' },
  { username: 'bob', ha1 },
  { username: 'bob', ha1: ha1.toUpperCase() },
  { username: 'carol', password: 'Str0ng-Passw0rd', ha1 },
  { username: 'dave' },
  { username: 'eve', password: 'weakpassword' },
  { username: 'eve', password: null },
  { username: 'eve', password: null, ha1 },
  { username: 'eve', ha1: null },
  { username: 'eve', ha1: 'xyz' },
  { username: 'eve', password: 12345678901234 },
  { username: '', password: 'Str0ng-Passw0rd' },
  { username: 'a b', password: 'Str0ng-Passw0rd' },
  { username: 7, password: 'Str0ng-Passw0rd' },
  { password: 'Str0ng-Passw0rd' },
  { username: 'frank', password: 'Str0ng-Passw0rd', extra: 1 },
  { username: 'frank', password: 'Str0ng-Passw0rd', __proto__: { x: 1 } },
  JSON.parse('{"username":"frank","password":"Str0ng-Passw0rd","__proto__":{"x":1}}'),
  Object.assign(Object.create(null), { username: 'frank', password: 'Str0ng-Passw0rd' }),
  'alice', null, 7, [], [{ username: 'alice', password: 'Str0ng-Passw0rd' }],
];
const request = (credentials: unknown) => ({ accountId: 'acme', credentialListId: `CL${'a'.repeat(32)}`, realm: 'sipauth.local', credentials });
const problemsOf = (fn: () => unknown) => {
  try { fn(); return []; } catch (err) { if (err instanceof ValidationFailed) return err.details; throw err; }
};

describe('credential.import validation: lines proven valid without class-validator', () => {
  it.each(lines.map((line) => [JSON.stringify(line), line]))('proves %s valid only when the line DTO finds no problem', (_name, line) => {
    const full = typeof line === 'object' && line !== null && !Array.isArray(line)
      ? validateSync(plainToInstance(ImportCredentialLineDto, line), { whitelist: true, forbidNonWhitelisted: true })
      : ['not an object'];
    if (isProvenValidLine(line)) expect(full).toEqual([]);
  });

  it('proves exactly the valid lines of the sample, leaving every other to the full validation', () => {
    expect(lines.filter(isProvenValidLine)).toEqual(lines.slice(0, 3));
  });

  it('takes the lines as given when all are proven valid, and still checks the head', () => {
    const credentials = [{ username: 'alice', password: 'Str0ng-Passw0rd' }, { username: 'bob', ha1 }];
    expect(validateRequest(ImportCredentialsDto, request(credentials)).credentials).toEqual(credentials);
    expect(problemsOf(() => validateRequest(ImportCredentialsDto, { ...request(credentials), credentialListId: 'nope', realm: '' })).map((p) => p.field).sort())
      .toEqual(['credentialListId', 'realm']);
    expect(problemsOf(() => validateRequest(ImportCredentialsDto, { ...request(credentials), extra: 1 }))).toEqual([{ field: 'extra', message: 'is not a known field' }]);
  });

  it('reports every bad line by index, as the full validation does, when one line is not proven', () => {
    const credentials = [
      { username: 'alice', password: 'Str0ng-Passw0rd' }, { username: 'bob', password: 'weakpassword' }, { username: 'carol', ha1: 'xyz' }, { username: 'dave', password: 'Str0ng-Passw0rd', other: 1 },
    ];
    expect(problemsOf(() => validateRequest(ImportCredentialsDto, request(credentials))).map((p) => p.field).sort())
      .toEqual(['credentials[1].password', 'credentials[2].ha1', 'credentials[3].other']);
  });

  it('refuses an empty or oversized list of lines through the full validation', () => {
    expect(problemsOf(() => validateRequest(ImportCredentialsDto, request([]))).map((p) => p.field)).toEqual(['credentials']);
    const many = Array.from({ length: 1001 }, (_, i) => ({ username: `u${i}`, password: 'Str0ng-Passw0rd' }));
    expect(problemsOf(() => validateRequest(ImportCredentialsDto, request(many))).map((p) => p.field)).toContain('credentials');
  });
});
