/**
 * Free local ports for the processes tests start (SIP elements, nats-server, the services' HTTP
 * listeners), without racing the kernel.
 */
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Ports come from below the kernel's ephemeral range (`ip_local_port_range`). A port the kernel picked
 * with bind(0) is ephemeral, so any process's next outgoing connection may take it between our check
 * and the child's own bind (it happened: baresip exited with EADDRINUSE in CI). Below the range the
 * kernel never hands a port out by itself. Each jest worker walks its own slice, so parallel test
 * files never pick the same port; each port is checked free (UDP, and TCP unless told otherwise) and
 * not picked again until the slice wraps around.
 */
const PORT_FLOOR = 10_000;
const SLICE = 2_000;
const portSlice = (() => {
  let ceiling = 32_768;
  try {
    ceiling = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || ceiling;
  } catch { /* not Linux: the usual floor of the range */ }
  const slices = Math.max(1, Math.floor((ceiling - PORT_FLOOR) / SLICE));
  const worker = Number(process.env.JEST_WORKER_ID ?? process.pid);
  const first = PORT_FLOOR + (worker % slices) * SLICE;
  return { first, next: first + Math.floor(Math.random() * SLICE) };
})();

const udpFree = (port: number) => new Promise<boolean>((resolve) => {
  const udp = createSocket('udp4');
  udp.once('error', () => { udp.close(); resolve(false); });
  udp.bind(port, '127.0.0.1', () => udp.close(() => resolve(true)));
});
const tcpFree = (port: number) => new Promise<boolean>((resolve) => {
  const srv = createServer();
  srv.once('error', () => resolve(false));
  srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
});

/**
 * The first port of `count` consecutive ports free on 127.0.0.1, each for UDP and (with `tcp`) TCP,
 * from this worker's slice below the ephemeral range.
 */
export async function freeLocalPorts(count = 1, { tcp = true } = {}): Promise<number> {
  for (let tries = 0; tries < SLICE; tries++) {
    if (portSlice.next + count > portSlice.first + SLICE) portSlice.next = portSlice.first;
    const port = portSlice.next;
    portSlice.next += count;
    let free = true;
    for (let p = port; free && p < port + count; p++) free = (await udpFree(p)) && (!tcp || (await tcpFree(p)));
    if (free) return port;
  }
  throw new Error(`no ${count} consecutive free ports in ${portSlice.first}–${portSlice.first + SLICE - 1}`);
}

/** A port free for both UDP and TCP on 127.0.0.1 (SIP listens on both). */
export function freeSipPort(): Promise<number> {
  return freeLocalPorts(1);
}
