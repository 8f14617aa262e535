/** Test support: capture every JSON log line of this process in memory. */
import { Writable } from 'node:stream';
import { setLogDestination } from './service-logger';

export interface CapturedLogs {
  /** Every line written so far, raw. */
  lines(): string[];
  /** Every line parsed. */
  records(): Record<string, unknown>[];
  /** Sends logs of loggers created afterwards back to stdout. */
  stop(): void;
}

/** From now on, loggers created by `createServiceLogger` write into memory (call before starting services). */
export function captureLogs(): CapturedLogs {
  const lines: string[] = [];
  let partial = '';
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const text = partial + chunk.toString();
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts.filter((l) => l.length > 0));
      done();
    },
  });
  setLogDestination(sink as unknown as Parameters<typeof setLogDestination>[0]);
  return {
    lines: () => [...lines, ...(partial ? [partial] : [])],
    records: () => [...lines, ...(partial ? [partial] : [])].map((l) => JSON.parse(l) as Record<string, unknown>),
    stop: () => setLogDestination(undefined),
  };
}
