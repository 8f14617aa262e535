import { decodePayload, MAX_PAYLOAD_BYTES } from './request-payload';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('decodePayload', () => {
  it('parses JSON, small or large, strings holding brackets and escaped quotes included', () => {
    expect(decodePayload(bytes('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
    const body = `${'[{'.repeat(20_000)}\\"]}`;
    expect(decodePayload(bytes(JSON.stringify({ body })))).toEqual({ ok: true, value: { body } });
  });

  it.each([['{nope'], [''], ['{"a":1}}']])('refuses %j as not valid JSON', (text) => {
    expect(decodePayload(bytes(text))).toEqual({ ok: false, message: 'the request is not valid JSON' });
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['a truncated two-byte sequence', [0xc3]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
  ])('refuses a string holding %s as not valid UTF-8 instead of reading U+FFFD', (_name, invalid) => {
    const data = Buffer.concat([bytes('{"username":"al'), Buffer.from(invalid), bytes('ice"}')]);
    expect(decodePayload(data)).toEqual({ ok: false, message: 'the request is not valid UTF-8' });
  });

  it('reads multi-byte UTF-8 as it is', () => {
    expect(decodePayload(bytes('{"username":"zoë-名前-😀"}'))).toEqual({ ok: true, value: { username: 'zoë-名前-😀' } });
  });

  it('refuses deep nesting in a large payload before parsing it', () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      expect(decodePayload(bytes(`{"a":${'['.repeat(500_000)}${']'.repeat(500_000)}}`))).toMatchObject({ ok: false, message: /nests deeper/ });
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses a payload larger than any request without reading it', () => {
    expect(decodePayload(new Uint8Array(MAX_PAYLOAD_BYTES + 1))).toMatchObject({ ok: false, message: /larger than/ });
  });
});
