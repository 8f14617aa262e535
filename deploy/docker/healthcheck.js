#!/usr/bin/env node
// Container HEALTHCHECK: asks the service in this container (SERVICE) on its own HTTP port whether it
// is ready. Exits 0 when it answers 2xx within the timeout, 1 otherwise.
const http = require('node:http');

const probes = {
  'config-service': { port: process.env.CONFIG_HTTP_PORT || 8080, path: '/readyz' },
  'projection-service': { port: process.env.PROJECTION_HTTP_PORT || 9465, path: '/readyz' },
  'sip-auth-worker': { port: process.env.WORKER_HTTP_PORT || 9464, path: '/readyz' },
  'sip-edge': { port: process.env.SIP_EDGE_HTTP_PORT || 9466, path: '/readyz' },
};
const probe = probes[process.env.SERVICE];
if (!probe) {
  console.error(`unknown SERVICE ${process.env.SERVICE}`);
  process.exit(1);
}
// 2.5 s fits Docker's --timeout=3s; HEALTHCHECK_TIMEOUT_MS lets a test on a loaded machine wait longer.
const timeout = Number(process.env.HEALTHCHECK_TIMEOUT_MS) || 2500;
const req = http.get({ host: '127.0.0.1', port: probe.port, path: probe.path, timeout }, (res) => {
  res.resume();
  process.exit(res.statusCode >= 200 && res.statusCode < 300 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timeout')));
req.on('error', () => process.exit(1));
