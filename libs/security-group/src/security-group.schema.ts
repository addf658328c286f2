import { PersistenceSchema } from '@alcor/persistence';
import { PortBindingEntity } from './domain/port-binding.entity';
import { SecurityGroupRuleEntity } from './domain/security-group-rule.entity';
import { SecurityGroupEntity } from './domain/security-group.entity';
import { CreateSecurityGroups1764100000000 } from './migrations/1764100000000-create-security-groups';

/** The security group manager's tables: groups, rules, port bindings. */
export const securityGroupSchema: PersistenceSchema = {
  entities: [SecurityGroupEntity, SecurityGroupRuleEntity, PortBindingEntity],
  migrations: [CreateSecurityGroups1764100000000],
};
