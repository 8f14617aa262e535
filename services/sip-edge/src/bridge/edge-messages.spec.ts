import { answerFor, decodeQuestion, unavailable } from './edge-messages';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('edge messages', () => {
  it('decodes the base64 fields of a question into an authorize request with the Via branch as transactionId', () => {
    const q = decodeQuestion(JSON.stringify({
      tindex: 12, tlabel: 34, sourceIp: '127.0.0.1', method: b64('INVITE'), domain: b64('trunk.example'),
      requestUri: b64('sip:+1555@trunk.example'), transactionId: b64('z9hG4bK-1'),
      authorization: b64('Digest username="alice", realm="r"'),
    }));
    expect(q).toEqual({
      tindex: 12, tlabel: 34,
      request: {
        domain: 'trunk.example', sourceIp: '127.0.0.1', method: 'INVITE', requestUri: 'sip:+1555@trunk.example',
        transactionId: 'z9hG4bK-1', authorization: 'Digest username="alice", realm="r"',
      },
    });
  });

  it('rejects a question without its transaction identifiers', () => {
    expect(() => decodeQuestion('{"tlabel":1,"sourceIp":"1.2.3.4"}')).toThrow(/tindex and tlabel/);
    expect(() => decodeQuestion('nope')).toThrow();
  });

  it('answers a challenge with one Proxy-Authenticate line per value, in order', () => {
    const a = answerFor({ tindex: 1, tlabel: 2 }, { decision: 'challenge', status: 407, reason: 'challenge', proxyAuthenticate: ['Digest a=1', 'Digest b=2'] });
    expect(a).toEqual({ tindex: 1, tlabel: 2, code: 407, hdrs: 'Proxy-Authenticate: Digest a=1\r\nProxy-Authenticate: Digest b=2\r\n' });
  });

  it('never lets a header value split the reply', () => {
    const a = answerFor({ tindex: 1, tlabel: 2 }, { decision: 'challenge', status: 407, reason: 'challenge', proxyAuthenticate: ['Digest a=1\r\nX: y', 'Digest b=2'] });
    expect(a.hdrs).toBe('Proxy-Authenticate: Digest b=2\r\n');
  });

  it('forwards an allow, maps denials to 403 or 404 and answers 503 when the worker gives nothing usable', () => {
    expect(answerFor({ tindex: 1, tlabel: 2 }, { decision: 'allow', status: 200, reason: 'ip-allowed' }).code).toBe(200);
    expect(answerFor({ tindex: 1, tlabel: 2 }, { decision: 'deny', status: 404, reason: 'unknown-trunk' }).code).toBe(404);
    expect(answerFor({ tindex: 1, tlabel: 2 }, { decision: 'deny', status: 403, reason: 'bad-response' }).code).toBe(403);
    expect(answerFor({ tindex: 1, tlabel: 2 }, { decision: 'challenge', status: 407, reason: 'challenge' }).code).toBe(503);
    expect(unavailable({ tindex: 1, tlabel: 2 })).toEqual({ tindex: 1, tlabel: 2, code: 503 });
  });
});
