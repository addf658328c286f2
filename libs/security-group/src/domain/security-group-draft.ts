import { Attributes, pickChanges } from '@alcor/neutron-api';
import { RuleRequest } from './rule-policy';

/** A group to create, from either API surface, after attribute validation. */
export interface SecurityGroupDraft {
  id?: string;
  projectId: string;
  name: string;
  description: string;
  stateful: boolean;
  tags: string[];
}

export interface SecurityGroupChanges {
  name?: string;
  description?: string;
  stateful?: boolean;
}

/** A rule to create, after attribute conversion (checkRule runs in the use case). */
export interface RuleDraft extends RuleRequest {
  id?: string;
  projectId: string;
  description: string;
}

export function groupDraftFromAttributes(a: Attributes): SecurityGroupDraft {
  return {
    id: a.id as string | undefined,
    projectId: a.project_id as string,
    name: a.name as string,
    description: a.description as string,
    stateful: a.stateful as boolean,
    tags: (a.tags as string[] | undefined) ?? [],
  };
}

export function groupChangesFromAttributes(a: Attributes): SecurityGroupChanges {
  return pickChanges<SecurityGroupChanges>(a, [
    ['name', 'name'],
    ['description', 'description'],
    ['stateful', 'stateful'],
  ]);
}

export function ruleDraftFromAttributes(a: Attributes): RuleDraft {
  return {
    id: a.id as string | undefined,
    projectId: a.project_id as string,
    securityGroupId: a.security_group_id as string,
    direction: a.direction as RuleDraft['direction'],
    ethertype: a.ethertype as RuleDraft['ethertype'],
    protocol: a.protocol as string | null,
    portRangeMin: a.port_range_min as number | null,
    portRangeMax: a.port_range_max as number | null,
    remoteIpPrefix: a.remote_ip_prefix as string | null,
    remoteGroupId: a.remote_group_id as string | null,
    description: a.description as string,
  };
}
