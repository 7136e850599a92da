import type { ClaimedDelivery } from '../store/store.js';

/**
 * The ids every log line about a delivery carries: app, endpoint, message, delivery, and the
 * attempt (the delivery's attempt number, 1 for the first; with `deliveryId` it names the attempt
 * the store records). Never the payload, URL or headers, which may hold credentials.
 */
export function deliveryLogFields(claim: ClaimedDelivery) {
  const d = claim.delivery;
  return {
    appId: d.appId,
    endpointId: d.endpointId,
    messageId: d.messageId,
    deliveryId: d.id,
    attempt: d.attempts + 1,
  };
}
