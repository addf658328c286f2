import { macToNumber, numberToMac } from '../domain/mac-address';
import { MacRandomSource } from './mac-random-source';

/** A range MACs are generated from, as numbers: first..last inclusive. */
export interface MacSpan {
  rangeId: string;
  first: number;
  last: number;
}

export function spanOf(rangeId: string, from: string, to: string): MacSpan {
  return { rangeId, first: macToNumber(from), last: macToNumber(to) };
}

/** Redraws before falling back to a modulo (each redraw happens with probability < 1/2). */
const MAX_REDRAWS = 64;

/**
 * A uniformly random MAC of the span. For the default range OUI:00:00:00-OUI:ff:ff:ff this is the
 * OUI followed by three random bytes, exactly.
 */
export function randomMacIn(span: MacSpan, random: MacRandomSource): string {
  const size = span.last - span.first + 1;
  const bits = size > 1 ? (size - 1).toString(2).length : 0;
  const byteCount = Math.ceil(bits / 8);
  let value = 0;
  for (let draw = 0; draw <= MAX_REDRAWS; draw++) {
    value = bytesToNumber(random(byteCount)) % 2 ** bits;
    if (value < size) break;
  }
  return numberToMac(span.first + (value % size));
}

function bytesToNumber(bytes: Uint8Array): number {
  return bytes.reduce((n, byte) => n * 256 + byte, 0);
}
