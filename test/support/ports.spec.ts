import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freeLocalPorts } from './ports';

const ephemeralFloor = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);

describe('freeLocalPorts', () => {
  it('picks ports below the kernel ephemeral range, distinct even when asked for at once', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freeLocalPorts(1)));
    expect(new Set(ports).size).toBe(20);
    for (const port of ports) expect(port).toBeLessThan(ephemeralFloor);
  });

  it('gives the first of consecutive ports that are all free, and the ranges handed out do not overlap', async () => {
    const [a, b] = await Promise.all([freeLocalPorts(3), freeLocalPorts(3)]);
    expect(Math.abs(a - b)).toBeGreaterThanOrEqual(3);
    for (const port of [a, a + 1, a + 2]) {
      const udp = createSocket('udp4');
      await new Promise<void>((resolve, reject) => { udp.once('error', reject); udp.bind(port, '127.0.0.1', resolve); });
      const tcp = createServer();
      await new Promise<void>((resolve, reject) => { tcp.once('error', reject); tcp.listen(port, '127.0.0.1', resolve); });
      await new Promise<void>((r) => udp.close(() => r()));
      await new Promise<void>((r) => tcp.close(() => r()));
    }
  });

  it('skips a port that something holds', async () => {
    const held = await freeLocalPorts(1);
    const tcp = createServer();
    await new Promise<void>((resolve) => tcp.listen(held + 1, '127.0.0.1', resolve));
    try {
      const next = await freeLocalPorts(1);
      expect(next).not.toBe(held + 1);
    } finally {
      await new Promise<void>((r) => tcp.close(() => r()));
    }
  });
});
