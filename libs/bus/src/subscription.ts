/** One connected consumer of a durable subscription. */
export interface Subscription {
  /**
   * The consumer leaves; the subscription (its cursor) stays. Waits for a running handler call to
   * return, then hands its unacked messages back for redelivery to other or later consumers.
   */
  close(): Promise<void>;
  /** Closes the consumer and deletes the subscription; rejects while other consumers are connected. */
  unsubscribe(): Promise<void>;
}
