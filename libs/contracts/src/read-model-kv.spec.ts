import { decodeActivePointer, decodeKvJson, readActivePointer, type KvValueEntry } from './read-model-kv';

const put = (key: string, text: string): KvValueEntry => ({ key, operation: 'PUT', value: new TextEncoder().encode(text) });

describe('read-model KV decoding', () => {
  it('decodes a PUT and treats absent, deleted and purged keys as absent', () => {
    expect(decodeKvJson(put('k', '{"a":1}'))).toEqual({ a: 1 });
    expect(decodeKvJson(null)).toBeUndefined();
    expect(decodeKvJson({ key: 'k', operation: 'DEL', value: new Uint8Array() })).toBeUndefined();
    expect(decodeKvJson({ key: 'k', operation: 'PURGE', value: new Uint8Array() })).toBeUndefined();
  });

  it('refuses a corrupt value naming the key rather than passing it off as absent', () => {
    expect(() => decodeKvJson(put('acct.a.trunk.t', '{'))).toThrow(/acct\.a\.trunk\.t: the value is not valid JSON/);
    expect(() => decodeKvJson({ key: 'k', operation: 'PUT', value: new Uint8Array([0x22, 0xff, 0x22]) })).toThrow(/not valid UTF-8/);
  });

  it('checks the shape of the active pointer', () => {
    expect(decodeActivePointer(put('active', '{"bucket":"ns_rm_2","generation":2,"activatedAt":"x"}'))).toMatchObject({ bucket: 'ns_rm_2', generation: 2 });
    expect(() => decodeActivePointer(put('active', '{"generation":2}'))).toThrow(/not a read-model pointer/);
  });

  it('reads the pointer with its revision, or undefined before the projection wrote one', async () => {
    const entry = { ...put('active', '{"bucket":"ns_rm_1","generation":1,"activatedAt":"x"}'), revision: 7 };
    await expect(readActivePointer({ get: async () => entry as never })).resolves.toMatchObject({ active: { generation: 1 }, kvRevision: 7 });
    await expect(readActivePointer({ get: async () => null })).resolves.toBeUndefined();
  });
});
