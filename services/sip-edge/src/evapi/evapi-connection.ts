/**
 * The bridge's TCP connection to Kamailio's evapi socket: reconnects (with a short back-off) for as
 * long as the bridge runs, since Kamailio may restart; Kamailio itself answers 503 for transactions
 * a lost connection leaves unanswered (its fr timer).
 */
import { Socket, createConnection } from 'node:net';
import { encodeNetstring, NetstringReader } from './netstring';

export interface EvapiConnectionOptions {
  host: string;
  port: number;
  onMessage(payload: string): void;
  onLog(level: 'info' | 'warn', message: string): void;
}

export class EvapiConnection {
  private socket?: Socket;
  private connected = false;
  private closed = false;
  private retry?: NodeJS.Timeout;
  private pending: Buffer[] = [];
  private flushScheduled = false;

  constructor(private readonly opts: EvapiConnectionOptions) {}

  get isConnected(): boolean {
    return this.connected;
  }

  /** Starts connecting; resolves once connected for the first time. */
  start(): Promise<void> {
    return new Promise((resolve) => {
      const attempt = (delay: number): void => {
        if (this.closed) return resolve();
        const reader = new NetstringReader();
        const socket = createConnection({ host: this.opts.host, port: this.opts.port, noDelay: true });
        this.socket = socket;
        socket.on('connect', () => {
          this.connected = true;
          this.opts.onLog('info', `connected to evapi ${this.opts.host}:${this.opts.port}`);
          resolve();
        });
        socket.on('data', (chunk) => {
          let payloads: string[];
          try {
            payloads = reader.push(chunk);
          } catch (err) {
            this.opts.onLog('warn', `evapi stream broken (${(err as Error).message}): reconnecting`);
            socket.destroy();
            return;
          }
          for (const p of payloads) this.opts.onMessage(p);
        });
        socket.on('error', () => undefined);
        socket.on('close', () => {
          if (this.connected) this.opts.onLog('warn', 'evapi connection closed: reconnecting');
          this.connected = false;
          if (this.closed) return;
          const next = Math.min(delay * 2, 1000);
          this.retry = setTimeout(() => attempt(next), delay);
        });
      };
      attempt(50);
    });
  }

  /** Queues one framed message; all messages of one event-loop turn go out in a single write. */
  send(payload: string): void {
    if (!this.connected || !this.socket) return;
    this.pending.push(encodeNetstring(payload));
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const batch = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
      this.pending = [];
      if (this.connected) this.socket?.write(batch);
    });
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.socket?.destroy();
    this.connected = false;
  }
}
