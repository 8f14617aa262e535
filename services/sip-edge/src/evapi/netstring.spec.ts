import { encodeNetstring, NetstringReader } from './netstring';

describe('netstrings', () => {
  it('frames a payload with its byte length, not its character count', () => {
    expect(encodeNetstring('é').toString('utf8')).toBe('2:é,');
  });

  it('returns each payload once it is complete, however the stream is split', () => {
    const stream = Buffer.concat([encodeNetstring('{"a":1}'), encodeNetstring(''), encodeNetstring('héllo')]);
    for (let cut = 0; cut <= stream.length; cut++) {
      const reader = new NetstringReader();
      const got = [...reader.push(stream.subarray(0, cut)), ...reader.push(stream.subarray(cut))];
      expect(got).toEqual(['{"a":1}', '', 'héllo']);
    }
  });

  it('throws on a stream that is not netstrings', () => {
    expect(() => new NetstringReader().push(Buffer.from('abc:def,'))).toThrow(/bad length prefix/);
    expect(() => new NetstringReader().push(Buffer.from('3:abcX'))).toThrow(/trailing comma/);
  });
});
