import { INTERNAL_SERVICE_HEADERS, PortSecurityGroupsBinding, PortSecurityGroupsRequest, restCall, SecurityGroupClient } from '@alcor/contracts';

/** The security group manager over REST (split mode): PUT/POST /project/{pid}/port-security-groups. */
export class RestSecurityGroupClient implements SecurityGroupClient {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = { ...INTERNAL_SERVICE_HEADERS },
  ) {}

  async bindPorts(projectId: string, requests: PortSecurityGroupsRequest[]): Promise<PortSecurityGroupsBinding[]> {
    const body = { ports: requests.map((r) => ({ port_id: r.portId, revision_number: r.revisionNumber, ...(r.securityGroupIds !== undefined ? { security_groups: r.securityGroupIds } : {}), ...(r.newPort ? { new_port: true } : {}) })) };
    const answer = await restCall<{ ports: { port_id: string; security_groups: string[] }[] }>(this.baseUrl, 'PUT', this.path(projectId), body, this.headers);
    return answer.ports.map((p) => ({ portId: p.port_id, securityGroupIds: p.security_groups }));
  }

  async unbindPorts(projectId: string, ports: { portId: string; revisionNumber: number }[]): Promise<void> {
    const body = { ports: ports.map((p) => ({ port_id: p.portId, revision_number: p.revisionNumber })) };
    await restCall(this.baseUrl, 'POST', `${this.path(projectId)}/unbind`, body, this.headers);
  }

  private path(projectId: string): string {
    return `/project/${encodeURIComponent(projectId)}/port-security-groups`;
  }
}
