import { Attributes, pickChanges } from '@alcor/neutron-api';
import { ExtraRoute } from '@alcor/contracts';
import { GatewayRequest } from '../http/router-attributes';

/** A router to create, from either API surface, after attribute validation. */
export interface RouterDraft {
  id?: string;
  projectId: string;
  name: string;
  description: string;
  adminStateUp: boolean;
  gateway: GatewayRequest | null;
  availabilityZoneHints: string[];
  tags: string[];
}

export interface RouterChanges {
  name?: string;
  description?: string;
  adminStateUp?: boolean;
  /** null removes the gateway. */
  gateway?: GatewayRequest | null;
  routes?: ExtraRoute[];
}

export function draftFromAttributes(a: Attributes): RouterDraft {
  return {
    id: a.id as string | undefined,
    projectId: a.project_id as string,
    name: a.name as string,
    description: a.description as string,
    adminStateUp: a.admin_state_up as boolean,
    gateway: (a.external_gateway_info as GatewayRequest | null | undefined) ?? null,
    availabilityZoneHints: a.availability_zone_hints as string[],
    tags: a.tags as string[],
  };
}

export function changesFromAttributes(a: Attributes): RouterChanges {
  return pickChanges<RouterChanges>(a, [
    ['name', 'name'],
    ['description', 'description'],
    ['admin_state_up', 'adminStateUp'],
    ['external_gateway_info', 'gateway'],
    ['routes', 'routes'],
  ]);
}
