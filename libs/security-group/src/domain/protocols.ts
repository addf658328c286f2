/** neutron_lib.constants.IP_PROTOCOL_MAP: the protocol names a rule accepts, and their numbers. */
export const IP_PROTOCOL_MAP: Readonly<Record<string, number>> = {
  ah: 51,
  dccp: 33,
  egp: 8,
  esp: 50,
  gre: 47,
  hopopt: 0,
  icmp: 1,
  igmp: 2,
  ip: 0,
  ipip: 4,
  'ipv6-encap': 41,
  'ipv6-frag': 44,
  'ipv6-icmp': 58,
  icmpv6: 58,
  'ipv6-nonxt': 59,
  'ipv6-opts': 60,
  'ipv6-route': 43,
  ospf: 89,
  pgm: 113,
  rsvp: 46,
  sctp: 132,
  tcp: 6,
  udp: 17,
  udplite: 136,
  vrrp: 112,
};

/** Protocols whose rules may carry a port range (Neutron's SG_PORT_PROTO_NAMES). */
export const PORT_PROTOCOLS = new Set([6, 17, 33, 132, 136]);
export const PORT_PROTOCOL_NAMES = 'DCCP, SCTP, TCP, UDP, UDPLITE';

export const ICMP_PROTOCOLS = new Set([1, 58]);

/** IPv6-only protocols: refused on an IPv4 rule. */
export const IPV6_ONLY_PROTOCOLS = new Set(['ipv6-encap', 'ipv6-frag', 'ipv6-icmp', 'icmpv6', 'ipv6-nonxt', 'ipv6-opts', 'ipv6-route', '41', '44', '58', '59', '60', '43']);

/** Neutron's sg_supported_protocols as its error message prints it (a Python list). */
export const SUPPORTED_PROTOCOLS_TEXT = `[None, ${Object.keys(IP_PROTOCOL_MAP)
  .map((p) => `'${p}'`)
  .join(', ')}]`;

/** The protocol's number, for a name or a numeric string; undefined for "any". */
export function protocolNumber(protocol: string | null): number | undefined {
  if (protocol === null) return undefined;
  if (/^\d+$/.test(protocol)) return Number(protocol);
  return IP_PROTOCOL_MAP[protocol];
}
