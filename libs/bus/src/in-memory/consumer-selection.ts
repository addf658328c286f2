/**
 * Picks the consumer that owns a key among the connected ones (rendezvous hashing): stable while
 * the set is stable, and a join or leave moves only the keys of the consumer that joined or left.
 */
export function ownerOfKey<C extends { readonly id: string }>(key: string, consumers: readonly C[]): C | undefined {
  let owner: C | undefined;
  let best = -1;
  for (const consumer of consumers) {
    const score = hash32(`${consumer.id}\u0000${key}`);
    if (score > best) {
      best = score;
      owner = consumer;
    }
  }
  return owner;
}

/** FNV-1a with a murmur3 finaliser, so similar strings spread well. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
