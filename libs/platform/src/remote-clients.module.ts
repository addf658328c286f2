import { DynamicModule, FactoryProvider, Global, Module } from '@nestjs/common';
import { Environment } from '@alcor/config';
import { ENVIRONMENT } from './tokens';

/** One client of another manager, built from the process environment (its URL). */
export interface RemoteClient {
  token: symbol;
  create(environment: Environment): unknown;
}

/**
 * Split mode: provides, process-wide, the REST clients of the managers this process does not
 * host, under the same tokens the in-process modules use, so feature code cannot tell.
 */
@Global()
@Module({})
export class RemoteClientsModule {
  static forRoot(clients: RemoteClient[]): DynamicModule {
    const providers: FactoryProvider[] = clients.map((client) => ({
      provide: client.token,
      inject: [ENVIRONMENT],
      useFactory: (environment: Environment) => client.create(environment),
    }));
    return { module: RemoteClientsModule, providers, exports: clients.map((c) => c.token) };
  }
}
