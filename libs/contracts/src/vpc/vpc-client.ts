import { Network } from './network';

/**
 * What other managers may ask of the VPC manager. Two implementations: in-process (standalone)
 * and REST (split mode), chosen by configuration.
 */
export interface VpcClient {
  /** The network, if it exists and the project may see it; undefined otherwise. */
  getNetwork(projectId: string, networkId: string): Promise<Network | undefined>;
  /** Ids of the networks shared with every project (`shared: true`): their subnets are visible to all. */
  sharedNetworkIds(): Promise<string[]>;
  addSubnet(projectId: string, networkId: string, subnetId: string): Promise<Network>;
  removeSubnet(projectId: string, networkId: string, subnetId: string): Promise<Network>;
}

export const VPC_CLIENT = Symbol('VpcClient');
