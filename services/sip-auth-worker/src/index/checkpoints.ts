/**
 * The applied position of one read-model generation, read from one stream or two (issue 14). With an
 * eager copy a worker takes trunks, lists, ACLs and ranges from the copy's watch and credential chunks
 * from the generation's; projection-service writes its checkpoint (`meta.position`) into both, each
 * after every document up to it was stored, and each stream delivers in its own order. So every
 * document up to P is applied once each stream has delivered a checkpoint of at least P: the position
 * is the lowest of the streams' latest checkpoints. Each stream's checkpoint only moves forward: a
 * checkpoint is written over events already stored, so an older one arriving late (a deposed writer's)
 * takes nothing back.
 */
import type { PositionDoc } from '@sipauth/contracts';

interface Latest { position: bigint; doc: PositionDoc }

const ZERO: Latest = { position: 0n, doc: { position: '0', updatedAt: '' } };

export class Checkpoints {
  private readonly latest: Latest[];
  private current: Latest = ZERO;

  /** @param streams how many streams carry the checkpoint (2 with an eager copy). */
  constructor(streams: number) {
    this.latest = Array.from({ length: streams }, () => ZERO);
  }

  /** The checkpoint every stream has delivered. */
  get position(): PositionDoc { return this.current.doc; }

  /**
   * The generation was read at `doc` (the eager kinds read whole; credential chunks are read by list on
   * demand, as they are when read): every stream counts as delivered up to it.
   */
  loaded(doc: PositionDoc): PositionDoc | undefined {
    const position = BigInt(doc.position);
    for (let s = 0; s < this.latest.length; s++) if (position > this.latest[s].position) this.latest[s] = { position, doc };
    return this.moved();
  }

  /** A checkpoint delivered by stream `stream`; returns the position if it moved forward, else undefined. */
  delivered(stream: number, doc: PositionDoc): PositionDoc | undefined {
    const position = BigInt(doc.position);
    if (position > this.latest[stream].position) this.latest[stream] = { position, doc };
    return this.moved();
  }

  private moved(): PositionDoc | undefined {
    let lowest = this.latest[0];
    for (const l of this.latest) if (l.position < lowest.position) lowest = l;
    if (lowest.position <= this.current.position) return undefined;
    this.current = lowest;
    return lowest.doc;
  }
}
