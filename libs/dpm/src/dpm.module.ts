import { DynamicModule, Module } from '@nestjs/common';
import { DPM_OPTIONS, DpmOptions } from './dpm.options';
import { DpmService } from './dpm.service';
import { NetworkConfigurationController } from './http/network-configuration.controller';
import { GoalStateDigestController } from './shared-cache/goal-state.controller';

/**
 * The data-plane manager: goal states from bus events to host agents (gRPC push, acks, port
 * status), the NCM role's gRPC server and the /network-configuration barrier.
 * forRoot() rebuilds from the managers of its own process (standalone); forRoot({topologySource:
 * 'remote'}) from theirs at *_MANAGER_URL (split mode).
 */
@Module({})
export class DpmModule {
  static forRoot(options: DpmOptions = { topologySource: 'in-process' }): DynamicModule {
    return {
      module: DpmModule,
      controllers: [NetworkConfigurationController, GoalStateDigestController],
      providers: [DpmService, { provide: DPM_OPTIONS, useValue: options }],
      exports: [DpmService],
    };
  }
}
