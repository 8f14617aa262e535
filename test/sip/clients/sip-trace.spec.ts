import { callOutcome, digestAlgorithm, tracedMessages } from './sip-trace';

// Shaped like baresip -s output; linphonec -d 6 and sipsak -vvv print the same lines between log lines.
const TRACE = `call: connecting to 'sip:15550100@acme.test'..
#
UDP 127.0.0.1:5070 -> 127.0.0.1:5060
INVITE sip:15550100@acme.test SIP/2.0
Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1;rport
CSeq: 10 INVITE
Content-Length: 0

#
SIP/2.0 407 Proxy Authentication Required
Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1;rport=5070
CSeq: 10 INVITE
Proxy-Authenticate: Digest realm="sipauth.test", nonce="n1", qop="auth", algorithm=MD5
Proxy-Authenticate: Digest realm="sipauth.test", nonce="n2", qop="auth", algorithm=SHA-256

\x1b[31mINVITE sip:15550100@acme.test SIP/2.0
Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK2;rport
CSeq: 11 INVITE
Proxy-Authorization: Digest username="alice", realm="sipauth.test", nonce="n2", uri="sip:15550100@acme.test", algorithm="sha-256", response="00"
Content-Type: application/sdp

v=0
2026-11-30 01:29:30:225 liblinphone-message-something in between
SIP/2.0 200 OK
CSeq: 11 INVITE
m: <sip:127.0.0.1:6000;transport=UDP>

ACK sip:127.0.0.1:6000;transport=UDP SIP/2.0
CSeq: 11 ACK
Proxy-Authorization: Digest username="alice", nonce="n2", response="00"

BYE sip:127.0.0.1:6000;transport=UDP SIP/2.0
CSeq: 12 BYE

SIP/2.0 200 OK
CSeq: 12 BYE
`;

describe('reading a SIP client trace', () => {
  it('finds each message with its start line and headers, compact names expanded, colour codes ignored', () => {
    const messages = tracedMessages(TRACE);
    expect(messages.map((m) => m.method ?? m.status)).toEqual(['INVITE', 407, 'INVITE', 200, 'ACK', 'BYE', 200]);
    expect(messages[1].headers.get('proxy-authenticate')).toHaveLength(2);
    expect(messages[3].headers.get('contact')).toEqual(['<sip:127.0.0.1:6000;transport=UDP>']);
  });

  it('tells the offered algorithms, the one the client answered with, who answered, and the ACK and BYE', () => {
    expect(callOutcome('test', TRACE)).toMatchObject({
      answered: true, finalStatus: 200, offered: ['MD5', 'SHA-256'], algorithm: 'SHA-256', credentialedInvites: 1,
      answeredBy: '<sip:127.0.0.1:6000;transport=UDP>', ackCarriedCredentials: true, byeAnswered: true,
    });
  });

  it('reports a refused call: no 200, the final status, no ACK credentials, no BYE', () => {
    const refused = TRACE.replace('SIP/2.0 200 OK\nCSeq: 11 INVITE', 'SIP/2.0 403 Forbidden\nCSeq: 11 INVITE').split('ACK sip:')[0];
    expect(callOutcome('test', refused)).toMatchObject({
      answered: false, finalStatus: 403, answeredBy: undefined, ackCarriedCredentials: false, byeAnswered: false,
    });
  });

  it('takes a Digest value without algorithm as MD5 (RFC 2617) and reads quoted or unquoted names in any case', () => {
    expect(digestAlgorithm('Digest realm="r", nonce="n"')).toBe('MD5');
    expect(digestAlgorithm('Digest algorithm="sha-256", nonce="n"')).toBe('SHA-256');
    expect(digestAlgorithm('Digest nonce="n", algorithm=SHA-512-256')).toBe('SHA-512-256');
  });
});
