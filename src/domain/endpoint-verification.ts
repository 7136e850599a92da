import type { Endpoint, EndpointVerification } from './types.js';

/**
 * Chat-API "Webhook Verification" (page 003): "our RequestBin Webhook address will be
 * automatically substituted. After testing is completed, it will change to the one specified
 * earlier." While an endpoint's verification runs, each delivery is rendered as usual and sent to
 * the bin instead (captured there as real traffic); the delivery itself is held for the endpoint's
 * URL until the verification ends, so nothing is lost across the switch.
 */
export function activeVerification(
  endpoint: Pick<Endpoint, 'verification'>,
  now: number,
): EndpointVerification | null {
  const v = endpoint.verification;
  return v !== null && now < v.until ? v : null;
}

/** The bin URL a request for `url` goes to: the request's path and query are kept below the bin. */
export function binTarget(url: string, binUrl: string): string {
  const original = new URL(url);
  const path = original.pathname === '/' ? '' : original.pathname;
  return `${binUrl.replace(/\/$/, '')}${path}${original.search}`;
}
