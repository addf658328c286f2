import { AsyncResource } from 'node:async_hooks';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { decodeJson, MESSAGE_BUS, MessageBus, Subscription } from '@alcor/bus';
import { PortStatusEvent, TOPICS } from '@alcor/contracts';
import { touch } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { PortEntity } from '../domain/port.entity';
import { toPort } from '../http/port.mapper';
import { recordPortChange } from './port-events';

/** One durable subscription per port-manager deployment; key-shared keeps one port's statuses in order. */
export const PORT_STATUS_SUBSCRIPTION = 'port-manager.port-status';

/**
 * Applies the data plane's verdicts (PortStatusEvent from the DPM) to ports. At-least-once
 * delivery: a status equal to the stored one changes nothing; a new one bumps the revision and
 * announces the port, as Neutron does on a status change. A deleted port's status is dropped.
 */
@Injectable()
export class PortStatusConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PortStatusConsumer');
  private subscription?: Subscription;
  /**
   * The context handlers run in: the in-process bus delivers inside the publisher's async context,
   * which on PostgreSQL is the outbox relay's transaction, and Database.transaction would join it.
   */
  private readonly detached = new AsyncResource('PortStatusConsumer');

  constructor(
    private readonly database: Database,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.bus.subscribe(
      TOPICS.portStatusEvents,
      PORT_STATUS_SUBSCRIPTION,
      { mode: 'key-shared', initialPosition: 'earliest', nackRedeliveryDelayMs: 500 },
      (message) =>
        this.detached.runInAsyncScope(async () => {
          await this.apply(decodeJson(message) as PortStatusEvent);
          await message.ack();
        }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close().catch((error: unknown) => this.logger.warn(`closing: ${String(error)}`));
  }

  async apply(event: PortStatusEvent): Promise<void> {
    await this.database.transaction(async (tx) => {
      const locked: { id: string }[] = await tx.query('SELECT id FROM ports WHERE id = $1 FOR UPDATE', [event.portId]);
      if (locked.length === 0) return;
      const port = await tx.getRepository(PortEntity).findOneOrFail({ where: { id: event.portId } });
      if (port.status === event.status) return;
      port.status = event.status;
      touch(port);
      await tx.update(PortEntity, { id: port.id }, { status: port.status, revisionNumber: port.revisionNumber, updatedAt: port.updatedAt });
      await recordPortChange(tx, 'updated', toPort(port));
    });
  }
}
