import { DynamicModule, INestApplication, Module, Type } from '@nestjs/common';
import { Environment } from '@alcor/config';
import { PersistenceSchema } from '@alcor/persistence';
import { TestStore } from '@alcor/testing';
import { CoreModule } from '../core.module';
import { createHttpService } from '../http-service';

export interface TestService {
  app: INestApplication;
  baseUrl: string;
  close(): Promise<void>;
}

/** Boots feature modules in a real HTTP service on a loopback port, on the given store. */
export async function startTestService(options: {
  features: (Type<unknown> | DynamicModule)[];
  schemas: PersistenceSchema[];
  store: TestStore;
  environment?: Partial<Environment>;
}): Promise<TestService> {
  const environment: Partial<Environment> = {
    DATA_DIR: 'memory://',
    DATABASE_URL: options.store.databaseUrl,
    LOG_LEVEL: 'silent',
    OUTBOX_POLL_MS: 50,
    ...options.environment,
  };
  @Module({ imports: [CoreModule.forRoot({ serviceName: 'test', schemas: options.schemas, environment }), ...options.features] })
  class TestRoot {}
  const app = await createHttpService(TestRoot, { name: 'test', defaultPort: 0, bufferLogs: false, bodyLimit: environment.API_MAX_BODY_BYTES });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await options.store.dispose();
    },
  };
}
