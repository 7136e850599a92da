import type { EndpointVerification, App, Endpoint, Attempt } from '../domain/types.js';
import { activeVerification, binTarget } from '../domain/endpoint-verification.js';
import { prepareAttempt, toAttempt, type AttemptDeps, type AttemptStep } from './attempt.js';
import type { ClaimedDelivery } from '../store/store.js';

/** What a capture needs of the store: record the bin's answer, read the switch again. */
export interface CaptureStore {
  insertAttempt(attempt: Omit<Attempt, 'id'>): Promise<unknown>;
  getEndpoint(appId: string, id: string): Promise<Endpoint | null>;
}

/**
 * One turn of a delivery whose endpoint is switched to a bin (webhook verification, see
 * domain/endpoint-verification.ts): rendered and signed as for the endpoint's URL, sent to the bin,
 * the bin's answer kept as a test attempt; the delivery itself is given back, due when the switch
 * ends (at once when it was stopped meanwhile), so the URL still gets it.
 */
export async function captureAttempt(
  deps: AttemptDeps,
  store: CaptureStore,
  claim: ClaimedDelivery,
  endpoint: Endpoint,
  app: App | null,
  verification: EndpointVerification,
): Promise<AttemptStep> {
  const prepared = prepareAttempt(claim, endpoint, app, deps.clock.now(), deps.logger);
  if (prepared.kind !== 'send') return prepared;
  const request = {
    ...prepared.request,
    url: binTarget(prepared.request.url, verification.binUrl),
  };
  const captured = await deps.sender.send(request, prepared.timeoutMs);
  await store.insertAttempt({
    ...toAttempt(claim, prepared.at, captured, prepared.request),
    test: true,
  });
  const current = await store.getEndpoint(endpoint.appId, endpoint.id);
  const now = deps.clock.now();
  const until = current ? activeVerification(current, now)?.until : undefined;
  return {
    kind: 'release',
    release: {
      deliveryId: claim.delivery.id,
      leaseToken: claim.leaseToken,
      nextAttemptAt: until ?? now,
    },
  };
}
