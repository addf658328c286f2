import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { Environment, loadEnvironment } from '@alcor/config';
import { AUTH_STRATEGY, AuthContextGuard } from '@alcor/neutron-api';
import { GatewayRootController } from './gateway-root.controller';
import { GATEWAY_ROUTES, gatewayRoutes } from './routes';

/** The Neutron API edge in split mode: answers the root documents, proxies each collection to its manager. */
@Module({})
export class ApiGatewayModule {
  static forRoot(overrides: Partial<Environment> = {}): DynamicModule {
    const environment = { ...loadEnvironment(), ...overrides };
    return {
      module: ApiGatewayModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { level: environment.LOG_LEVEL, name: 'api-gateway', autoLogging: false } })],
      controllers: [GatewayRootController],
      providers: [
        { provide: GATEWAY_ROUTES, useValue: gatewayRoutes(environment) },
        { provide: AUTH_STRATEGY, useValue: environment.AUTH_STRATEGY },
        { provide: APP_GUARD, useClass: AuthContextGuard },
      ],
      exports: [GATEWAY_ROUTES],
    };
  }
}
