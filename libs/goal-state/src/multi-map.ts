const NONE: readonly string[] = [];

/**
 * key -> set of ids (an index, not a store). Most keys of the per-address indexes hold one id, so a
 * lone id is stored as the string itself and only a second id allocates a Set (~150 B saved per key).
 */
export class MultiMap {
  private readonly map = new Map<string, string | Set<string>>();

  get(key: string): Iterable<string> {
    const v = this.map.get(key);
    return v === undefined ? NONE : typeof v === 'string' ? [v] : v;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  add(key: string, value: string): void {
    const v = this.map.get(key);
    if (v === undefined) this.map.set(key, value);
    else if (typeof v === 'string') {
      if (v !== value) this.map.set(key, new Set([v, value]));
    } else v.add(value);
  }

  delete(key: string, value: string): void {
    const v = this.map.get(key);
    if (v === undefined) return;
    if (typeof v === 'string') {
      if (v === value) this.map.delete(key);
      return;
    }
    v.delete(value);
    if (v.size === 1) this.map.set(key, v.values().next().value as string);
  }

  clear(): void {
    this.map.clear();
  }
}
