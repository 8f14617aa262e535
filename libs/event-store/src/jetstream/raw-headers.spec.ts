import type { JsMsg } from 'nats';
import { integerHeader, rawHeaderBlock } from './raw-headers';

const block = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('reading one header from a raw NATS header block', () => {
  const stored = block('NATS/1.0\r\nSipauth-Stream: trunk-1\r\nSipauth-Revision: 41\r\nSipauth-Count: 1\r\nNats-Msg-Id: abc\r\n\r\n');

  it('reads a decimal header value', () => {
    expect(integerHeader(stored, 'Sipauth-Revision')).toBe(41);
    expect(integerHeader(stored, 'Sipauth-Count')).toBe(1);
    expect(integerHeader(block('NATS/1.0\r\nSipauth-Revision:0\r\n\r\n'), 'Sipauth-Revision')).toBe(0);
  });

  it('says nothing when the header is absent, spelled otherwise, or not a plain decimal', () => {
    expect(integerHeader(stored, 'Sipauth-Missing')).toBeUndefined();
    expect(integerHeader(block('NATS/1.0\r\nsipauth-revision: 4\r\n\r\n'), 'Sipauth-Revision')).toBeUndefined();
    expect(integerHeader(block('NATS/1.0\r\nSipauth-Revision: 4x\r\n\r\n'), 'Sipauth-Revision')).toBeUndefined();
    expect(integerHeader(block('NATS/1.0\r\nSipauth-Revision: -4\r\n\r\n'), 'Sipauth-Revision')).toBeUndefined();
    expect(integerHeader(block('NATS/1.0\r\nSipauth-Revision: \r\n\r\n'), 'Sipauth-Revision')).toBeUndefined();
    expect(integerHeader(block('NATS/1.0\r\nSipauth-Revision: 99999999999999999999\r\n\r\n'), 'Sipauth-Revision')).toBeUndefined();
  });

  it('does not take a header whose name merely ends like the one asked for', () => {
    expect(integerHeader(block('NATS/1.0\r\nX-Sipauth-Revision: 7\r\n\r\n'), 'Sipauth-Revision')).toBeUndefined();
  });

  it('finds no block on a message that does not have the nats.js 2.x shape, so callers use the public headers', () => {
    expect(rawHeaderBlock({} as JsMsg)).toBeUndefined();
    expect(rawHeaderBlock({ msg: { _rdata: 'text', _msg: { hdr: 4 } } } as unknown as JsMsg)).toBeUndefined();
    const noPreamble = { msg: { _rdata: block('HTTP/1.1\r\n\r\npayload'), _msg: { hdr: 12 } } } as unknown as JsMsg;
    expect(rawHeaderBlock(noPreamble)).toBeUndefined();
    const withHeaders = { msg: { _rdata: block('NATS/1.0\r\nA: 1\r\n\r\npayload'), _msg: { hdr: 18 } } } as unknown as JsMsg;
    expect(rawHeaderBlock(withHeaders)?.toString('latin1')).toBe('NATS/1.0\r\nA: 1\r\n\r\n');
  });
});
