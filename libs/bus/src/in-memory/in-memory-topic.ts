import { DurableSubscription, type SubscriptionRuntime } from './durable-subscription';
import { TopicLog, type MessageToStore, type StoredMessage } from './topic-log';

/** A topic: its log and the durable subscriptions reading it. */
export class InMemoryTopic {
  readonly subscriptions = new Map<string, DurableSubscription>();
  readonly log: TopicLog;

  constructor(
    readonly name: string,
    logId: number,
    private readonly runtime: SubscriptionRuntime,
  ) {
    this.log = new TopicLog(logId);
  }

  /** Nothing to keep: no subscription and no stored message. */
  get idle(): boolean {
    return this.subscriptions.size === 0 && this.log.size === 0;
  }

  append(message: MessageToStore): StoredMessage {
    // Every existing subscription holds it; with none it is dropped at once (no retention policy).
    const stored = this.log.append(message, this.subscriptions.size);
    for (const subscription of this.subscriptions.values()) subscription.scheduleDispatch();
    return stored;
  }

  subscription(name: string, initialPosition: 'latest' | 'earliest'): DurableSubscription {
    let subscription = this.subscriptions.get(name);
    if (!subscription) {
      subscription = new DurableSubscription(this.name, name, this.log, initialPosition, this.runtime);
      this.subscriptions.set(name, subscription);
    }
    return subscription;
  }
}
