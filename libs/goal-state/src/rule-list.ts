/** Rules per chunk: a change copies one chunk and the chunk index, never the whole list. */
const CHUNK = 64;

interface HasId {
  readonly id: string;
}

/**
 * An immutable list sorted by id whose insert and delete cost O(chunk + size / chunk), not
 * O(size): a group with a remote group holds one rule per member address, and every port of the
 * group changing one of them would otherwise copy them all (10k members: 10k pointers and 80 KB
 * of garbage per port create). Old versions stay valid, so "before" configurations stay as they were.
 */
export class RuleList<T extends HasId> {
  private constructor(
    private readonly chunks: readonly (readonly T[])[],
    readonly size: number,
  ) {}

  /** From a list already sorted by id, distinct ids. */
  static from<T extends HasId>(sorted: readonly T[]): RuleList<T> {
    const chunks: T[][] = [];
    for (let i = 0; i < sorted.length; i += CHUNK) chunks.push(sorted.slice(i, i + CHUNK));
    return new RuleList(chunks, sorted.length);
  }

  get(id: string): T | undefined {
    const c = this.chunkFor(id);
    const chunk = this.chunks[c];
    if (!chunk) return undefined;
    const at = lowerBound(chunk, id);
    return chunk[at]?.id === id ? chunk[at] : undefined;
  }

  /** A list with `item` in its place (replacing an item of the same id). */
  insert(item: T): RuleList<T> {
    if (this.chunks.length === 0) return new RuleList([[item]], 1);
    const c = Math.min(this.chunkFor(item.id), this.chunks.length - 1);
    const chunk = this.chunks[c].slice();
    const at = lowerBound(chunk, item.id);
    const replaces = chunk[at]?.id === item.id;
    chunk.splice(at, replaces ? 1 : 0, item);
    const parts = chunk.length > 2 * CHUNK ? [chunk.slice(0, chunk.length >> 1), chunk.slice(chunk.length >> 1)] : [chunk];
    return new RuleList(this.replaceChunk(c, parts), this.size + (replaces ? 0 : 1));
  }

  /** A list without the item of this id (the same list when there is none). */
  delete(id: string): RuleList<T> {
    const c = this.chunkFor(id);
    const chunk = this.chunks[c];
    if (!chunk) return this;
    const at = lowerBound(chunk, id);
    if (chunk[at]?.id !== id) return this;
    const rest = chunk.slice();
    rest.splice(at, 1);
    return new RuleList(this.replaceChunk(c, rest.length > 0 ? [rest] : []), this.size - 1);
  }

  toArray(): T[] {
    return this.chunks.flat() as T[];
  }

  /** The first chunk whose last id is not below `id` (chunks.length when there is none). */
  private chunkFor(id: string): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid];
      if (chunk[chunk.length - 1].id < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private replaceChunk(c: number, parts: readonly (readonly T[])[]): (readonly T[])[] {
    const chunks = this.chunks.slice();
    chunks.splice(c, 1, ...parts);
    return chunks;
  }
}

function lowerBound(list: readonly HasId[], id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
