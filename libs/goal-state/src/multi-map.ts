const EMPTY: ReadonlySet<string> = new Set<string>();

/** key -> set of ids, with empty sets dropped (an index, not a store). */
export class MultiMap {
  private readonly map = new Map<string, Set<string>>();

  get(key: string): ReadonlySet<string> {
    return this.map.get(key) ?? EMPTY;
  }

  add(key: string, value: string): void {
    let set = this.map.get(key);
    if (!set) this.map.set(key, (set = new Set()));
    set.add(value);
  }

  delete(key: string, value: string): void {
    const set = this.map.get(key);
    if (!set) return;
    set.delete(value);
    if (set.size === 0) this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }
}
