import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule, RemoteClientsModule, startHttpService } from '@alcor/platform';
import { remoteQuotaEnforcer } from '@alcor/quota';
import { SecurityGroupModule, securityGroupSchema } from '@alcor/security-group';

@Module({
  imports: [
    CoreModule.forRoot({ serviceName: 'security-group-manager', schemas: [securityGroupSchema] }),
    RemoteClientsModule.forRoot([remoteQuotaEnforcer]),
    SecurityGroupModule,
  ],
})
class SecurityGroupManagerApp {}

// Alcor's security group manager port.
void startHttpService(SecurityGroupManagerApp, { name: 'security-group-manager', defaultPort: 9008 });
