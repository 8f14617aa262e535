import fc from 'fast-check';
import { ValidationFailed } from './errors';
import {
  assertValid, checkAccountId, checkDigestAlgorithms, checkFriendlyName, checkListKind, checkPassword, checkResourceId,
  checkUsername, normaliseDomainName, normaliseIpRange,
} from './rules';

describe('checkFriendlyName', () => {
  it.each(['a', 'Office phones', 'x'.repeat(64), 'Büro – Zürich 🚀', '  padded  '])('accepts %j', (name) =>
    expect(checkFriendlyName(name)).toBeUndefined());

  it.each([
    ['', /1 to 64/], ['x'.repeat(65), /1 to 64/], ['   ', /blank/], ['tab\there', /printable/], ['nul\u0000', /printable/],
    ['del\u007f', /printable/], ['c1\u0085', /printable/], ['bidi \u202Eevil', /printable/], ['\u200B', /printable/],
    ['soft\u00ADhyphen', /printable/], ['private \uE000', /printable/], ['line\u2028separator', /printable/], ['para\u2029graph', /printable/],
  ])('refuses %j', (name, message) => expect(checkFriendlyName(name)?.message).toMatch(message));

  it('counts characters, not UTF-16 units', () => expect(checkFriendlyName('🚀'.repeat(64))).toBeUndefined());
  it('refuses what is not a string, under the field it was given', () =>
    expect(checkFriendlyName(42, 'name')).toEqual({ field: 'name', message: 'must be a string' }));
});

describe('checkUsername', () => {
  it.each(['alice', 'A.b_c~d!e$f&g\'h(i)j*k+l,m;n=o-p', '1', 'x'.repeat(32)])('accepts %j', (username) =>
    expect(checkUsername(username)).toBeUndefined());
  it.each(['', 'x'.repeat(33), 'al ice', 'alice@example.com', 'al:ice', 'ålice', 'a"b', 'a%41'])('refuses %j', (username) =>
    expect(checkUsername(username)?.field).toBe('username'));
});

describe('checkPassword', () => {
  it.each(['Correct1Horse', 'Aa1' + 'x'.repeat(9), 'Aa1' + 'x'.repeat(125), 'Ünïcödé-Pässwört-1'])('accepts a password of the right shape', (password) =>
    expect(checkPassword(password)).toBeUndefined());

  it.each([
    ['Short1Pass', /length of 12 to 128/],
    ['Aa1' + 'x'.repeat(126), /length of 12 to 128/],
    ['alllowercase123', /upper-case/],
    ['ALLUPPERCASE123', /lower-case/],
    ['NoDigitsInHereAtAll', /digit/],
  ])('refuses a password that lacks a rule (%#)', (password, message) => expect(checkPassword(password)?.message).toMatch(message));

  it('lists every unmet requirement in one message', () =>
    expect(checkPassword('abc')?.message).toBe('must have a length of 12 to 128 characters, an upper-case letter, a digit'));

  it('never echoes the password in its message', () => {
    // The marker keeps a short password from coinciding with the message's own wording.
    fc.assert(fc.property(fc.string({ maxLength: 200 }).map((s) => `§${s}`), (password) => {
      const problem = checkPassword(password);
      return problem === undefined || !problem.message.includes(password);
    }));
  });
});

describe('normaliseDomainName', () => {
  it.each([
    ['acme.pstn.example.net', 'acme.pstn.example.net'],
    ['ACME.Pstn.Example.NET', 'acme.pstn.example.net'],
    ['acme.example.net.', 'acme.example.net'],
    ['a-1.b2', 'a-1.b2'],
    ['1acme.example.com', '1acme.example.com'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    [`${'a'.repeat(63)}.example.net`, `${'a'.repeat(63)}.example.net`],
  ])('normalises %j to %j', (input, expected) => expect(normaliseDomainName(input)).toEqual({ ok: true, value: expected }));

  it.each([
    ['', /empty/],
    ['.', /empty/],
    ['localhost', /two labels/],
    ['acme..example.net', /empty label/],
    ['acme.example.net..', /empty label/],
    ['-acme.example.net', /hyphen/],
    ['acme-.example.net', /hyphen/],
    ['acme_trunk.example.net', /hyphen/],
    ['acme.example.net:5060', /hyphen/],
    ['bücher.example', /hyphen/],
    ['acme.\u212Aelvin.net', /ASCII/],
    [`${'a'.repeat(64)}.example.net`, /63/],
    ['10.1.2.3', /not an IP address/],
  ])('refuses %j', (input, message) => {
    const result = normaliseDomainName(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.field).toBe('domainName');
      expect(result.problem.message).toMatch(message);
    }
  });

  it('accepts exactly 253 characters and refuses 254', () => {
    const label = 'a'.repeat(61);
    const name253 = [label, label, label, label, 'abcde'].join('.');
    expect(name253).toHaveLength(253);
    expect(normaliseDomainName(name253).ok).toBe(true);
    expect(normaliseDomainName(`${name253}.`).ok).toBe(true);
    expect(normaliseDomainName(`a${name253}`)).toMatchObject({ ok: false, problem: { message: /253/ } });
  });

  it('is idempotent on whatever it accepts', () => {
    fc.assert(fc.property(fc.domain(), (domain) => {
      const once = normaliseDomainName(domain);
      return !once.ok || normaliseDomainName(once.value).ok && (normaliseDomainName(once.value) as { value: string }).value === once.value;
    }));
  });
});

