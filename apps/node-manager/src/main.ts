import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule, startHttpService } from '@alcor/platform';
import { NodeModule, nodeSchema } from '@alcor/node';

@Module({ imports: [CoreModule.forRoot({ serviceName: 'node-manager', schemas: [nodeSchema] }), NodeModule] })
class NodeManagerApp {}

// Alcor's node manager port.
void startHttpService(NodeManagerApp, { name: 'node-manager', defaultPort: 9007 });
