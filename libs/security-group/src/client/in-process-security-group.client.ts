import { Injectable } from '@nestjs/common';
import { PortSecurityGroupsBinding, PortSecurityGroupsRequest, SecurityGroupClient } from '@alcor/contracts';
import { BindPorts } from '../use-cases/bind-ports/bind-ports';

/** The security group manager called in the same process: every call joins the caller's transaction. */
@Injectable()
export class InProcessSecurityGroupClient implements SecurityGroupClient {
  constructor(private readonly bindings: BindPorts) {}

  bindPorts(projectId: string, requests: PortSecurityGroupsRequest[]): Promise<PortSecurityGroupsBinding[]> {
    return this.bindings.replace(projectId, requests);
  }

  unbindPorts(projectId: string, ports: { portId: string; revisionNumber: number }[]): Promise<void> {
    return this.bindings.unbind(projectId, ports);
  }
}
