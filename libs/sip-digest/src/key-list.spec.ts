import { parseKeyList } from './index';

const key32 = Buffer.alloc(32, 7).toString('base64');
const secretLooking = Buffer.alloc(20, 9).toString('base64');

describe('parseKeyList', () => {
  it('reads id:base64 entries in order, current first, tolerating spaces', () => {
    const keys = parseKeyList(` k2:${key32} , k1:${Buffer.alloc(48, 1).toString('base64url')}`, 'SIPAUTH_NONCE_SECRETS');
    expect(keys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(keys[0].key).toEqual(Buffer.alloc(32, 7));
    expect(keys[1].key).toHaveLength(48);
  });

  it.each([
    ['an empty list', '', /must list at least one key/],
    ['an entry without a colon', key32, /entry 1 must have the form id:base64/],
    ['an invalid key id', `a.b:${key32}`, /entry 1 has an invalid key id/],
    ['a repeated key id', `a:${key32},a:${key32}`, /entry 2 repeats key id a/],
    ['a key that is not base64', 'a:not base64!', /entry 1 \(key id a\) is not valid base64/],
    ['a key shorter than 32 bytes', `a:${secretLooking}`, /at least 32 bytes \(got 20\)/],
  ])('refuses %s with an error naming the variable', (_case, text, message) => {
    expect(() => parseKeyList(text, 'SIPAUTH_NONCE_SECRETS')).toThrow(message);
    expect(() => parseKeyList(text, 'SIPAUTH_NONCE_SECRETS')).toThrow(/SIPAUTH_NONCE_SECRETS/);
  });

  it('never echoes key material in its errors', () => {
    for (const text of [`a:${secretLooking}`, secretLooking, `${secretLooking}:${secretLooking}`, `a:${key32}x`]) {
      try {
        parseKeyList(text, 'X');
        throw new Error('expected a failure');
      } catch (e) {
        expect((e as Error).message).not.toContain(secretLooking.slice(0, 8));
        expect((e as Error).message).not.toContain(key32.slice(0, 8));
      }
    }
  });
});
