import { egressRules } from '../../src/delivery/address-guard.js';
import type { TargetRules } from '../../src/delivery/target-rules.js';

/**
 * Tests deliver to receivers on 127.0.0.1, which the shipped default (`public-only`) refuses: they
 * opt in explicitly, the way `npm start` does for the README's quickstart.
 */
export const TEST_EGRESS = 'public-and-loopback' as const;

export const LOOPBACK_TARGETS: TargetRules = {
  egress: egressRules(TEST_EGRESS),
  requireHttps: false,
};
