/**
 * CidrMatcher among 100,000 IPv4 and 100,000 IPv6 ranges: build time and lookup cost (text source,
 * parsed on every call, and a pre-parsed source), as medians of several repeats. Target ≤ 2 µs/op.
 * Inputs come from a seeded generator, so every run measures the same work.
 */
import { CidrMatcher, formatSourceIp, parseSourceIp, type SourceIp } from '@sipauth/ip-acl-match';
import { median } from './support/stats';

const RANGES_PER_FAMILY = 100_000;
const LOOKUPS = 200_000;
const REPEATS = 7;
const BUILD_REPEATS = 3;

/** mulberry32: small, seeded, good enough to spread addresses. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20_260_101);
const word = (): number => Math.floor(random() * 4294967296);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const v4 = (w0: number): SourceIp => ({ family: 4, w0, w1: 0, w2: 0, w3: 0, mapped: false });
const v6 = (w0: number, w1: number, w2: number, w3: number): SourceIp => ({ family: 6, w0, w1, w2, w3, mapped: false });

interface Range { src: SourceIp; prefix: number }

/**
 * Prefixes weighted as customer ACLs are: mostly hosts and small subnets, a few wide blocks. Ranges
 * live in 1.0.0.0–127.255.255.255 and 2001::/16 so that random probes elsewhere miss.
 */
function ipv4Ranges(): Range[] {
  return Array.from({ length: RANGES_PER_FAMILY }, () => {
    const prefix = random() < 0.001 ? pick([8, 10, 12]) : pick([16, 20, 22, 24, 24, 26, 28, 29, 30, 32, 32, 32, 32]);
    return { src: v4(((1 + Math.floor(random() * 127)) * 2 ** 24 + (word() & 0xffffff)) >>> 0), prefix };
  });
}

function ipv6Ranges(): Range[] {
  return Array.from({ length: RANGES_PER_FAMILY }, () => ({
    src: v6((0x20010000 | (word() & 0xffff)) >>> 0, word(), word(), word()),
    prefix: pick([32, 40, 48, 48, 56, 64, 64, 64, 96, 112, 128, 128, 128]),
  }));
}

const missV4 = (): SourceIp => v4((128 + Math.floor(random() * 96)) * 2 ** 24 + (word() & 0xffffff));
const missV6 = (): SourceIp => v6((0x2a000000 | (word() & 0xffffff)) >>> 0, word(), word(), word());

const text = (r: Range): string => `${formatSourceIp(r.src)}/${r.prefix}`;

/** An address inside the range: its network bits, random host bits. */
function inside(r: Range): SourceIp {
  const words = [r.src.w0, r.src.w1, r.src.w2, r.src.w3];
  const host = words.map((w, i) => {
    const kept = Math.max(0, Math.min(32, r.prefix - 32 * i));
    const mask = kept === 0 ? 0 : (0xffffffff << (32 - kept)) >>> 0;
    return ((w & mask) | (word() & ~mask)) >>> 0;
  });
  return r.src.family === 4 ? v4(host[0]) : v6(host[0], host[1], host[2], host[3]);
}

/** Half hits, half misses; a third each IPv4, IPv6, IPv4-mapped. */
function queries(four: Range[], six: Range[]): string[] {
  return Array.from({ length: LOOKUPS }, (_, i) => {
    const kind = i % 3;
    const hit = random() < 0.5;
    if (kind === 1) {
      return formatSourceIp(hit ? inside(pick(six)) : missV6());
    }
    const address = formatSourceIp(hit ? inside(pick(four)) : missV4());
    return kind === 0 ? address : `::ffff:${address}`;
  });
}

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const cpuMs = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/** Wall and CPU time per operation in µs; CPU time is the steadier figure on a shared machine. */
interface Timing { wall: number; cpu: number }

function timed(operations: number, run: () => void): Timing {
  const cpu = process.cpuUsage();
  const wall = process.hrtime.bigint();
  run();
  return { wall: (ms(wall) * 1000) / operations, cpu: (cpuMs(cpu) * 1000) / operations };
}

const medians = (runs: Timing[]): string =>
  `median ${median(runs.map((r) => r.wall)).toFixed(3)} µs/op wall, ${median(runs.map((r) => r.cpu)).toFixed(3)} µs/op CPU`;

function build(fourTexts: string[], sixTexts: string[]): { matcher: CidrMatcher<number>; timing: Timing } {
  const matcher = new CidrMatcher<number>();
  const timing = timed(1000, () => {
    fourTexts.forEach((t, i) => matcher.add(t, i));
    sixTexts.forEach((t, i) => matcher.add(t, RANGES_PER_FAMILY + i));
  });
  return { matcher, timing };
}

function main(): void {
  const four = ipv4Ranges();
  const six = ipv6Ranges();
  const fourTexts = four.map(text);
  const sixTexts = six.map(text);

  const builds: Timing[] = [];
  let matcher = new CidrMatcher<number>();
  for (let i = 0; i < BUILD_REPEATS; i++) ({ matcher, timing: builds[i] } = build(fourTexts, sixTexts));

  const probes = queries(four, six);
  const parsed = probes.map((p) => parseSourceIp(p)!);
  let hits = 0;
  const timeText = (): Timing => timed(probes.length, () => {
    for (let i = 0; i < probes.length; i++) if (matcher.lookup(probes[i]) !== undefined) hits++;
  });
  const timeParsed = (): Timing => timed(parsed.length, () => {
    for (let i = 0; i < parsed.length; i++) if (matcher.lookupParsed(parsed[i]) !== undefined) hits++;
  });
  timeText();
  timeParsed();
  hits = 0;
  const textRuns = Array.from({ length: REPEATS }, timeText);
  const parsedRuns = Array.from({ length: REPEATS }, timeParsed);

  console.log(`ranges: ${matcher.size} distinct (${RANGES_PER_FAMILY} IPv4 + ${RANGES_PER_FAMILY} IPv6 added, mixed prefixes)`);
  console.log(`build (parse + insert 200,000 ranges): median ${median(builds.map((b) => b.wall)).toFixed(0)} ms wall, ${median(builds.map((b) => b.cpu)).toFixed(0)} ms CPU (${BUILD_REPEATS} builds)`);
  console.log(`lookup, text source (parse + match): ${medians(textRuns)} (${REPEATS} × ${LOOKUPS.toLocaleString('en')} lookups; target ≤ 2 µs)`);
  console.log(`lookup, pre-parsed source:           ${medians(parsedRuns)}`);
  console.log(`hit rate: ${((100 * hits) / (2 * REPEATS * LOOKUPS)).toFixed(1)}% (IPv4, IPv6, IPv4-mapped in equal thirds)`);
}

main();