describe('checkAccountId', () => {
  it.each(['acme', 'A', 'acme_corp-1', 'a'.repeat(64)])('accepts %j', (id) => expect(checkAccountId(id)).toBeUndefined());
  it.each(['', '_acme', '-acme', 'acme.corp', 'acme corp', 'acme*', 'acme>', 'a'.repeat(65)])('refuses %j, which could not be a KV key token', (id) =>
    expect(checkAccountId(id)?.field).toBe('accountId'));
});

describe('checkResourceId', () => {
  const hex = '0123456789abcdef'.repeat(2);
  it('accepts a generated id of the expected type', () => expect(checkResourceId(`CL${hex}`, 'credentialListId', 'CL')).toBeUndefined());
  it('accepts any type prefix when none is expected', () => expect(checkResourceId(`ZZ${hex}`, 'id')).toBeUndefined());
  it.each([`AL${hex}`, `cl${hex}`, `CL${hex.toUpperCase()}`, `CL${hex}0`, `CL${hex.slice(1)}`, ''])('refuses %j as a credential list id', (id) =>
    expect(checkResourceId(id, 'credentialListId', 'CL')).toEqual({ field: 'credentialListId', message: expect.stringMatching(/^must be an id of the form CL/) }));
});

describe('normaliseIpRange', () => {
  it.each([
    ['10.1.2.3', undefined, '10.1.2.3', 32],
    ['10.1.2.3', 24, '10.1.2.0', 24],
    ['10.255.255.255/8', undefined, '10.0.0.0', 8],
    ['2001:db8::1', undefined, '2001:db8::1', 128],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', 64, '2001:db8::', 64],
    ['::ffff:192.0.2.1', undefined, '192.0.2.1', 32],
    ['::ffff:192.0.2.1/120', undefined, '192.0.2.0', 24],
  ])('normalises %s (prefix %p) to %s/%d', (ipAddress, prefix, network, prefixLength) =>
    expect(normaliseIpRange(ipAddress, prefix)).toEqual({ ok: true, value: { family: expect.any(Number), network, prefixLength } }));

  it.each([
    ['10.1.2', undefined, 'ipAddress'],
    ['010.1.2.3', undefined, 'ipAddress'],
    ['fe80::1%eth0', undefined, 'ipAddress'],
    ['10.0.0.0', 7, 'cidrPrefixLength'],
    ['10.0.0.0', 33, 'cidrPrefixLength'],
    ['10.0.0.0/24', 16, 'cidrPrefixLength'],
    ['2001:db8::', 15, 'cidrPrefixLength'],
    ['10.0.0.0', '24', 'cidrPrefixLength'],
    [42, undefined, 'ipAddress'],
  ])('refuses %p (prefix %p), naming %s', (ipAddress, prefix, field) =>
    expect(normaliseIpRange(ipAddress, prefix)).toMatchObject({ ok: false, problem: { field } }));
});

describe('checkListKind and checkDigestAlgorithms', () => {
  it('accepts both list kinds and refuses others', () => {
    expect(checkListKind('credentialList')).toBeUndefined();
    expect(checkListKind('ipAccessControlList')).toBeUndefined();
    expect(checkListKind('CredentialList')?.field).toBe('listKind');
  });
  it('accepts an ordered list of distinct known algorithms', () => expect(checkDigestAlgorithms(['SHA-512-256', 'SHA-256', 'MD5'])).toBeUndefined());
  it.each([[[]], ['MD5'], [['md5']], [['SHA-256', 'SHA-256']], [[null]]])('refuses %j', (value) =>
    expect(checkDigestAlgorithms(value)?.field).toBe('algorithms'));
});

describe('assertValid', () => {
  it('passes when every check passed', () => expect(() => assertValid([undefined, undefined])).not.toThrow());
  it('throws ValidationFailed naming every bad field', () => {
    const problems = [checkFriendlyName(''), undefined, checkUsername('a b')];
    expect(() => assertValid(problems)).toThrow(ValidationFailed);
    try { assertValid(problems); } catch (error) {
      expect((error as ValidationFailed).details.map((d) => d.field)).toEqual(['friendlyName', 'username']);
    }
  });
});
