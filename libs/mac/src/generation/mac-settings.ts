import { Environment } from '@alcor/config';
import { MacSpan, spanOf } from './random-mac';

export const DEFAULT_RANGE_ID = 'range0';

/** Random draws per MAC before giving up (Neutron's mac_generation_retries is 16). */
export const MAX_GENERATION_TRIES = 32;

/** How the MAC manager is configured (Alcor's macmanager.oui; Neutron's base_mac). */
export interface MacSettings {
  oui: string;
  /** range0: OUI:00:00:00-OUI:ff:ff:ff, where allocations without a range id draw from. */
  defaultSpan: MacSpan;
  maxGenerationTries: number;
}

export const MAC_SETTINGS = Symbol('MacSettings');

export function macSettingsFrom(environment: Pick<Environment, 'MAC_OUI'>): MacSettings {
  const oui = environment.MAC_OUI.toLowerCase();
  // A multicast OUI would make every generated MAC unusable for a port: refuse to start.
  if ((parseInt(oui.slice(0, 2), 16) & 1) === 1) throw new Error(`MAC_OUI ${oui} is a multicast prefix; use a unicast one`);
  return {
    oui,
    defaultSpan: spanOf(DEFAULT_RANGE_ID, `${oui}:00:00:00`, `${oui}:ff:ff:ff`),
    maxGenerationTries: MAX_GENERATION_TRIES,
  };
}
