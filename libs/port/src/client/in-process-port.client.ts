import { Injectable } from '@nestjs/common';
import { Port, PortChangeRequest, PortClient, PortCreateRequest } from '@alcor/contracts';
import { NeutronError, parseCreateItem, parseUpdateBody, serviceContext } from '@alcor/neutron-api';
import { changesFromAttributes, draftFromAttributes } from '../domain/port-draft';
import { portSpec } from '../http/port-attributes';
import { toPort } from '../http/port.mapper';
import { CreatePorts } from '../use-cases/create-ports/create-ports';
import { DeletePorts } from '../use-cases/delete-ports/delete-ports';
import { QueryPorts } from '../use-cases/query-ports/query-ports';
import { UpdatePorts } from '../use-cases/update-ports/update-ports';

/**
 * The port manager called in the same process (routers, floating IPs): requests go through the
 * same attribute checks as the API, and every call joins the caller's transaction.
 */
@Injectable()
export class InProcessPortClient implements PortClient {
  constructor(
    private readonly creates: CreatePorts,
    private readonly updates: UpdatePorts,
    private readonly deletes: DeletePorts,
    private readonly query: QueryPorts,
  ) {}

  async create(projectId: string, request: PortCreateRequest): Promise<Port> {
    const ctx = serviceContext(projectId);
    // Absent means Neutron's default (as over REST, where JSON drops undefined).
    const given = Object.fromEntries(Object.entries({ ...request, project_id: projectId }).filter(([, v]) => v !== undefined));
    const [created] = await this.creates.execute(ctx, [draftFromAttributes(parseCreateItem(given, portSpec, ctx))]);
    return toPort(created);
  }

  async get(projectId: string, portId: string): Promise<Port | undefined> {
    try {
      return toPort(await this.query.get(serviceContext(projectId), portId));
    } catch (error) {
      if (error instanceof NeutronError && error.status === 404) return undefined;
      throw error;
    }
  }

  async update(projectId: string, portId: string, changes: PortChangeRequest): Promise<Port> {
    const ctx = serviceContext(projectId);
    const [updated] = await this.updates.execute([{ ctx, id: portId, changes: changesFromAttributes(parseUpdateBody({ port: changes }, portSpec, ctx)) }]);
    return toPort(updated);
  }

  async delete(projectId: string, portId: string): Promise<void> {
    await this.deletes.execute([{ ctx: serviceContext(projectId), id: portId, allowServicePorts: true }]);
  }
}
