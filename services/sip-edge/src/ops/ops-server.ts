/** /healthz, /readyz (connected to Kamailio and NATS) and /metrics in Prometheus text format. */
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BridgeCounters } from '../bridge/auth-bridge';

export interface OpsSource {
  ready(): boolean;
  counters: BridgeCounters;
}

function metrics(c: BridgeCounters): string {
  const lines = [
    '# HELP sip_edge_questions_total Questions received from Kamailio.',
    '# TYPE sip_edge_questions_total counter',
    `sip_edge_questions_total ${c.questions}`,
    '# HELP sip_edge_answers_total Answers sent to Kamailio, by SIP code (200 = forwarded).',
    '# TYPE sip_edge_answers_total counter',
    ...Object.entries(c.answers).map(([code, n]) => `sip_edge_answers_total{code="${code}"} ${n}`),
    '# HELP sip_edge_unanswered_total Questions the worker did not answer in time (answered 503).',
    '# TYPE sip_edge_unanswered_total counter',
    `sip_edge_unanswered_total ${c.unanswered}`,
    '# HELP sip_edge_malformed_total Messages from Kamailio that were not a question.',
    '# TYPE sip_edge_malformed_total counter',
    `sip_edge_malformed_total ${c.malformed}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Starts the ops HTTP server on `port` (0: a free one); resolves it with its bound port. */
export function startOpsServer(port: number, source: OpsSource): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (req.url === '/healthz') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    if (req.url === '/readyz') {
      const ready = source.ready();
      return void res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ready }));
    }
    if (req.url === '/metrics') {
      return void res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'cache-control': 'no-store' }).end(metrics(source.counters));
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}
