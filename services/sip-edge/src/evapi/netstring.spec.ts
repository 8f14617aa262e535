import { encodeEvapiFrame, encodeNetstring, EVAPI_FRAME_GRID, NetstringReader } from './netstring';

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

  it('pads an evapi frame to a multiple of the grid with JSON whitespace, whatever the payload\'s length', () => {
    for (let n = 0; n < 2000; n++) {
      const answer = { tindex: n, tlabel: 1, code: 407, hdrs: `Proxy-Authenticate: ${'é'.repeat(n % 3)}${'x'.repeat(n)}\r\n` };
      const frame = encodeEvapiFrame(JSON.stringify(answer));
      expect(frame.length % EVAPI_FRAME_GRID).toBe(0);
      const [payload] = new NetstringReader().push(frame);
      expect(JSON.parse(payload)).toEqual(answer);
    }
    expect(encodeEvapiFrame('[1]').length % EVAPI_FRAME_GRID).toBe(0);
  });

  it('refuses to pad a payload that is not a JSON object or array', () => {
    expect(() => encodeEvapiFrame('"text"')).toThrow(/JSON object or array/);
  });
});
