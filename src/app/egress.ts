import { allowsLoopback, egressRules, parseAllowList } from '../delivery/address-guard.js';
import type { TargetRules } from '../delivery/target-rules.js';
import type { Config } from './config.js';

/** The egress policy, allow-list and HTTPS requirement every receiver URL is held to. */
export function targetRulesOf(config: Config): TargetRules {
  return {
    egress: egressRules(config.egress, parseAllowList(config.egressAllow.join(','))),
    requireHttps: config.requireHttps,
  };
}

/** The warning printed at start when tenants' receivers may reach this machine; null when not. */
export function loopbackWarning(config: Config): string | null {
  if (!allowsLoopback(targetRulesOf(config).egress)) return null;
  const how =
    config.egress === 'public-only'
      ? `HOOKLINE_EGRESS_ALLOW (${config.egressAllow.join(',')}) covers loopback`
      : `the egress policy is ${config.egress}`;
  return `WARNING: endpoints may deliver to this machine (loopback): ${how}. Fine for development; in production use HOOKLINE_EGRESS=public-only.`;
}
