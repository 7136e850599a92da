import { describe, expect, it } from 'vitest';
import {
  allowsLoopback,
  blockedReason,
  egressRules,
  isLoopback,
  parseAllowList,
} from './address-guard.js';

// Pure classification: nothing here opens a connection.

const NOT_PUBLIC = [
  // private, link-local (cloud metadata), CGNAT, unspecified, broadcast, multicast
  '10.0.0.1',
  '10.255.255.255',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.0.1',
  '169.254.169.254',
  '100.64.0.1',
  '100.127.255.255',
  '0.0.0.0',
  '0.1.2.3',
  '255.255.255.255',
  '224.0.0.1',
  '239.255.255.250',
  // IETF protocol assignments, documentation, benchmarking, 6to4 relay, reserved (240/4)
  '192.0.0.1',
  '192.0.2.1',
  '198.51.100.7',
  '203.0.113.9',
  '198.18.0.1',
  '198.19.255.255',
  '192.88.99.1',
  '240.0.0.1',
  // IPv6: unspecified, ULA, link-local, site-local, multicast, documentation, discard, benchmarking
  '::',
  'fc00::1',
  'fd12:3456:789a::1',
  'fe80::1',
  'febf::1',
  'fec0::1',
  'feff::1',
  'ff02::1',
  '2001:db8::1',
  '100::1',
  '2001:2::1',
  // outside global unicast 2000::/3
  '4000::1',
  'fbff::1',
  // IPv6 carrying a private IPv4 address, judged as that address
  '::ffff:10.0.0.1',
  '::FFFF:192.168.1.1',
  '::ffff:a00:1',
  '::ffff:169.254.169.254',
  '::ffff:0:a9fe:a9fe', // IPv4-translated
  '::a9fe:a9fe', // IPv4-compatible
  '::10.0.0.1',
  '64:ff9b::a9fe:a9fe', // NAT64 well-known prefix: the cloud metadata address
  '64:ff9b::10.0.0.1',
  '2002:a9fe:a9fe::1', // 6to4 of 169.254.169.254
  '2002:c0a8:101::', // 6to4 of 192.168.1.1
];

// Forms whose IPv4 part cannot be read reliably: refused whatever it carries.
const UNJUDGEABLE = ['2001::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '64:ff9b:1::a9fe:a9fe'];

const PUBLIC = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.216.34',
  '172.15.255.255',
  '172.32.0.1',
  '192.167.255.255',
  '192.169.0.1',
  '100.63.255.255',
  '100.128.0.0',
  '169.253.255.255',
  '11.0.0.1',
  '2606:4700:4700::1111',
  '2001:4860:4860::8888',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808', // NAT64 of 8.8.8.8
  '2002:808:808::1', // 6to4 of 8.8.8.8
];

const LOOPBACK = ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '64:ff9b::7f00:1'];

describe('address guard', () => {
  it.each(NOT_PUBLIC)('%s is refused unless unrestricted', (ip) => {
    expect(blockedReason(ip, 'public-only')).toMatch(/not a public unicast address/);
    expect(blockedReason(ip, 'public-and-loopback')).toMatch(/not a public unicast address/);
    expect(blockedReason(ip, 'unrestricted')).toBeNull();
  });

  it.each(UNJUDGEABLE)('%s (Teredo, NAT64 local-use) is refused unless unrestricted', (ip) => {
    expect(blockedReason(ip, 'public-only')).toMatch(/cannot be checked/);
    expect(blockedReason(ip, 'public-and-loopback')).toMatch(/cannot be checked/);
    expect(blockedReason(ip, 'unrestricted')).toBeNull();
  });

  it.each(PUBLIC)('%s is allowed under every policy', (ip) => {
    expect(blockedReason(ip, 'public-only')).toBeNull();
    expect(blockedReason(ip, 'public-and-loopback')).toBeNull();
    expect(blockedReason(ip, 'unrestricted')).toBeNull();
  });

  it.each(LOOPBACK)('loopback %s is refused by public-only only', (ip) => {
    expect(isLoopback(ip)).toBe(true);
    expect(blockedReason(ip, 'public-only')).toMatch(/loopback, refused/);
    expect(blockedReason(ip, 'public-and-loopback')).toBeNull();
    expect(blockedReason(ip, 'unrestricted')).toBeNull();
  });

  it('names the address, and the IPv4 address an IPv6 one carries, in the reason', () => {
    expect(blockedReason('10.1.2.3', 'public-only')).toContain('10.1.2.3 is not');
    expect(blockedReason('64:ff9b::a9fe:a9fe', 'public-only')).toContain(
      '(carrying 169.254.169.254)',
    );
    expect(blockedReason('169.254.169.254', 'public-only')).toContain('(linkLocal)');
  });

  it('an allow-list widens the policy, for IPv6 forms carrying an allowed IPv4 address too', () => {
    const rules = egressRules('public-only', parseAllowList('10.1.0.0/16, fd00::/8,192.0.2.7'));
    expect(blockedReason('10.1.200.3', rules)).toBeNull();
    expect(blockedReason('::ffff:10.1.0.1', rules)).toBeNull();
    expect(blockedReason('64:ff9b::a01:1', rules)).toBeNull();
    expect(blockedReason('fd00::5', rules)).toBeNull();
    expect(blockedReason('192.0.2.7', rules)).toBeNull();
    expect(blockedReason('192.0.2.8', rules)).toMatch(/not a public/);
    expect(blockedReason('10.2.0.1', rules)).toMatch(/not a public/);
    expect(blockedReason('127.0.0.1', rules)).toMatch(/loopback/);
    expect(allowsLoopback(rules)).toBe(false);
  });

  it('loopback is allowed by public-and-loopback, unrestricted, or an allow-list covering it', () => {
    expect(allowsLoopback(egressRules('public-only'))).toBe(false);
    expect(allowsLoopback(egressRules('public-and-loopback'))).toBe(true);
    expect(allowsLoopback(egressRules('unrestricted'))).toBe(true);
    expect(allowsLoopback(egressRules('public-only', parseAllowList('127.0.0.0/8')))).toBe(true);
    expect(allowsLoopback(egressRules('public-only', parseAllowList('::1')))).toBe(true);
  });

  it('refuses a malformed allow-list entry', () => {
    expect(() => parseAllowList('10.0.0.0/33')).toThrow();
    expect(() => parseAllowList('example.com')).toThrow();
  });

  it('leaves non-addresses (host names) to the connect-time check', () => {
    expect(blockedReason('localhost', 'public-only')).toBeNull();
    expect(isLoopback('8.8.8.8')).toBe(false);
    expect(isLoopback('localhost')).toBe(false);
  });
});
