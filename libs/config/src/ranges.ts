import { ConfigurationError } from './env';

export interface SegmentRange {
  min: number;
  max: number;
}

export interface PhysnetRange extends SegmentRange {
  physicalNetwork: string;
}

/** Parses `1:1000,2000:3000` (Neutron's vni_ranges syntax). */
export function parseVniRanges(text: string, limit = 16_777_215): SegmentRange[] {
  return splitList(text).map((entry) => {
    const [min, max] = entry.split(':').map(Number);
    return checkedRange(entry, min, max, 1, limit);
  });
}

/** Parses `physnet1:100:200,physnet2` (Neutron's network_vlan_ranges syntax; a bare name has no tenant range). */
export function parseVlanRanges(text: string): PhysnetRange[] {
  return splitList(text)
    .map((entry) => entry.split(':'))
    .filter((parts) => parts.length === 3)
    .map(([physicalNetwork, min, max]) => ({
      physicalNetwork,
      ...checkedRange(`${physicalNetwork}:${min}:${max}`, Number(min), Number(max), 1, 4094),
    }));
}

export function parseVlanPhysnets(text: string): string[] {
  return splitList(text).map((entry) => entry.split(':')[0]);
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function checkedRange(entry: string, min: number, max: number, lo: number, hi: number): SegmentRange {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < lo || max > hi || min > max) {
    throw new ConfigurationError(`invalid range '${entry}': expected ${lo} <= min <= max <= ${hi}`);
  }
  return { min, max };
}
