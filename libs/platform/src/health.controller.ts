import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { SERVICE_NAME } from './tokens';

/** Liveness and readiness probes (readiness: store reachable, migrations applied at start). */
@ApiTags('health')
@Controller()
@PublicRoute()
export class HealthController {
  constructor(
    private readonly database: Database,
    @Inject(SERVICE_NAME) private readonly serviceName: string,
  ) {}

  @Get('healthz')
  @ApiOperation({ summary: 'Liveness: the process serves requests' })
  live() {
    return { status: 'UP', service: this.serviceName };
  }

  @Get(['readyz', 'actuator/health'])
  @HttpCode(200)
  @ApiOperation({ summary: 'Readiness: the store of record answers' })
  async ready() {
    if (!(await this.database.ping())) throw new ServiceUnavailableException({ status: 'DOWN', service: this.serviceName });
    return { status: 'UP', service: this.serviceName, store: this.database.embedded ? 'pglite' : 'postgresql' };
  }
}
