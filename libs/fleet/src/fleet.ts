import { FakeAgent, type FakeAgentOptions } from './fake-agent';

export interface FleetOptions {
  /** Prefix of node ids and names (default "sim"). */
  prefix?: string;
  /** DPM NCM-role gRPC address (host:port) for restarts and on-demand requests. */
  dpmAddress?: string;
  /** Second octet of the agents' loopback addresses (127.<block>.x.y); distinct per fleet in one process. */
  block?: number;
  /** See FakeAgentOptions.recordPushes. */
  recordPushes?: boolean;
  /** Makes each agent (default: a gRPC FakeAgent); PulsarFakeAgent consumes over Pulsar instead. */
  createAgent?: (options: FakeAgentOptions) => FakeAgent;
}

/** Loopback address number i of a block: 127.block.(i / 250).(i % 250 + 1), never .0 or .255. */
export function fleetAddress(block: number, i: number): string {
  return `127.${block}.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

/**
 * N simulated host agents in this process, each its own grpc-js server on its own loopback
 * address and an ephemeral port (1000 servers cost about as much as one: see libs/fleet/README.md).
 */
export class Fleet {
  private constructor(readonly agents: FakeAgent[]) {}

  static async start(count: number, options: FleetOptions = {}): Promise<Fleet> {
    const prefix = options.prefix ?? 'sim';
    const block = options.block ?? 100 + Math.floor(Math.random() * 100);
    const agents = Array.from(
      { length: count },
      (_, i) => (options.createAgent ?? ((o: FakeAgentOptions) => new FakeAgent(o)))({ nodeId: `${prefix}-node-${i}`, nodeName: `${prefix}-host-${i}`, ip: fleetAddress(block, i), dpmAddress: options.dpmAddress, recordPushes: options.recordPushes }),
    );
    const fleet = new Fleet(agents);
    try {
      for (let i = 0; i < agents.length; i += 50) await Promise.all(agents.slice(i, i + 50).map((a) => a.start()));
    } catch (error) {
      await fleet.stop();
      throw error;
    }
    return fleet;
  }

  /** host_infos for POST /nodes/bulk. */
  hostInfos(): Record<string, unknown>[] {
    return this.agents.map((a) => a.hostInfo());
  }

  byName(name: string): FakeAgent {
    const agent = this.agents.find((a) => a.nodeName === name);
    if (!agent) throw new Error(`no simulated agent named ${name}`);
    return agent;
  }

  setDpmAddress(address: string): void {
    for (const agent of this.agents) agent.options.dpmAddress = address;
  }

  async stop(): Promise<void> {
    await Promise.all(this.agents.map((a) => a.stop()));
  }
}
