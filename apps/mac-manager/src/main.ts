import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { MacModule, macSchema } from '@alcor/mac';
import { CoreModule, startHttpService } from '@alcor/platform';

@Module({ imports: [CoreModule.forRoot({ serviceName: 'mac-manager', schemas: [macSchema] }), MacModule] })
class MacManagerApp {}

// Alcor's Virtual MAC Manager port.
void startHttpService(MacManagerApp, { name: 'mac-manager', defaultPort: 9005 });
