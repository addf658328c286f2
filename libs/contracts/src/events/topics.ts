/**
 * Bus topics, named as Pulsar topics so the same names work on every adapter.
 * Keyed by resource id: one resource's changes arrive in commit order.
 */
export const TOPICS = {
  networkEvents: 'persistent://alcor/events/networks',
  subnetEvents: 'persistent://alcor/events/subnets',
  portEvents: 'persistent://alcor/events/ports',
  nodeEvents: 'persistent://alcor/events/nodes',
  /** Port status changes decided by the DPM from host acks (PortStatusEvent), keyed by port id. */
  portStatusEvents: 'persistent://alcor/events/port-status',
  /** Security groups with all their rules, and port memberships (see security-group-events.ts). */
  securityGroupEvents: 'persistent://alcor/events/security-groups',
  /** Routers with their interfaces and extra routes (RouterEventData), keyed by router id. */
  routerEvents: 'persistent://alcor/events/routers',
  /** Floating IPs with their port, fixed IP and router (FloatingIpEventData), keyed by FIP id. */
  floatingIpEvents: 'persistent://alcor/events/floating-ips',
  /** Floating-IP status changes decided by the DPM from host acks (FloatingIpStatusEvent), keyed by FIP id. */
  floatingIpStatusEvents: 'persistent://alcor/events/floating-ip-status',
} as const;
