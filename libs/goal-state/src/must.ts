/** The value, or an error naming the broken invariant (an index entry that must exist). */
export function must<T>(value: T | undefined, what = 'indexed entry'): T {
  if (value === undefined) throw new Error(`goal-state invariant broken: missing ${what}`);
  return value;
}
