/**
 * The last known message of recently used subjects. A remembered tail only ever lets an append skip its
 * read: the publish still expects that sequence, so the server refuses it if another writer moved the
 * subject on, and a refusal is always confirmed by a fresh read before it reaches the caller.
 */
export interface Tail {
  seq: number;
  lastRevision: number;
}

const CAPACITY = 10_000;

export class TailCache {
  private readonly tails = new Map<string, Tail>();

  get(subject: string): Tail | undefined {
    return this.tails.get(subject);
  }

  remember(subject: string, tail: Tail): void {
    const known = this.tails.get(subject);
    if (known && known.seq > tail.seq) return;
    this.tails.delete(subject);
    this.tails.set(subject, tail);
    if (this.tails.size > CAPACITY) this.tails.delete(this.tails.keys().next().value as string);
  }

  delete(subject: string): void {
    this.tails.delete(subject);
  }
}
