/**
 * A Prometheus histogram recorded with plain arithmetic on the hot path. prom-client validates and
 * hashes the label set on every observe (~1–2 µs, even through a labelled child); here that work
 * happens at scrape time instead. Registered with `registry.registerMetric`.
 */
interface Series { buckets: Float64Array; sum: number; count: number }

export class LatencyHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly series = new Map<string, Series>();

  constructor(readonly name: string, readonly help: string, private readonly bounds: readonly number[]) {}

  /** Records one duration in seconds for `operation`. */
  observe(operation: string, seconds: number): void {
    let s = this.series.get(operation);
    if (!s) this.series.set(operation, (s = { buckets: new Float64Array(this.bounds.length + 1), sum: 0, count: 0 }));
    let i = 0;
    while (i < this.bounds.length && seconds > this.bounds[i]) i++;
    s.buckets[i]++;
    s.sum += seconds;
    s.count++;
  }

  /** The prom-client metric object: cumulative buckets, `_sum` and `_count` per operation. */
  async get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: object[] }> {
    const values: object[] = [];
    for (const [operation, s] of this.series) {
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += s.buckets[i];
        values.push({ metricName: `${this.name}_bucket`, labels: { operation, le }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { operation, le: '+Inf' }, value: s.count });
      values.push({ metricName: `${this.name}_sum`, labels: { operation }, value: s.sum });
      values.push({ metricName: `${this.name}_count`, labels: { operation }, value: s.count });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.series.clear();
  }
}
