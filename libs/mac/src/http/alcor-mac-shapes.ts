import { MacAllocationEntity } from '../domain/mac-allocation.entity';
import { MacRangeEntity } from '../domain/mac-range.entity';

/** Alcor's MacState as serialized; vpc_id null for the global scope. */
export interface AlcorMacState {
  mac_address: string;
  project_id: string;
  vpc_id: string | null;
  port_id: string | null;
  state: string;
}

/** Alcor's MacRange as serialized (MACs in the stored form, aa:bb:cc:dd:ee:ff). */
export interface AlcorMacRange {
  range_id: string;
  from: string;
  to: string;
  state: string;
}

/** The one place a stored allocation becomes its API shape. */
export function toAlcorMacState(entity: MacAllocationEntity): AlcorMacState {
  return {
    mac_address: entity.macAddress,
    project_id: entity.projectId,
    vpc_id: entity.scope || null,
    port_id: entity.portId,
    state: entity.state,
  };
}

export function toAlcorMacRange(entity: MacRangeEntity): AlcorMacRange {
  return { range_id: entity.id, from: entity.from, to: entity.to, state: entity.state };
}
