import { AsyncResource } from 'node:async_hooks';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { decodeJson, MESSAGE_BUS, MessageBus, Subscription } from '@alcor/bus';
import { FloatingIpStatusEvent, TOPICS } from '@alcor/contracts';
import { touch, UUID_PATTERN } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { FloatingIpEntity } from '../domain/floating-ip.entity';
import { saveFloatingIp } from '../domain/floating-ip-store';
import { recordFloatingIpChange } from './floating-ip-events';

/** One durable subscription per elastic-IP-manager deployment; key-shared keeps one floating IP's reports in order. */
export const FLOATING_IP_STATUS_SUBSCRIPTION = 'elastic-ip-manager.floating-ip-status';

/** Why a report changes nothing; undefined when it applies. */
export function staleReason(fip: FloatingIpEntity, event: FloatingIpStatusEvent): string | undefined {
  if ((fip.portId ?? '') !== event.portId) return 'another association';
  if (event.revision < fip.associationRevision) return 'an older association';
  if (fip.status === event.status) return 'unchanged';
  return undefined;
}

/**
 * Applies the data plane's verdicts (FloatingIpStatusEvent from the DPM) to floating IPs, like the
 * port manager's PortStatusConsumer: at least once, so an equal status changes nothing; a new one
 * bumps the revision and announces the floating IP. A report naming another port, or a revision
 * older than the current association, is about an earlier association and is dropped.
 */
@Injectable()
export class FloatingIpStatusConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FloatingIpStatusConsumer');
  private subscription?: Subscription;
  /** Handlers run detached from the publisher's async context (the in-process bus keeps it: the relay's transaction). */
  private readonly detached = new AsyncResource('FloatingIpStatusConsumer');

  constructor(
    private readonly database: Database,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.bus.subscribe(
      TOPICS.floatingIpStatusEvents,
      FLOATING_IP_STATUS_SUBSCRIPTION,
      { mode: 'key-shared', initialPosition: 'earliest', nackRedeliveryDelayMs: 500 },
      (message) =>
        this.detached.runInAsyncScope(async () => {
          await this.apply(decodeJson(message) as FloatingIpStatusEvent);
          await message.ack();
        }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close().catch((error: unknown) => this.logger.warn(`closing: ${String(error)}`));
  }

  /** True when the status changed. */
  async apply(event: FloatingIpStatusEvent): Promise<boolean> {
    if (!UUID_PATTERN.test(event.floatingIpId)) return false; // not ours: would fail the uuid column forever
    return this.database.transaction(async (tx) => {
      const fip = await tx.getRepository(FloatingIpEntity).createQueryBuilder('f').where('f.id = :id', { id: event.floatingIpId }).setLock('pessimistic_write').getOne();
      if (!fip || staleReason(fip, event)) return false;
      fip.status = event.status;
      touch(fip);
      await saveFloatingIp(tx, fip);
      await recordFloatingIpChange(tx, 'updated', fip);
      return true;
    });
  }
}
