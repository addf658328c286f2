import { ComputeNode, NodeClient, restCall } from '@alcor/contracts';
import { toComputeNode } from '../http/node.mapper';

/** Names per request: keeps the query string well under common URL limits. */
const NAMES_PER_REQUEST = 100;

/**
 * The node manager over its Alcor REST API (split mode): GET /nodes?node_name=a&node_name=b.
 * `headers` carry the caller's credentials where the node manager checks them (it is admin only).
 */
export class RestNodeClient implements NodeClient {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async getByNames(names: string[]): Promise<ComputeNode[]> {
    const distinct = [...new Set(names)];
    const found: ComputeNode[] = [];
    for (let i = 0; i < distinct.length; i += NAMES_PER_REQUEST) {
      const params = new URLSearchParams(distinct.slice(i, i + NAMES_PER_REQUEST).map((name): [string, string] => ['node_name', name]));
      const { nodeInfos } = await restCall<{ nodeInfos: ComputeNode[] }>(this.baseUrl, 'GET', `/nodes?${params}`, undefined, this.headers);
      found.push(...nodeInfos.map(toComputeNode));
    }
    return found;
  }
}
