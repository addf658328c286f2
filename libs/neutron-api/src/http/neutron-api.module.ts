import { Global, Module, OnModuleInit } from '@nestjs/common';
import { CORE_EXTENSIONS, NeutronExtensions } from './neutron-extensions';
import { NeutronRootController } from './neutron-root.controller';

/** The Neutron API's shared surface: version document, extension list, extension registry. */
@Global()
@Module({ controllers: [NeutronRootController], providers: [NeutronExtensions], exports: [NeutronExtensions] })
export class NeutronApiModule implements OnModuleInit {
  constructor(private readonly extensions: NeutronExtensions) {}

  onModuleInit(): void {
    this.extensions.register(...CORE_EXTENSIONS);
  }
}
