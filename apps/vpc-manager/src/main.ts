import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule, startHttpService } from '@alcor/platform';
import { VpcModule, vpcSchema } from '@alcor/vpc';

@Module({ imports: [CoreModule.forRoot({ serviceName: 'vpc-manager', schemas: [vpcSchema] }), VpcModule] })
class VpcManagerApp {}

// Alcor's VPC manager port.
void startHttpService(VpcManagerApp, { name: 'vpc-manager', defaultPort: 9001 });
