import { BlockList, isIP } from 'node:net';

/**
 * Egress policy for receiver addresses, checked at connect time (after DNS) so a hostname cannot
 * smuggle a request into the provider's own network.
 *  - `none`: anything goes;
 *  - `private` (default): private, link-local, CGNAT, multicast and unspecified ranges are refused,
 *    loopback is allowed so local development works;
 *  - `private-and-loopback`: loopback is refused too (production).
 */
export type EgressPolicy = 'none' | 'private' | 'private-and-loopback';
export const EGRESS_POLICIES: EgressPolicy[] = ['none', 'private', 'private-and-loopback'];

const privateRanges = new BlockList();
privateRanges.addSubnet('0.0.0.0', 8, 'ipv4');
privateRanges.addSubnet('10.0.0.0', 8, 'ipv4');
privateRanges.addSubnet('100.64.0.0', 10, 'ipv4');
privateRanges.addSubnet('169.254.0.0', 16, 'ipv4');
privateRanges.addSubnet('172.16.0.0', 12, 'ipv4');
privateRanges.addSubnet('192.0.0.0', 24, 'ipv4');
privateRanges.addSubnet('192.168.0.0', 16, 'ipv4');
privateRanges.addSubnet('198.18.0.0', 15, 'ipv4');
privateRanges.addSubnet('224.0.0.0', 3, 'ipv4');
privateRanges.addAddress('::', 'ipv6');
privateRanges.addSubnet('fc00::', 7, 'ipv6');
privateRanges.addSubnet('fe80::', 10, 'ipv6');
privateRanges.addSubnet('ff00::', 8, 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it carries. */
function normalize(ip: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return { address: mapped[1], family: 'ipv4' };
  return { address: ip, family: isIP(ip) === 6 ? 'ipv6' : 'ipv4' };
}

export function isLoopback(ip: string): boolean {
  const { address, family } = normalize(ip);
  return loopback.check(address, family);
}

/** The error the guarded lookup fails with; its code makes the attempt's error kind `blocked`. */
export const EGRESS_REFUSED = 'EGRESS_REFUSED';
export class EgressRefused extends Error {
  readonly code = EGRESS_REFUSED;
}

/** Returns why the address is refused under the policy, or null when it may be reached. */
export function blockedReason(ip: string, policy: EgressPolicy): string | null {
  if (policy === 'none' || isIP(normalize(ip).address) === 0) return null;
  const { address, family } = normalize(ip);
  if (loopback.check(address, family)) {
    return policy === 'private-and-loopback'
      ? `address ${ip} is loopback, refused by the egress policy`
      : null;
  }
  if (privateRanges.check(address, family))
    return `address ${ip} is in a private or reserved range, refused by the egress policy`;
  return null;
}
