/**
 * The bridge's TCP connection to Kamailio's evapi socket: reconnects (with a short back-off) for as
 * long as the bridge runs, since Kamailio may restart; Kamailio itself answers 503 for transactions
 * a lost connection leaves unanswered (its fr timer).
 */
import { Socket, createConnection } from 'node:net';
import { Batcher } from '../bridge/batcher';
import { encodeEvapiFrame, NetstringReader } from './netstring';

export interface EvapiConnectionOptions {
  host: string;
  port: number;
  onMessage(payload: string): void;
  onLog(level: 'info' | 'warn', message: string): void;
  /** Batch window of answer writes (ms; 0: one write per event-loop turn). */
  batchMs?: number;
}

export class EvapiConnection {
  private socket?: Socket;
  private connected = false;
  private closed = false;
  private retry?: NodeJS.Timeout;
  private readonly outbox: Batcher<Buffer>;

  constructor(private readonly opts: EvapiConnectionOptions) {
    this.outbox = new Batcher(opts.batchMs ?? 0, (frames) => {
      if (this.connected) this.socket?.write(frames.length === 1 ? frames[0] : Buffer.concat(frames));
    });
  }

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

  /** Queues one framed message; the messages of one batch window go out in a single write. */
  send(payload: string): void {
    if (this.connected && this.socket) this.outbox.push(encodeEvapiFrame(payload));
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.socket?.destroy();
    this.connected = false;
  }
}
