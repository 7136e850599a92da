import ipaddr from 'ipaddr.js';
import { allowsLoopback, blockedReason, type EgressRules } from './address-guard.js';

/** What a receiver URL must satisfy when it is saved (an endpoint, a Viber webhook, a bot). */
export interface TargetRules {
  egress: EgressRules;
  /** Plain http:// URLs are refused. */
  requireHttps: boolean;
}

/**
 * Why a receiver URL is refused before anything is sent, or null. Only what can be known without
 * DNS: the scheme, an IP-literal host (in any spelling the URL parser accepts, e.g. 0177.0.0.1,
 * 2130706433, 127.1, [::ffff:7f00:1]) and `localhost` names. Names are checked again after DNS at
 * connect time, for every address tried. A URL that does not parse is left to the syntax checks.
 */
export function targetProblem(raw: string, rules: TargetRules): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (rules.requireHttps && url.protocol === 'http:')
    return 'plain http:// is refused on this server (HOOKLINE_REQUIRE_HTTPS); use https://';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) return blockedReason(host, rules.egress);
  // RFC 6761: localhost names always resolve to loopback.
  const lower = host.toLowerCase().replace(/\.$/, '');
  if ((lower === 'localhost' || lower.endsWith('.localhost')) && !allowsLoopback(rules.egress))
    return `${host} is loopback, refused by the egress policy`;
  return null;
}
