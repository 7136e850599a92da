import ipaddr from 'ipaddr.js';

/**
 * Egress policy for receiver addresses, checked at connect time (after DNS, for every address a
 * name resolves to) and on IP-literal URLs when an endpoint is saved, so a tenant cannot reach the
 * provider's own network. Each name says what may be reached:
 *  - `public-only` (default): public unicast addresses only;
 *  - `public-and-loopback`: also this machine (127.0.0.0/8, ::1), for local development;
 *  - `unrestricted`: anything, private ranges included.
 * An operator widens a policy with an allow-list of CIDRs (`HOOKLINE_EGRESS_ALLOW`).
 */
export type EgressPolicy = 'public-only' | 'public-and-loopback' | 'unrestricted';
export const EGRESS_POLICIES: EgressPolicy[] = [
  'public-only',
  'public-and-loopback',
  'unrestricted',
];

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Address, number];

export interface EgressRules {
  policy: EgressPolicy;
  /** Ranges reachable whatever the policy says. */
  allow: readonly Cidr[];
}

/** Parses `10.0.0.0/8, 2001:db8::/32, 192.0.2.7` (a bare address is a /32 or /128). */
export function parseAllowList(raw: string): Cidr[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      if (s.includes('/')) return ipaddr.parseCIDR(s) as Cidr;
      const address = ipaddr.parse(s);
      return [address, address.kind() === 'ipv4' ? 32 : 128] as Cidr;
    });
}

export function egressRules(policy: EgressPolicy, allow: readonly Cidr[] = []): EgressRules {
  return { policy, allow };
}

/** Whether the rules let Hookline reach this machine (the start-up warning says so). */
export function allowsLoopback(rules: EgressRules): boolean {
  if (rules.policy !== 'public-only') return true;
  return ['127.0.0.1', '::1'].some((ip) => isAllowListed(ipaddr.parse(ip), rules.allow));
}

export function isLoopback(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const judged = carriedIpv4(ipaddr.parse(ip));
  return judged !== 'unjudgeable' && judged.range() === 'loopback';
}

/** The error the guarded lookup fails with; its code makes the attempt's error kind `blocked`. */
export const EGRESS_REFUSED = 'EGRESS_REFUSED';
export class EgressRefused extends Error {
  readonly code = EGRESS_REFUSED;
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * The address an IPv6 address carries an IPv4 one in (IPv4-mapped, IPv4-translated,
 * IPv4-compatible, NAT64 64:ff9b::/96, 6to4) judged as that IPv4 address; forms whose IPv4 part
 * cannot be read reliably (Teredo, NAT64 local-use 64:ff9b:1::/48) are 'unjudgeable'.
 */
function carriedIpv4(address: Address): Address | 'unjudgeable' {
  if (address.kind() === 'ipv4') return address;
  const v6 = address as ipaddr.IPv6;
  const parts = v6.parts;
  const lastTwo = () => ipaddr.IPv4.parse(ipv4Text(parts[6], parts[7]));
  const range = v6.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return lastTwo();
  if (range === 'rfc6052') return parts[1] === 0xff9b && parts[2] === 0 ? lastTwo() : 'unjudgeable';
  if (range === '6to4') return ipaddr.IPv4.parse(ipv4Text(parts[1], parts[2]));
  if (range === 'teredo') return 'unjudgeable';
  // IPv4-compatible ::a.b.c.d (deprecated): the first 96 bits are zero; :: and ::1 stay IPv6.
  if (parts.slice(0, 6).every((p) => p === 0) && (parts[6] !== 0 || parts[7] > 1)) return lastTwo();
  return v6;
}

function ipv4Text(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

function isAllowListed(address: Address, allow: readonly Cidr[]): boolean {
  return allow.some(
    ([range, bits]) => range.kind() === address.kind() && address.match(range, bits),
  );
}

/** Why the address is refused under the rules, or null when it may be reached. */
export function blockedReason(ip: string, rules: EgressRules | EgressPolicy): string | null {
  const { policy, allow } = typeof rules === 'string' ? egressRules(rules) : rules;
  if (policy === 'unrestricted' || !ipaddr.isValid(ip)) return null;
  const address = ipaddr.parse(ip);
  if (isAllowListed(address, allow)) return null;
  const judged = carriedIpv4(address);
  if (judged === 'unjudgeable')
    return `address ${ip} (${address.range()}) carries an IPv4 address that cannot be checked, refused by the egress policy`;
  if (judged !== address && isAllowListed(judged, allow)) return null;
  const range = judged.range();
  const carried = judged === address ? '' : ` (carrying ${judged.toString()})`;
  if (range === 'loopback') {
    return policy === 'public-and-loopback'
      ? null
      : `address ${ip}${carried} is loopback, refused by the egress policy`;
  }
  const isPublic =
    range === 'unicast' &&
    (judged.kind() === 'ipv4' || judged.match(GLOBAL_UNICAST_V6[0], GLOBAL_UNICAST_V6[1]));
  if (!isPublic)
    return `address ${ip}${carried} is not a public unicast address (${range === 'unicast' ? 'unassigned' : range}), refused by the egress policy`;
  return null;
}
