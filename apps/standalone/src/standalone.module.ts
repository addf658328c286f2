import { DynamicModule, Module, Type } from '@nestjs/common';
import { IpamModule, ipamSchema } from '@alcor/ipam';
import { MacModule, macSchema } from '@alcor/mac';
import { NodeModule, nodeSchema } from '@alcor/node';
import { FloatingIpModule, floatingIpSchema } from '@alcor/floating-ip';
import { PersistenceSchema } from '@alcor/persistence';
import { DpmModule } from '@alcor/dpm';
import { CoreModule } from '@alcor/platform';
import { PortModule, portSchema } from '@alcor/port';
import { QuotaModule, quotaSchema } from '@alcor/quota';
import { SecurityGroupModule, securityGroupSchema } from '@alcor/security-group';
import { RouterModule, routerSchema } from '@alcor/router';
import { SubnetModule, subnetSchema } from '@alcor/subnet';
import { VpcModule, vpcSchema } from '@alcor/vpc';

/** The managers one process hosts; each finds the others through their in-process clients. */
export const STANDALONE_FEATURES: (Type<unknown> | DynamicModule)[] = [VpcModule, SubnetModule, IpamModule, MacModule, NodeModule, PortModule, QuotaModule, SecurityGroupModule, DpmModule.forRoot(), RouterModule, FloatingIpModule];
export const STANDALONE_SCHEMAS: PersistenceSchema[] = [vpcSchema, subnetSchema, ipamSchema, macSchema, nodeSchema, portSchema, quotaSchema, securityGroupSchema, routerSchema, floatingIpSchema];

/** Every manager in one process, sharing one store and the in-process bus. */
@Module({
  imports: [CoreModule.forRoot({ serviceName: 'standalone', schemas: STANDALONE_SCHEMAS }), ...STANDALONE_FEATURES],
})
export class StandaloneModule {}
