import { formatCredentials, parseAlgorithm, parseCredentials, MAX_HEADER_LENGTH } from './index';

const RESPONSE = '6629fae49393a05397450978507c4ef1';
const valid = `Digest username="bob", realm="biloxi.com", nonce="abc", uri="sip:bob@biloxi.com", response="${RESPONSE}"`;

function parsed(header: string) {
  const r = parseCredentials(header);
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}: ${r.message}`);
  return r.value;
}
function rejected(header: string) {
  const r = parseCredentials(header);
  if (r.ok) throw new Error('expected a rejection');
  return r;
}

describe('parseCredentials', () => {
  it('reads a minimal RFC 2069 header and defaults the algorithm to MD5', () => {
    expect(parsed(valid)).toEqual({
      username: 'bob', userhash: false, realm: 'biloxi.com', nonce: 'abc', uri: 'sip:bob@biloxi.com',
      response: RESPONSE, algorithm: 'MD5', params: {},
    });
  });

  it('accepts any parameter order, unquoted values, and whitespace around = and commas', () => {
    const v = parsed(`  digest   response = ${RESPONSE} ,uri= "sip:bob@biloxi.com",nonce=abc ,\trealm = biloxi.com , username=bob   `);
    expect(v).toMatchObject({ username: 'bob', realm: 'biloxi.com', nonce: 'abc', uri: 'sip:bob@biloxi.com', response: RESPONSE });
  });

  it('reads unquoted URIs and base64 nonces with padding', () => {
    const v = parsed(`Digest username=bob, realm=biloxi.com, nonce=YWJjZA==, uri=sip:bob@biloxi.com;transport=udp, response=${RESPONSE}`);
    expect(v).toMatchObject({ nonce: 'YWJjZA==', uri: 'sip:bob@biloxi.com;transport=udp' });
  });

  it('accepts folded lines (CRLF followed by whitespace) between parameters', () => {
    expect(parsed(`Digest username="bob",\r\n realm="biloxi.com",\r\n\tnonce="abc", uri="sip:bob@biloxi.com",\r\n  response="${RESPONSE}"`).realm).toBe('biloxi.com');
  });

  it('reads quoted qop and algorithm in any letter case', () => {
    const v = parsed(`${valid}, qop="AUTH", algorithm="sha-256-SESS", nc=0000000A, cnonce="xyz"`.replace(RESPONSE, 'a'.repeat(64)));
    expect(v).toMatchObject({ qop: 'auth', algorithm: 'SHA-256-sess', nc: '0000000A', cnonce: 'xyz' });
  });

  it('removes backslash escapes inside quoted strings', () => {
    expect(parsed(`Digest username="bo\\"b\\\\", realm="bi\\loxi", nonce="abc", uri="sip:x", response="${RESPONSE}"`))
      .toMatchObject({ username: 'bo"b\\', realm: 'biloxi' });
  });

  it('keeps unknown parameters, with lower-case names, in params', () => {
    expect(parsed(`${valid}, X-Extra="1, 2", foo=bar, __proto__=x`).params).toEqual({ 'x-extra': '1, 2', foo: 'bar', ['__proto__']: 'x' });
  });

  it('keeps opaque and lower-cases an upper-case hex response', () => {
    expect(parsed(`${valid.replace(RESPONSE, RESPONSE.toUpperCase())}, opaque=""`)).toMatchObject({ opaque: '', response: RESPONSE });
  });

  it('reads a hex userhash as the username when userhash=true', () => {
    const v = parsed(`${valid.replace('"bob"', `"${'AB'.repeat(16)}"`)}, userhash=TRUE`);
    expect(v).toMatchObject({ userhash: true, username: 'ab'.repeat(16) });
  });

  it('decodes an RFC 5987 username* in UTF-8', () => {
    expect(parsed(valid.replace('username="bob"', "username*=UTF-8''J%C3%A4s%C3%B8n%20Doe")).username).toBe('J\u00e4s\u00f8n Doe');
  });

  it.each([
    ['the scheme is not Digest', valid.replace('Digest', 'Basic')],
    ['the scheme has no parameters separator', valid.replace('Digest ', 'Digest,')],
    ['a parameter appears twice', `${valid}, realm="biloxi.com"`],
    ['a parameter appears twice in another case', `${valid}, REALM="other"`],
    ['username is missing', valid.replace('username="bob", ', '')],
    ['realm is missing', valid.replace('realm="biloxi.com", ', '')],
    ['nonce is missing', valid.replace('nonce="abc", ', '')],
    ['uri is missing', valid.replace('uri="sip:bob@biloxi.com", ', '')],
    ['response is missing', valid.replace(`, response="${RESPONSE}"`, '')],
    ['response is not hex', valid.replace(RESPONSE, 'z'.repeat(32))],
    ['response has the wrong length for its algorithm', `${valid}, algorithm=SHA-256`],
    ['qop is given without nc', `${valid}, qop=auth, cnonce="c"`],
    ['qop is given without cnonce', `${valid}, qop=auth, nc=00000001`],
    ['nc is not 8 hex digits', `${valid}, qop=auth, nc=1, cnonce="c"`],
    ['nc is given without qop', `${valid}, nc=00000001`],
    ['a -sess algorithm has no cnonce', `${valid}, algorithm=MD5-sess`],
    ['a quoted string is unterminated', `${valid}, opaque="abc`],
    ['a value is missing', `${valid}, opaque=`],
    ['a comma is missing between parameters', valid.replace('", realm', '" realm')],
    ['a name has no =', `${valid}, opaque`],
    ['a quoted string holds a control character', `${valid}, opaque="a\u0001b"`],
    ['a quoted string escapes a control character', `${valid}, opaque="a\\\u0000b"`],
    ['a quoted string holds DEL', `${valid}, opaque="a\u007fb"`],
    ['a quoted string escapes a line break', `${valid}, opaque="a\\\nb"`],
    ['a quoted string ends in a lone backslash', `${valid}, opaque="ab\\`],
    ['a control character stands between parameters', valid.replace('", realm', '",\u0000realm')],
    ['a control character ends a bare value', `${valid}, opaque=ab\u0001`],
    ['a control character precedes the scheme', `\u0001${valid}`],
    ['username and username* are both present', `${valid}, username*=UTF-8''bob`],
    ['username* is not UTF-8', valid.replace('username="bob"', "username*=ISO-8859-1''J%E4son")],
    ['username* holds an invalid escape', valid.replace('username="bob"', "username*=UTF-8''J%ZZ")],
    ['userhash is not a boolean', `${valid}, userhash=maybe`],
    ['userhash=true but the username is not a hash', `${valid}, userhash=true`],
    ['the header is empty', ''],
    ['the header is only the scheme', 'Digest'],
  ])('rejects as malformed when %s', (_case, header) => {
    const r = rejected(header);
    expect(r.reason).toBe('malformed-credentials');
    expect(r.message.length).toBeGreaterThan(0);
  });

  it('names the offending parameter in its message', () => {
    expect(rejected(`${valid}, realm="x"`).message).toMatch(/realm/);
    expect(rejected(valid.replace('nonce="abc", ', '')).message).toMatch(/nonce is missing/);
    expect(rejected(`${valid}, qop=auth, nc=xyz, cnonce="c"`).message).toMatch(/nc must be 8 hex digits/);
  });

  it('gives every result the same properties, absent ones as undefined', () => {
    const minimal = parsed(valid);
    const full = parsed(`${valid}, algorithm=MD5-sess, qop=auth, nc=00000001, cnonce="c", opaque="o", foo=bar`);
    expect(Object.keys(minimal)).toEqual(Object.keys(full));
    expect(minimal).toMatchObject({ qop: undefined, nc: undefined, cnonce: undefined, opaque: undefined, params: {} });
  });

  it('reads parameters the same whatever their order', () => {
    const forwards = `${valid}, qop=auth, nc=00000001, cnonce="c", opaque="o"`;
    const backwards = 'Digest opaque="o",cnonce="c",nc=00000001,qop=auth,' +
      `response="${RESPONSE}",uri="sip:bob@biloxi.com",nonce="abc",realm="biloxi.com",username="bob"`;
    expect(parsed(backwards)).toEqual(parsed(forwards));
  });

  it('accepts a response in upper-case hex and keeps it in lower case', () => {
    expect(parsed(valid.replace(RESPONSE, RESPONSE.toUpperCase())).response).toBe(RESPONSE);
  });

  it('rejects a qop other than auth or auth-int as qop-unsupported', () => {
    expect(rejected(`${valid}, qop=auth-conf, nc=00000001, cnonce="c"`).reason).toBe('qop-unsupported');
  });

  it('rejects an unknown algorithm as algorithm-unsupported', () => {
    expect(rejected(`${valid}, algorithm=SHA-1`).reason).toBe('algorithm-unsupported');
    expect(rejected(`${valid}, algorithm="AKAv1-MD5"`).reason).toBe('algorithm-unsupported');
  });

  it('refuses headers longer than the limit without scanning them', () => {
    const r = rejected(`${valid}, pad="${'x'.repeat(MAX_HEADER_LENGTH)}"`);
    expect(r.message).toMatch(/longer than/);
  });

  it('refuses values that are not strings instead of throwing', () => {
    for (const bad of [undefined, null, 42, {}, ['Digest']]) {
      expect(parseCredentials(bad as unknown as string)).toMatchObject({ ok: false, reason: 'malformed-credentials' });
    }
  });
});

