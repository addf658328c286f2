import {
  DHCPConfiguration,
  GatewayConfiguration,
  GoalStateV2,
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

/**
 * Serialises a goal state (schema E3); same bytes as `GoalStateV2.encode(gs).finish()`. The framing
 * (map entries, states, host_resources) is sized first and written into one buffer, the
 * configurations come from the generated codecs (cached).
 */
export function encodeGoalState(gs: GoalStateV2): Uint8Array {
  const plan: Entry[] = [];
  let size = gs.formatVersion !== 0 ? 1 + varintSize(gs.formatVersion) : 0;
  for (const [key, value] of Object.entries(gs.hostResources)) {
    const resources = value.resources.map((r) => {
      const id = r.id === '' ? 0 : utf8Size(r.id);
      if (r.type < 0) throw new RangeError(`negative resource type ${r.type}`);
      const len = (r.type !== 0 ? 1 + varintSize(r.type) : 0) + (r.id !== '' ? 1 + varintSize(id) + id : 0);
      return { r, id, len };
    });
    const bodyLen = resources.reduce((n, x) => n + 1 + varintSize(x.len) + x.len, 0);
    const keyLen = key === '' ? 0 : utf8Size(key);
    const entryLen = (key !== '' ? 1 + varintSize(keyLen) + keyLen : 0) + 1 + varintSize(bodyLen) + bodyLen;
    plan.push({ tag: 18, key, keyLen, entryLen, op: 0, config: undefined, stateLen: bodyLen, resources });
    size += 1 + varintSize(entryLen) + entryLen;
  }
  for (const [field, number, encode] of MAP_FIELDS) {
    const tag = (number << 3) | 2;
    for (const [key, state] of Object.entries(gs[field] as Record<string, { operationType: number; configuration?: object }>)) {
      const op = state.operationType;
      if (op < 0) throw new RangeError(`negative operation type ${op}`);
      const config = state.configuration === undefined ? undefined : configurationBytes(encode, state.configuration);
      const stateLen = (op !== 0 ? 1 + varintSize(op) : 0) + (config ? 1 + varintSize(config.length) + config.length : 0);
      const keyLen = key === '' ? 0 : utf8Size(key);
      const entryLen = (key !== '' ? 1 + varintSize(keyLen) + keyLen : 0) + 1 + varintSize(stateLen) + stateLen;
      plan.push({ tag, key, keyLen, entryLen, op, config, stateLen });
      size += 1 + varintSize(entryLen) + entryLen;
    }
  }
  const out = new Uint8Array(size);
  let pos = 0;
  const varint = (n: number): void => {
    while (n > 0x7f) {
      out[pos++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    out[pos++] = n;
  };
  const string = (text: string, len: number): void => {
    varint(len);
    if (len === text.length) for (let i = 0; i < len; i++) out[pos++] = text.charCodeAt(i); // ASCII
    else pos += utf8.encodeInto(text, out.subarray(pos, pos + len)).written;
  };
  if (gs.formatVersion !== 0) {
    out[pos++] = 8;
    varint(gs.formatVersion);
  }
  for (const e of plan) {
    out[pos++] = e.tag;
    varint(e.entryLen);
    if (e.key !== '') {
      out[pos++] = 10;
      string(e.key, e.keyLen);
    }
    out[pos++] = 18;
    varint(e.stateLen);
    if (e.resources) {
      for (const { r, id, len } of e.resources) {
        out[pos++] = 10;
        varint(len);
        if (r.type !== 0) {
          out[pos++] = 8;
          varint(r.type);
        }
        if (r.id !== '') {
          out[pos++] = 18;
          string(r.id, id);
        }
      }
      continue;
    }
    if (e.op !== 0) {
      out[pos++] = 8;
      varint(e.op);
    }
    if (e.config) {
      out[pos++] = 18;
      varint(e.config.length);
      out.set(e.config, pos);
      pos += e.config.length;
    }
  }
  if (pos !== size) throw new Error(`goal state encoder wrote ${pos} of ${size} bytes`);
  return out;
}

interface Entry {
  tag: number;
  key: string;
  keyLen: number;
  entryLen: number;
  op: number;
  config: Uint8Array | undefined;
  stateLen: number;
  resources?: { r: { type: number; id: string }; id: number; len: number }[];
}

const utf8 = new TextEncoder();

function utf8Size(text: string): number {
  // ids are ASCII in practice: one byte per code unit, checked cheaply before the exact count
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return Buffer.byteLength(text, 'utf8');
  return text.length;
}

function varintSize(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5;
}

export function decodeGoalState(bytes: Uint8Array): GoalStateV2 {
  return GoalStateV2.decode(bytes);
}
