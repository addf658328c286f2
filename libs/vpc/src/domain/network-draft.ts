import { Attributes, pickChanges } from '@alcor/neutron-api';
import { SegmentRequest } from '../segments/segment-request';

/** A network to create, from either API surface, after validation. */
export interface NetworkDraft {
  id?: string;
  projectId: string;
  name: string;
  description: string;
  adminStateUp: boolean;
  shared: boolean;
  routerExternal: boolean;
  mtu?: number;
  portSecurityEnabled: boolean;
  segment: SegmentRequest;
  availabilityZoneHints: string[];
  tags: string[];
  cidr?: string | null;
}

/** Fields a PUT may change. */
export interface NetworkChanges {
  name?: string;
  description?: string;
  adminStateUp?: boolean;
  shared?: boolean;
  routerExternal?: boolean;
  mtu?: number;
  portSecurityEnabled?: boolean;
  cidr?: string | null;
}

export function draftFromAttributes(a: Attributes): NetworkDraft {
  return {
    id: a.id as string | undefined,
    projectId: a.project_id as string,
    name: a.name as string,
    description: a.description as string,
    adminStateUp: a.admin_state_up as boolean,
    shared: a.shared as boolean,
    routerExternal: a['router:external'] as boolean,
    mtu: a.mtu as number | undefined,
    portSecurityEnabled: a.port_security_enabled as boolean,
    segment: {
      networkType: a['provider:network_type'] as string | null | undefined,
      physicalNetwork: a['provider:physical_network'] as string | null | undefined,
      segmentationId: a['provider:segmentation_id'] as number | null | undefined,
    },
    availabilityZoneHints: (a.availability_zone_hints as string[] | undefined) ?? [],
    tags: (a.tags as string[] | undefined) ?? [],
    cidr: a.cidr as string | null | undefined,
  };
}

const CHANGE_KEYS: [string, keyof NetworkChanges][] = [
  ['name', 'name'],
  ['description', 'description'],
  ['admin_state_up', 'adminStateUp'],
  ['shared', 'shared'],
  ['router:external', 'routerExternal'],
  ['mtu', 'mtu'],
  ['port_security_enabled', 'portSecurityEnabled'],
  ['cidr', 'cidr'],
];

export function changesFromAttributes(a: Attributes): NetworkChanges {
  return pickChanges<NetworkChanges>(a, CHANGE_KEYS);
}
