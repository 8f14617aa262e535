import type { RecordedEvent } from '@sipauth/event-store';
import type { ReadModelDoc } from '../src/projections/projection.types';
import { project } from '../src/projections/read-model.projection';

/** Applies events the way the runner does, into a map standing in for the KV bucket. */
export function applyAll(events: RecordedEvent[], docs = new Map<string, ReadModelDoc>()): Map<string, ReadModelDoc> {
  for (const event of events) {
    for (const op of project(event, (k) => docs.get(k))) {
      if (op.op === 'put') docs.set(op.key, op.doc);
      else if (op.op === 'delete') docs.delete(op.key);
      else for (const k of [...docs.keys()]) if (k.startsWith(op.filter.slice(0, -1))) docs.delete(k);
    }
  }
  return docs;
}
