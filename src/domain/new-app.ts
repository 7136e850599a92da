import { sha256Hex } from '../lib/hash.js';
import { newId, newToken } from '../lib/ids.js';
import type { App, Metadata } from './types.js';

/** The one way an app comes to be (native API, Svix API): a new id and API key (shown once). */
export function newApp(
  input: { name: string; metadata?: Metadata; uid?: string | null },
  now: number,
) {
  const apiKey = newToken('hk');
  const app: App = {
    id: newId('app', now),
    uid: input.uid ?? null,
    name: input.name,
    metadata: input.metadata ?? {},
    apiKeyHash: sha256Hex(apiKey),
    viberAuthToken: null,
    instanceSettings: {},
    createdAt: now,
    updatedAt: now,
  };
  return { app, apiKey };
}
