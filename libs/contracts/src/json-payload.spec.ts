import { decodeJsonPayload, isJsonObject } from './json-payload';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeJsonPayload', () => {
  it('decodes JSON given as bytes or as text', () => {
    expect(decodeJsonPayload(bytes('{"a":[1]}'))).toEqual({ ok: true, value: { a: [1] } });
    expect(decodeJsonPayload('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } });
  });

  it('tells invalid UTF-8 from malformed JSON', () => {
    expect(decodeJsonPayload(new Uint8Array([0x7b, 0xff, 0x7d]))).toMatchObject({ ok: false, problem: 'not-utf8' });
    expect(decodeJsonPayload(bytes('{'))).toMatchObject({ ok: false, problem: 'not-json' });
  });

  it('applies no size or depth guard unless asked', () => {
    const deep = `${'['.repeat(40_000)}${']'.repeat(40_000)}`;
    expect(decodeJsonPayload(bytes(deep))).toMatchObject({ ok: true });
    expect(decodeJsonPayload(bytes(deep), { maxDepth: 8 })).toMatchObject({ ok: false, problem: 'too-deep' });
    expect(decodeJsonPayload(bytes('[1,2,3]'), { maxBytes: 4 })).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('does not count brackets inside strings as nesting', () => {
    const text = JSON.stringify({ s: '['.repeat(40_000) });
    expect(decodeJsonPayload(bytes(text), { maxDepth: 2 })).toMatchObject({ ok: true });
  });
});

describe('isJsonObject', () => {
  it('accepts objects only, not arrays or null', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonObject('x')).toBe(false);
  });
});
