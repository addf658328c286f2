import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule, startHttpService } from '@alcor/platform';
import { IpamModule, ipamSchema } from '@alcor/ipam';

@Module({ imports: [CoreModule.forRoot({ serviceName: 'private-ip-manager', schemas: [ipamSchema] }), IpamModule] })
class PrivateIpManagerApp {}

// Alcor's Private IP manager port.
void startHttpService(PrivateIpManagerApp, { name: 'private-ip-manager', defaultPort: 9004 });
