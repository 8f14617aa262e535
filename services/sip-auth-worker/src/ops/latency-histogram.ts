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

  constructor(readonly name: string, readonly help: string, private readonly bounds: readonly number[], private readonly labelName = 'operation') {}

  /** Records one duration in seconds for the series whose label is `value` (an operation, a kind). */
  observe(value: string, seconds: number): void {
    let s = this.series.get(value);
    if (!s) this.series.set(value, (s = { buckets: new Float64Array(this.bounds.length + 1), sum: 0, count: 0 }));
    let i = 0;
    while (i < this.bounds.length && seconds > this.bounds[i]) i++;
    s.buckets[i]++;
    s.sum += seconds;
    s.count++;
  }

  /** The prom-client metric object: cumulative buckets, `_sum` and `_count` per operation. */
  async get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: object[] }> {
    const values: object[] = [];
    for (const [value, s] of this.series) {
      const labels = { [this.labelName]: value };
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += s.buckets[i];
        values.push({ metricName: `${this.name}_bucket`, labels: { ...labels, le }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { ...labels, le: '+Inf' }, value: s.count });
      values.push({ metricName: `${this.name}_sum`, labels, value: s.sum });
      values.push({ metricName: `${this.name}_count`, labels, value: s.count });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.series.clear();
  }
}
