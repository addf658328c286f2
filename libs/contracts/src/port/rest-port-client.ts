import { NeutronError } from '@alcor/neutron-api';
import { restCall } from '../rest/rest-call';
import { INTERNAL_SERVICE_HEADERS } from '../rest/service-headers';
import { Port } from './port';
import { PortChangeRequest, PortClient, PortCreateRequest } from './port-client';

/** The port manager over its Alcor REST API (split mode). */
export class RestPortClient implements PortClient {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = { ...INTERNAL_SERVICE_HEADERS },
  ) {}

  async create(projectId: string, request: PortCreateRequest): Promise<Port> {
    return (await this.call<{ port: Port }>('POST', projectId, 'ports', { port: request })).port;
  }

  async get(projectId: string, portId: string): Promise<Port | undefined> {
    try {
      return (await this.call<{ port: Port }>('GET', projectId, `ports/${encodeURIComponent(portId)}`)).port;
    } catch (error) {
      if (error instanceof NeutronError && error.status === 404) return undefined;
      throw error;
    }
  }

  async update(projectId: string, portId: string, changes: PortChangeRequest): Promise<Port> {
    return (await this.call<{ port: Port }>('PUT', projectId, `ports/${encodeURIComponent(portId)}`, { port: changes })).port;
  }

  async delete(projectId: string, portId: string): Promise<void> {
    await this.call('DELETE', projectId, `ports/${encodeURIComponent(portId)}?l3_port_check=false`);
  }

  private call<T>(method: string, projectId: string, path: string, body?: unknown): Promise<T> {
    return restCall<T>(this.baseUrl, method, `/project/${encodeURIComponent(projectId)}/${path}`, body, this.headers);
  }
}
