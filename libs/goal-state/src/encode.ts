import { BinaryWriter } from '@bufbuild/protobuf/wire';
import {
  DHCPConfiguration,
  GatewayConfiguration,
  GoalStateV2,
  HostResources,
  NeighborConfiguration,
  PortConfiguration,
  RouterConfiguration,
  SecurityGroupConfiguration,
  SubnetConfiguration,
  VpcConfiguration,
} from '@alcor/proto';
import type { StateMapName } from './host-resources';

// GoalStateV2 bytes, written with the generated codecs of @alcor/proto, byte for byte what
// GoalStateV2.encode() writes (same field order, same zero-value omissions; a spec checks it).
// The one difference: each configuration object is encoded once and its bytes are cached, because
// the index shares one configuration object between every host that receives it (a neighbor sent
// to 1,000 hosts, or 10,000 neighbors in every full state of a VPC, are encoded once).

/** GoalStateV2 map fields in field-number order, with their tag and configuration codec. */
type ConfigEncoder = (configuration: object) => Uint8Array;

const MAP_FIELDS: [StateMapName, number, ConfigEncoder][] = [
  ['vpcStates', 3, (c) => VpcConfiguration.encode(c as VpcConfiguration).finish()],
  ['subnetStates', 4, (c) => SubnetConfiguration.encode(c as SubnetConfiguration).finish()],
  ['portStates', 5, (c) => PortConfiguration.encode(c as PortConfiguration).finish()],
  ['dhcpStates', 6, (c) => DHCPConfiguration.encode(c as DHCPConfiguration).finish()],
  ['neighborStates', 7, (c) => NeighborConfiguration.encode(c as NeighborConfiguration).finish()],
  ['securityGroupStates', 8, (c) => SecurityGroupConfiguration.encode(c as SecurityGroupConfiguration).finish()],
  ['routerStates', 9, (c) => RouterConfiguration.encode(c as RouterConfiguration).finish()],
  ['gatewayStates', 10, (c) => GatewayConfiguration.encode(c as GatewayConfiguration).finish()],
];

// Configurations are immutable once built (the index never edits one in place), so bytes keyed by object stay valid.
const cache = new WeakMap<object, Uint8Array>();

function configurationBytes(encode: ConfigEncoder, configuration: object): Uint8Array {
  let bytes = cache.get(configuration);
  if (!bytes) {
    bytes = encode(configuration);
    cache.set(configuration, bytes);
  }
  return bytes;
}

/** Serialises a goal state (schema E3); same bytes as `GoalStateV2.encode(gs).finish()`. */
export function encodeGoalState(gs: GoalStateV2): Uint8Array {
  const w = new BinaryWriter();
  if (gs.formatVersion !== 0) w.uint32(8).uint32(gs.formatVersion);
  for (const [key, value] of Object.entries(gs.hostResources)) {
    w.uint32(18).fork();
    if (key !== '') w.uint32(10).string(key);
    HostResources.encode(value, w.uint32(18).fork()).join();
    w.join();
  }
  for (const [field, number, codec] of MAP_FIELDS) {
    const tag = (number << 3) | 2;
    for (const [key, state] of Object.entries(gs[field] as Record<string, { operationType: number; configuration?: object }>)) {
      w.uint32(tag).fork();
      if (key !== '') w.uint32(10).string(key);
      w.uint32(18).fork();
      if (state.operationType !== 0) w.uint32(8).int32(state.operationType);
      if (state.configuration !== undefined) w.uint32(18).bytes(configurationBytes(codec, state.configuration));
      w.join();
      w.join();
    }
  }
  return w.finish();
}

export function decodeGoalState(bytes: Uint8Array): GoalStateV2 {
  return GoalStateV2.decode(bytes);
}
