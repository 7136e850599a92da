import { describe, expect, it } from 'vitest';
import { blockedReason, isLoopback } from './address-guard.js';

// Pure classification: nothing here opens a connection.

const PRIVATE = [
  '10.0.0.1',
  '10.255.255.255',
  '172.16.0.1',
  '172.20.10.5',
  '172.31.255.255',
  '192.168.0.1',
  '192.168.255.254',
  '169.254.169.254',
  '169.254.0.1',
  '100.64.0.1',
  '100.100.100.100',
  '100.127.255.255',
  '0.0.0.0',
  '224.0.0.1',
  'fc00::1',
  'fd12:3456:789a::1',
  'fdff:ffff::1',
  'fe80::1',
  'fe80::abcd:1',
  'febf::1',
  '::',
  'ff02::1',
  '::ffff:10.0.0.1',
  '::FFFF:192.168.1.1',
  '::ffff:a00:1',
  '::ffff:169.254.169.254',
];

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
  'fec0::1',
  'fbff::1',
  '::ffff:8.8.8.8',
];

const LOOPBACK = ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'];

describe('address guard', () => {
  it.each(PRIVATE)('%s is refused under private and private-and-loopback', (ip) => {
    expect(blockedReason(ip, 'private')).toMatch(/private or reserved/);
    expect(blockedReason(ip, 'private-and-loopback')).toMatch(/private or reserved/);
  });

  it.each(PUBLIC)('%s is allowed under every policy', (ip) => {
    expect(blockedReason(ip, 'private')).toBeNull();
    expect(blockedReason(ip, 'private-and-loopback')).toBeNull();
    expect(blockedReason(ip, 'none')).toBeNull();
  });

  it.each(LOOPBACK)(
    'loopback %s is allowed under private, refused under private-and-loopback',
    (ip) => {
      expect(isLoopback(ip)).toBe(true);
      expect(blockedReason(ip, 'private')).toBeNull();
      expect(blockedReason(ip, 'private-and-loopback')).toMatch(/loopback/);
    },
  );

  it('policy none allows private and loopback addresses', () => {
    for (const ip of [...PRIVATE, ...LOOPBACK]) expect(blockedReason(ip, 'none')).toBeNull();
  });

  it('names the address in the reason', () => {
    expect(blockedReason('10.1.2.3', 'private')).toContain('10.1.2.3');
  });

  it('leaves non-addresses (host names) to the connect-time check', () => {
    expect(blockedReason('localhost', 'private-and-loopback')).toBeNull();
    expect(isLoopback('8.8.8.8')).toBe(false);
  });
});