describe('parseAlgorithm', () => {
  it('maps names in any case to the canonical name and absence to MD5', () => {
    expect(parseAlgorithm(undefined)).toBe('MD5');
    expect(parseAlgorithm('md5-Sess')).toBe('MD5-sess');
    expect(parseAlgorithm('sha-512-256')).toBe('SHA-512-256');
    expect(parseAlgorithm('SHA-1')).toBeUndefined();
    expect(parseAlgorithm('toString')).toBeUndefined();
    expect(parseAlgorithm('\u017Fha-256')).toBeUndefined();
    expect(parseAlgorithm('')).toBeUndefined();
  });
});

describe('formatCredentials', () => {
  it('writes the Digest scheme, quotes strings and leaves tokens bare', () => {
    const header = formatCredentials({
      username: 'bob', userhash: false, realm: 'biloxi.com', nonce: 'n', uri: 'sip:bob@biloxi.com', response: RESPONSE,
      algorithm: 'MD5', qop: 'auth', nc: '00000001', cnonce: 'c"x', params: { foo: 'bar' },
    });
    expect(header).toBe(`Digest username="bob", realm="biloxi.com", nonce="n", uri="sip:bob@biloxi.com", response="${RESPONSE}", ` +
      'algorithm=MD5, qop=auth, nc=00000001, cnonce="c\\"x", foo="bar"');
  });

  it('writes a non-ASCII username as username* so it reads back the same', () => {
    const header = formatCredentials({ ...parsed(valid), username: "J\u00e4s\u00f8n (D'oe)" });
    expect(header).toContain("username*=UTF-8''");
    expect(parsed(header).username).toBe("J\u00e4s\u00f8n (D'oe)");
  });

  it('refuses to write a value containing CR or LF', () => {
    expect(() => formatCredentials({ ...parsed(valid), realm: 'a\r\nVia: x' })).toThrow(/realm must not contain control characters/);
  });
});
