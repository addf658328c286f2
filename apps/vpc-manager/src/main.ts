import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule, RemoteClientsModule, startHttpService } from '@alcor/platform';
import { remoteQuotaEnforcer } from '@alcor/quota';
import { VpcModule, vpcSchema } from '@alcor/vpc';

@Module({ imports: [CoreModule.forRoot({ serviceName: 'vpc-manager', schemas: [vpcSchema] }), RemoteClientsModule.forRoot([remoteQuotaEnforcer]), VpcModule] })
class VpcManagerApp {}

// Alcor's VPC manager port.
void startHttpService(VpcManagerApp, { name: 'vpc-manager', defaultPort: 9001 });
