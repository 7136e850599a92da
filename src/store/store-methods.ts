import type { Store } from './store.js';

/**
 * Every `Store` member, sorted by what it does. Adapters that forward calls (the threaded SQLite
 * store) and the change feed read these lists; a member added to `Store` but not here fails to
 * compile, so nothing can be forgotten.
 */

/** Methods that change data. */
export const STORE_WRITES = [
  'createApp',
  'updateApp',
  'deleteApp',
  'createEndpoint',
  'updateEndpoint',
  'deleteEndpoint',
  'insertMessage',
  'insertMessages',
  'retryDelivery',
  'recoverEndpoint',
  'replayMessage',
  'releaseHeldDeliveries',
  'insertAttempt',
  'claimDue',
  'wakeParkedClaims',
  'recordAttempts',
  'claimOperationalEvents',
  'deleteOperationalEvents',
  'releaseDeliveries',
  'releaseAllLeases',
  'purgeMessages',
  'dropPayloads',
  'purgeHistory',
  'reclaimSpace',
  'probeWrite',
] as const satisfies ReadonlyArray<keyof Store>;

/** Methods that only read. */
export const STORE_READS = [
  'ping',
  'pendingMigrations',
  'getApp',
  'getAppByKeyHash',
  'getAppByViberTokenDigest',
  'getAppByUid',
  'listApps',
  'getEndpoint',
  'getEndpointByUid',
  'getEndpointsByIds',
  'listEndpoints',
  'getMessage',
  'getMessageByIdempotencyKey',
  'getKeyUse',
  'listMessages',
  'getDelivery',
  'listDeliveries',
  'listAttempts',
  'nextDueAt',
  'stats',
  'statsSeries',
  'endpointHealth',
  'failingEndpoints',
  'appBacklog',
  'backlog',
] as const satisfies ReadonlyArray<keyof Store>;

/** Opening, closing, capabilities, the sub-stores and the cross-process wake-ups. */
export const STORE_LIFECYCLE = [
  'capabilities',
  'migrate',
  'close',
  'bins',
  'bots',
  'portal',
  'onWake',
] as const satisfies ReadonlyArray<keyof Store>;

export type StoreWrite = (typeof STORE_WRITES)[number];
export type StoreRead = (typeof STORE_READS)[number];

/** `true` when `Listed` names every key of `T`; otherwise the missing keys (a compile error). */
export type Covers<T, Listed extends keyof T> = [Exclude<keyof T, Listed>] extends [never]
  ? true
  : Exclude<keyof T, Listed>;

const everyStoreMember: Covers<Store, StoreWrite | StoreRead | (typeof STORE_LIFECYCLE)[number]> =
  true;
void everyStoreMember;
