/**
 * A few hand-written SIP messages over UDP, for edge cases sipp scenarios express badly: a request
 * sent to two edges with the same branch, a To tag without a Route, OPTIONS. The UAS answers every
 * request 200 (copying Record-Route) and keeps what it received, so a test sees what was forwarded.
 */
import { createSocket, Socket } from 'node:dgram';
import { randomBytes } from 'node:crypto';

export interface SipResponse {
  status: number;
  raw: string;
  header(name: string): string[];
}

function headersOf(raw: string): (name: string) => string[] {
  const lines = raw.split('\r\n\r\n')[0].split('\r\n').slice(1);
  return (name) => lines.filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)).map((l) => l.slice(name.length + 1).trim());
}

export interface RequestSpec {
  method: string;
  domain: string;
  /** Request-URI; default `sip:15550100@<domain>`. */
  uri?: string;
  /** Default a fresh one; reuse it to send a retransmission. */
  branch?: string;
  callId?: string;
  cseq?: number;
  toTag?: string;
  route?: string;
  proxyAuthorization?: string;
}

export const newBranch = () => `z9hG4bK-${randomBytes(6).toString('hex')}`;

/** A UDP SIP client on a free local port. */
export class SipUdpClient {
  private readonly socket: Socket = createSocket('udp4');
  private readonly waiting = new Map<string, (r: SipResponse) => void>();
  readonly callId = `${randomBytes(6).toString('hex')}@127.0.0.1`;

  static async open(): Promise<SipUdpClient> {
    const c = new SipUdpClient();
    await new Promise<void>((r) => c.socket.bind(0, '127.0.0.1', () => r()));
    c.socket.on('message', (buf) => {
      const raw = buf.toString('utf8');
      const m = /^SIP\/2\.0 (\d{3})/.exec(raw);
      const branch = /branch=([^;\r\n,]+)/i.exec(raw)?.[1];
      const method = /^CSeq:\s*\d+\s+(\S+)/im.exec(raw)?.[1];
      if (!m || !branch) return;
      const status = Number(m[1]);
      if (status < 200) return;
      // A CANCEL shares its INVITE's branch: responses are told apart by their CSeq method.
      c.waiting.get(`${branch} ${method}`)?.({ status, raw, header: headersOf(raw) });
    });
    return c;
  }

  get port(): number {
    return this.socket.address().port;
  }

  message(spec: RequestSpec & { branch: string }): string {
    const uri = `sip:15550100@${spec.domain}`;
    return [
      `${spec.method} ${spec.uri ?? uri} SIP/2.0`,
      `Via: SIP/2.0/UDP 127.0.0.1:${this.port};branch=${spec.branch};rport`,
      ...(spec.route ? [`Route: ${spec.route}`] : []),
      'Max-Forwards: 70',
      `From: <sip:caller@127.0.0.1>;tag=c${this.port}`,
      `To: <${uri}>${spec.toTag ? `;tag=${spec.toTag}` : ''}`,
      `Call-ID: ${spec.callId ?? this.callId}`,
      `CSeq: ${spec.cseq ?? 1} ${spec.method}`,
      `Contact: <sip:caller@127.0.0.1:${this.port}>`,
      ...(spec.proxyAuthorization ? [`Proxy-Authorization: ${spec.proxyAuthorization}`] : []),
      'Content-Length: 0',
      '', '',
    ].join('\r\n');
  }

  /**
   * Sends the request to `port` (`copies` times: the later ones are retransmissions, same branch) and
   * resolves its final response (an ACK follows a non-2xx INVITE answer).
   */
  async request(port: number, spec: RequestSpec, copies = 1, timeoutMs = 5000): Promise<SipResponse> {
    const branch = spec.branch ?? newBranch();
    const text = this.message({ ...spec, branch });
    const final = new Promise<SipResponse>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no final response to ${spec.method} within ${timeoutMs} ms`)), timeoutMs);
      const key = `${branch} ${spec.method}`;
      this.waiting.set(key, (r) => { clearTimeout(timer); this.waiting.delete(key); resolve(r); });
    });
    for (let i = 0; i < copies; i++) this.socket.send(text, port, '127.0.0.1');
    const response = await final;
    if (spec.method === 'INVITE' && response.status >= 300) {
      const toTag = /;tag=([^;\r\n>]+)/.exec(response.header('To')[0] ?? '')?.[1];
      this.socket.send(this.message({ ...spec, method: 'ACK', branch, toTag, proxyAuthorization: undefined }), port, '127.0.0.1');
    }
    return response;
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * A UAS that answers every request 200 OK and records what it received; an INVITE to the user
 * `ring` only rings (180) until its CANCEL, which it answers 200, then the INVITE 487.
 */
export class RecordingUas {
  readonly received: string[] = [];
  private readonly ringing = new Map<string, (name: string) => string[]>();
  private constructor(private readonly socket: Socket) {}

  static async start(): Promise<RecordingUas> {
    const socket = createSocket('udp4');
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
    const uas = new RecordingUas(socket);
    socket.on('message', (buf, from) => {
      const raw = buf.toString('utf8');
      if (/^SIP\/2\.0/.test(raw)) return;
      uas.received.push(raw);
      if (raw.startsWith('ACK ')) return;
      const h = headersOf(raw);
      const respond = (status: string, headers: (n: string) => string[]) => {
        const copy = (n: string) => headers(n).map((v) => `${n}: ${v}`);
        const to = headers('To')[0];
        socket.send([
          `SIP/2.0 ${status}`, ...copy('Via'), ...copy('Record-Route'), ...copy('From'), `To: ${to}${/;tag=/.test(to) ? '' : ';tag=uas1'}`,
          ...copy('Call-ID'), ...copy('CSeq'), `Contact: <sip:uas@127.0.0.1:${uas.port}>`, 'Content-Length: 0', '', '',
        ].join('\r\n'), from.port, from.address);
      };
      const callId = h('Call-ID')[0];
      if (raw.startsWith('INVITE sip:ring@')) {
        uas.ringing.set(callId, h);
        return respond('180 Ringing', h);
      }
      respond('200 OK', h);
      const invite = raw.startsWith('CANCEL ') ? uas.ringing.get(callId) : undefined;
      if (invite) {
        uas.ringing.delete(callId);
        respond('487 Request Terminated', invite);
      }
    });
    return uas;
  }

  get port(): number {
    return this.socket.address().port;
  }

  close(): void {
    this.socket.close();
  }
}
