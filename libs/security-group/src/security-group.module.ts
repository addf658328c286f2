import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { SECURITY_GROUP_CLIENT } from '@alcor/contracts';
import { NeutronExtensions, neutronTagsController } from '@alcor/neutron-api';
import { InProcessSecurityGroupClient } from './client/in-process-security-group.client';
import { DefaultGroups } from './domain/default-groups';
import { QuotaGate } from './domain/quota-gate';
import { AlcorSecurityGroupRulesController } from './http/alcor-security-group-rules.controller';
import { AlcorSecurityGroupsController } from './http/alcor-security-groups.controller';
import { NeutronSecurityGroupRulesController } from './http/neutron-security-group-rules.controller';
import { NeutronSecurityGroupsController } from './http/neutron-security-groups.controller';
import { BindPorts } from './use-cases/bind-ports/bind-ports';
import { CreateRules } from './use-cases/create-rules/create-rules';
import { CreateSecurityGroups } from './use-cases/create-security-groups/create-security-groups';
import { DeleteRule } from './use-cases/delete-rule/delete-rule';
import { DeleteSecurityGroup } from './use-cases/delete-security-group/delete-security-group';
import { QueryRules } from './use-cases/query-rules/query-rules';
import { QuerySecurityGroups } from './use-cases/query-security-groups/query-security-groups';
import { SECURITY_GROUP_TAGS, SecurityGroupTags } from './use-cases/security-group-tags/security-group-tags';
import { UpdateSecurityGroup } from './use-cases/update-security-group/update-security-group';

/**
 * The security group manager: groups, rules and port bindings on the Neutron and Alcor APIs.
 * Global: its SECURITY_GROUP_CLIENT serves the port manager of the same process. Uses
 * QUOTA_ENFORCER when the process provides one.
 */
@Global()
@Module({
  controllers: [
    NeutronSecurityGroupsController,
    NeutronSecurityGroupRulesController,
    neutronTagsController('security-groups', 'security_group', SECURITY_GROUP_TAGS),
    AlcorSecurityGroupsController,
    AlcorSecurityGroupRulesController,
  ],
  providers: [
    QuotaGate,
    DefaultGroups,
    CreateSecurityGroups,
    UpdateSecurityGroup,
    DeleteSecurityGroup,
    QuerySecurityGroups,
    CreateRules,
    DeleteRule,
    QueryRules,
    BindPorts,
    { provide: SECURITY_GROUP_TAGS, useClass: SecurityGroupTags },
    { provide: SECURITY_GROUP_CLIENT, useClass: InProcessSecurityGroupClient },
  ],
  exports: [SECURITY_GROUP_CLIENT],
})
export class SecurityGroupModule implements OnModuleInit {
  constructor(@Inject(NeutronExtensions) private readonly extensions: NeutronExtensions) {}

  onModuleInit(): void {
    this.extensions.registerCollections('security-groups', 'security-group-rules');
    this.extensions.register(
      { alias: 'security-group', name: 'security-group', description: 'The security groups extension.' },
      { alias: 'stateful-security-group', name: 'Stateful security group', description: 'Security groups may be stateless (stateful=false).' },
      { alias: 'security-groups-normalized-cidr', name: 'Security group rule normalized CIDR', description: 'Rules show normalized_cidr.' },
    );
  }
}
