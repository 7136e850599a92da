import type { App, Message } from '../domain/types.js';

/** Row shapes both SQL stores return alike (text, integers), and their domain records. */

export interface AppRow {
  id: string;
  name: string;
  metadata: string;
  api_key_hash: string;
  viber_auth_token: string | null;
  instance_settings: string;
  created_at: number;
  updated_at: number;
}
export const toApp = (r: AppRow): App => ({
  id: r.id,
  name: r.name,
  metadata: JSON.parse(r.metadata),
  apiKeyHash: r.api_key_hash,
  viberAuthToken: r.viber_auth_token,
  instanceSettings: JSON.parse(r.instance_settings),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface MessageRow {
  id: string;
  app_id: string;
  event_type: string;
  payload: string;
  idempotency_key: string | null;
  endpoint_id: string | null;
  created_at: number;
}
export const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  appId: r.app_id,
  eventType: r.event_type,
  payload: r.payload,
  idempotencyKey: r.idempotency_key,
  endpointId: r.endpoint_id,
  createdAt: r.created_at,
});
