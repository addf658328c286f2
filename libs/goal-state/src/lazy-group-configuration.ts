import type { SecurityGroupConfiguration } from '@alcor/proto';
import type { RuleList } from './rule-list';

type Rule = SecurityGroupConfiguration['securityGroupRules'][number];

/**
 * A group configuration whose `securityGroupRules` array is built from `rules` when first read
 * (then kept). A port joining a group changes one rule; most versions are never read whole (hosts
 * get the per-rule delta), so the array of every member's rule is not built for each of them. The
 * property is an ordinary enumerable one to every reader: encoders, spreads and deep comparisons.
 */
export function withLazyRules(base: Omit<SecurityGroupConfiguration, 'securityGroupRules'>, rules: RuleList<Rule>): SecurityGroupConfiguration {
  const config = { ...base } as SecurityGroupConfiguration;
  Object.defineProperty(config, 'securityGroupRules', {
    enumerable: true,
    configurable: true,
    get(this: SecurityGroupConfiguration) {
      const array = rules.toArray();
      Object.defineProperty(this, 'securityGroupRules', { value: array, enumerable: true, writable: true, configurable: true });
      return array;
    },
  });
  return config;
}

/** Every field but the rules, read without building them. */
export function withoutRules(config: SecurityGroupConfiguration): Omit<SecurityGroupConfiguration, 'securityGroupRules'> {
  const base: Record<string, unknown> = {};
  for (const key of Object.keys(config)) if (key !== 'securityGroupRules') base[key] = (config as unknown as Record<string, unknown>)[key];
  return base as Omit<SecurityGroupConfiguration, 'securityGroupRules'>;
}
