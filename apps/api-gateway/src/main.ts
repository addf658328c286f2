import 'reflect-metadata';
import { ApiGatewayModule, registerProxies } from '@alcor/gateway';
import { startHttpService } from '@alcor/platform';

// Neutron's conventional port; Alcor's gateway used 9009, set API_PORT=9009 to mirror it.
void startHttpService(ApiGatewayModule.forRoot(), { name: 'api-gateway', defaultPort: 9696, configure: registerProxies });
