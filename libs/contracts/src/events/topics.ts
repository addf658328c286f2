/**
 * Bus topics, named as Pulsar topics so the same names work on every adapter.
 * Keyed by resource id: one resource's changes arrive in commit order.
 */
export const TOPICS = {
  networkEvents: 'persistent://alcor/events/networks',
} as const;
