import { DAY, MINUTE, SECOND } from '../lib/durations.js';

/** Defaults and caps of bins; docs/testing-webhooks.md lists them. */
export const BIN_LIMITS = {
  defaultStatus: 200,
  defaultBody: '',
  defaultContentType: 'text/plain; charset=utf-8',
  /** Longest response delay: beyond every sender timeout Hookline has. */
  maxDelayMs: 30 * SECOND,
  maxResponseBodyChars: 64 * 1024,
  defaultRequestLimit: 500,
  maxRequestLimit: 1000,
  defaultExpiresInSeconds: (7 * DAY) / SECOND,
  minExpiresInSeconds: MINUTE / SECOND,
  maxExpiresInSeconds: (30 * DAY) / SECOND,
  /** Bodies are kept up to this size: a Hookline message at the default payload limit fits whole. */
  bodyCapBytes: 512 * 1024,
  /** Live (not expired) bins one app may have. */
  maxLiveBinsPerApp: 50,
  /** Expired bins keep answering 410 (and stay readable) this long, then they are purged. */
  purgeAfterExpiryMs: DAY,
} as const;
