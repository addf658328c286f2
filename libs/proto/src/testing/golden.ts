// Helpers for the golden wire tests: expected bytes are written by hand as hex, derived from the
// field numbers and wire types (tag byte = field_number << 3 | wire_type; VARINT = 0, LEN = 2).

/** Parses hand-written hex (whitespace allowed between bytes) into bytes. */
export function hex(...parts: string[]): Uint8Array {
  const clean = parts.join(' ').replace(/\s+/g, '');
  if (!/^(?:[0-9a-f]{2})*$/i.test(clean)) {
    throw new Error(`malformed hex literal: ${parts.join(' ')}`);
  }
  return Uint8Array.from(Buffer.from(clean, 'hex'));
}

/** Renders bytes as space-separated hex pairs, so failing comparisons show a readable diff. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}
