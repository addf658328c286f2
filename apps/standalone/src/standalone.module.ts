import { Module } from '@nestjs/common';
import { CoreModule } from '@alcor/platform';
import { VpcModule, vpcSchema } from '@alcor/vpc';

/** Every manager in one process, sharing one store and the in-process bus. */
@Module({
  imports: [CoreModule.forRoot({ serviceName: 'standalone', schemas: [vpcSchema] }), VpcModule],
})
export class StandaloneModule {}
