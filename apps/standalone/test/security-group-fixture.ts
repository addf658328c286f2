import { ApiClient } from '@alcor/testing';

export interface RuleBody {
  id: string;
  security_group_id: string;
  direction: string;
  ethertype: string;
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  normalized_cidr: string | null;
  revision_number: number;
}

export interface GroupBody {
  id: string;
  name: string;
  project_id: string;
  tenant_id: string;
  stateful: boolean;
  revision_number: number;
  tags: string[];
  security_group_rules: RuleBody[];
}

export type ErrorBody = { NeutronError: { type: string; message: string } };

/** A rule without its generated fields, to compare sets of rules. */
export const ruleShape = (r: RuleBody) =>
  `${r.direction}/${r.ethertype}/${r.protocol ?? '*'}/${r.port_range_min ?? '*'}-${r.port_range_max ?? '*'}/${r.remote_ip_prefix ?? '*'}/${r.remote_group_id ?? '*'}`;

export async function createGroup(api: ApiClient, name: string, headers?: Record<string, string>): Promise<GroupBody> {
  const res = await api.post<{ security_group: GroupBody }>('/v2.0/security-groups', { security_group: { name } }, headers);
  if (res.status !== 201) throw new Error(`security group create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.security_group;
}

export function createRule(api: ApiClient, rule: Record<string, unknown>, headers?: Record<string, string>) {
  return api.post<{ security_group_rule: RuleBody } & ErrorBody>('/v2.0/security-group-rules', { security_group_rule: rule }, headers);
}

/** The project's groups named "default" (as an admin lists them). */
export async function defaultGroups(api: ApiClient, projectId: string): Promise<GroupBody[]> {
  return (await api.get<{ security_groups: GroupBody[] }>(`/v2.0/security-groups?name=default&project_id=${projectId}`)).body.security_groups;
}
