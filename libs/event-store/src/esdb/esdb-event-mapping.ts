/** Maps ESDB recorded events onto the port's RecordedEvent. */
import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '../event-store.port';
import { esdbToPosition } from './esdb-positions';

export function toRecordedEvent(e: EsdbRecordedEvent, streamPrefix: string, fallbackPosition = '0'): RecordedEvent {
  return {
    id: e.id,
    type: e.type,
    data: e.data,
    metadata: e.metadata as EventMetadata,
    streamName: e.streamId.slice(streamPrefix.length),
    revision: Number(e.revision),
    position: e.position ? esdbToPosition(e.position) : fallbackPosition,
    created: e.created.toISOString(),
  };
}
