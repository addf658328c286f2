import { DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { InMemoryMessageBus, MESSAGE_BUS, MessageBus, PulsarWebSocketMessageBus } from '@alcor/bus';
import { Environment, loadEnvironment } from '@alcor/config';
import { AUTH_STRATEGY, AuthContextGuard, KeystoneTokenValidator, NeutronApiModule, TOKEN_VALIDATOR } from '@alcor/neutron-api';
import { Database, DEFAULT_AUTOVACUUM, EmbeddedAutovacuum, OutboxRelay, outboxSchema, PersistenceSchema } from '@alcor/persistence';
import { HealthController } from './health.controller';
import { ENVIRONMENT, SERVICE_NAME } from './tokens';

export interface CoreOptions {
  serviceName: string;
  /** Tables of every feature module this process hosts. */
  schemas: PersistenceSchema[];
  /** Overrides for tests (e.g. an in-memory database directory). */
  environment?: Partial<Environment>;
}

/**
 * What every service process shares: validated configuration, logging, the store of record with
 * its outbox relay, the message bus, authentication and the Neutron root endpoints.
 */
@Global()
@Module({})
export class CoreModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CoreModule');
  /** The embedded store's own vacuuming (PGlite has no autovacuum); a server runs its own. */
  private readonly autovacuum?: EmbeddedAutovacuum;

  constructor(
    private readonly database: Database,
    private readonly relay: OutboxRelay,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {
    if (database.embedded) {
      this.autovacuum = new EmbeddedAutovacuum(database, { ...DEFAULT_AUTOVACUUM, onError: (error) => this.logger.warn(`vacuum failed: ${String(error)}`) });
    }
  }

  static forRoot(options: CoreOptions): DynamicModule {
    const environment = { ...loadEnvironment(), ...options.environment };
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { level: environment.LOG_LEVEL, name: options.serviceName },
          // No per-request middleware: failures are logged by registerFailureAccessLog.
          forRoutes: [],
        }),
        NeutronApiModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: ENVIRONMENT, useValue: environment },
        { provide: SERVICE_NAME, useValue: options.serviceName },
        { provide: AUTH_STRATEGY, useValue: environment.AUTH_STRATEGY },
        // AUTH_STRATEGY=keystone: validates X-Auth-Token; a missing KEYSTONE_URL fails the start.
        { provide: TOKEN_VALIDATOR, useFactory: () => (environment.AUTH_STRATEGY === 'keystone' ? KeystoneTokenValidator.fromEnvironment(environment) : undefined) },
        { provide: APP_GUARD, useClass: AuthContextGuard },
        {
          provide: Database,
          useFactory: () =>
            Database.open(
              { databaseUrl: environment.DATABASE_URL, dataDir: environment.DATA_DIR, poolSize: environment.DB_POOL_SIZE },
              [outboxSchema, ...options.schemas],
            ),
        },
        { provide: MESSAGE_BUS, useFactory: () => createBus(environment) },
        {
          provide: OutboxRelay,
          inject: [Database, MESSAGE_BUS],
          useFactory: (database: Database, bus: MessageBus) =>
            new OutboxRelay(database, bus, {
              pollIntervalMs: environment.OUTBOX_POLL_MS,
              onError: (error) => new Logger('OutboxRelay').warn(`publish failed, will retry: ${String(error)}`),
            }),
        },
      ],
      exports: [ENVIRONMENT, SERVICE_NAME, AUTH_STRATEGY, Database, MESSAGE_BUS, OutboxRelay],
    };
  }

  onApplicationBootstrap(): void {
    this.relay.start();
    this.autovacuum?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.autovacuum?.stop();
    await this.bus.close();
    await this.database.close();
    this.logger.log('store and bus closed');
  }
}

/** The in-process bus by default; with BUS=pulsar, Pulsar over its WebSocket API (no native addon needed). */
async function createBus(environment: Environment): Promise<MessageBus> {
  if (environment.BUS !== 'pulsar') return new InMemoryMessageBus();
  if (!environment.PULSAR_WS_URL) throw new Error('BUS=pulsar needs PULSAR_WS_URL (deploy/local/pulsar.sh up prints it)');
  const logger = new Logger('PulsarBus');
  return PulsarWebSocketMessageBus.connect({
    wsUrl: environment.PULSAR_WS_URL,
    httpUrl: environment.PULSAR_HTTP_URL,
    onError: (error) => logger.warn(`pulsar: ${String(error)}`),
  });
}
