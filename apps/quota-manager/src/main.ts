import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule, startHttpService } from '@alcor/platform';
import { QuotaModule, quotaSchema } from '@alcor/quota';

@Module({ imports: [CoreModule.forRoot({ serviceName: 'quota-manager', schemas: [quotaSchema] }), QuotaModule] })
class QuotaManagerApp {}

// Alcor's quota manager port.
void startHttpService(QuotaManagerApp, { name: 'quota-manager', defaultPort: 9012 });
