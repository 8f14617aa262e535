/**
 * How long one configuration change took to reach each worker, read from the services' own
 * histograms (issue 14) instead of polling for it: each worker records, as it applies a live change,
 * the time since the event store recorded the event (`sipauth_worker_propagation_seconds{kind}`;
 * `position` is the checkpoint covering it, what auth.status reports), and projection-service the time
 * until the event's writes were acknowledged (`sipauth_projection_stored_seconds`). With one change in
 * flight at a time, the growth of a histogram's `_sum` between two scrapes is that change's exact
 * figure (its `_count` grows by one). So each process is scraped once before and once after a change,
 * while nothing is in flight: the scrapes cost the measured path nothing.
 */

/** A histogram's `_sum` (seconds) and `_count` in a Prometheus text exposition (0, 0 when absent). */
export function histogramTotals(text: string, name: string, labels = ''): { sum: number; count: number } {
  const read = (suffix: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name}_${suffix}${labels ? `{${labels}}` : ''} `));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
  };
  return { sum: read('sum'), count: read('count') };
}

export interface Scraped { url: string; text: string }

export const scrape = async (url: string): Promise<Scraped> => ({ url, text: await (await fetch(`${url}/metrics`)).text() });

/** What one change cost, in ms: per worker for each kind asked, and in projection-service. */
export interface ChangeFigures { workers: Record<string, number>[]; stored?: number }

const WORKER_METRIC = 'sipauth_worker_propagation_seconds';
const PROJECTION_METRIC = 'sipauth_projection_stored_seconds';

/**
 * Measures changes one at a time. `workerUrls` are the workers' HTTP base URLs, `projectionUrl`
 * projection-service's (optional). `kinds` are the read-model kinds a change is expected to apply once
 * in every worker (always `position`, plus the kind of document it changes).
 */
export class PropagationProbe {
  private last: { workers: Scraped[]; projection?: Scraped } | undefined;

  constructor(private readonly workerUrls: string[], private readonly projectionUrl?: string) {}

  /** Scrapes every process once; call with nothing in flight, before the first change. */
  async baseline(): Promise<void> {
    this.last = await this.scrapeAll();
  }

  /**
   * After a change: scrapes until every worker's histograms for `kinds` each grew by exactly one (every
   * `retryMs`, at most `timeoutMs`), and returns the growth in ms. Undefined when a worker did not
   * apply it in time or a histogram grew by more than one (another change interfered).
   */
  async after(kinds: string[], retryMs = 20, timeoutMs = 5_000): Promise<ChangeFigures | undefined> {
    const before = this.last ?? (await this.scrapeAll());
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = await this.scrapeAll();
      const grown = now.workers.map((w, i) => kinds.map((kind) => {
        const labels = `kind="${kind}"`;
        const a = histogramTotals(before.workers[i].text, WORKER_METRIC, labels);
        const b = histogramTotals(w.text, WORKER_METRIC, labels);
        return { kind, count: b.count - a.count, ms: (b.sum - a.sum) * 1000 };
      }));
      const all = grown.flat();
      if (all.every((g) => g.count >= 1) || Date.now() > deadline) {
        this.last = now;
        if (all.some((g) => g.count !== 1)) return undefined;
        const stored = now.projection && before.projection
          ? (() => {
            const a = histogramTotals(before.projection.text, PROJECTION_METRIC);
            const b = histogramTotals(now.projection.text, PROJECTION_METRIC);
            return b.count - a.count === 1 ? (b.sum - a.sum) * 1000 : undefined;
          })()
          : undefined;
        return { workers: grown.map((g) => Object.fromEntries(g.map((x) => [x.kind, x.ms]))), stored };
      }
      await new Promise((r) => setTimeout(r, retryMs));
    }
  }

  private async scrapeAll(): Promise<{ workers: Scraped[]; projection?: Scraped }> {
    const workers = await Promise.all(this.workerUrls.map(scrape));
    return { workers, projection: this.projectionUrl ? await scrape(this.projectionUrl) : undefined };
  }
}

/** A random pause in [minMs, maxMs): changes spaced so that each starts with nothing in flight, never in step with a timer. */
export const pause = (minMs: number, maxMs: number) => new Promise((r) => setTimeout(r, minMs + Math.random() * (maxMs - minMs)));
