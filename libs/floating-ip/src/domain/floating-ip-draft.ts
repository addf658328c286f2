import { Attributes } from '@alcor/neutron-api';

export interface FloatingIpDraft {
  projectId: string;
  description: string;
  floatingNetworkId: string;
  floatingIpAddress?: string;
  subnetId?: string;
  portId?: string | null;
  fixedIpAddress?: string | null;
  tags: string[];
}

/** A PUT: port_id null disassociates; port_id absent keeps the association (Neutron re-derives it). */
export interface FloatingIpChanges {
  description?: string;
  portId?: string | null;
  fixedIpAddress?: string | null;
}

export function draftFromAttributes(a: Attributes): FloatingIpDraft {
  return {
    projectId: a.project_id as string,
    description: a.description as string,
    floatingNetworkId: a.floating_network_id as string,
    floatingIpAddress: a.floating_ip_address as string | undefined,
    subnetId: a.subnet_id as string | undefined,
    portId: a.port_id as string | null | undefined,
    fixedIpAddress: a.fixed_ip_address as string | null | undefined,
    tags: a.tags as string[],
  };
}

export function changesFromAttributes(a: Attributes): FloatingIpChanges {
  const changes: FloatingIpChanges = {};
  if ('description' in a) changes.description = a.description as string;
  if ('port_id' in a) changes.portId = a.port_id as string | null;
  if ('fixed_ip_address' in a) changes.fixedIpAddress = a.fixed_ip_address as string | null;
  return changes;
}
