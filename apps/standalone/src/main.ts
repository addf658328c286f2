import 'reflect-metadata';
import { startHttpService } from '@alcor/platform';
import { StandaloneModule } from './standalone.module';

// Neutron's conventional port.
void startHttpService(StandaloneModule, { name: 'standalone', defaultPort: 9696 });
