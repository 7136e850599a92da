import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { loopbackWarning, targetRulesOf } from './egress.js';

describe('egress settings', () => {
  it('the shipped default reaches public addresses only and prints no warning', () => {
    const config = loadConfig({});
    expect(targetRulesOf(config)).toEqual({
      egress: { policy: 'public-only', allow: [] },
      requireHttps: false,
    });
    expect(loopbackWarning(config)).toBeNull();
  });

  it('warns whenever loopback is reachable: by policy or by an allow-list covering it', () => {
    expect(loopbackWarning(loadConfig({}, { egress: 'public-and-loopback' }))).toMatch(
      /WARNING: endpoints may deliver to this machine.*public-and-loopback/,
    );
    expect(loopbackWarning(loadConfig({ HOOKLINE_EGRESS: 'unrestricted' }))).toMatch(/WARNING/);
    expect(loopbackWarning(loadConfig({ HOOKLINE_EGRESS_ALLOW: '127.0.0.0/8' }))).toMatch(
      /HOOKLINE_EGRESS_ALLOW \(127.0.0.0\/8\) covers loopback/,
    );
    expect(loopbackWarning(loadConfig({ HOOKLINE_EGRESS_ALLOW: '10.0.0.0/8' }))).toBeNull();
  });
});
