import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { DpmModule } from '@alcor/dpm';
import { CoreModule, startHttpService } from '@alcor/platform';

/**
 * The DPM alone (split mode). It learns changes from the bus only, so the managers and this
 * process must share BUS=pulsar (the in-process bus does not cross processes); it rebuilds
 * from the managers' listing APIs at *_MANAGER_URL. It keeps no tables of its own.
 */
@Module({ imports: [CoreModule.forRoot({ serviceName: 'data-plane-manager', schemas: [] }), DpmModule.forRoot({ topologySource: 'remote' })] })
class DataPlaneManagerApp {}

// Alcor's DPM REST port; the NCM role's gRPC listens on DPM_GRPC_PORT (9016).
void startHttpService(DataPlaneManagerApp, { name: 'data-plane-manager', defaultPort: 9010 });
