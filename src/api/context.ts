import type { Logger } from 'pino';
import type { BotService } from '../bots/bot-service.js';
import type { HttpSender } from '../delivery/http-sender.js';
import type { OperationalWebhooks } from '../delivery/operational-webhooks.js';
import type { Retention } from '../delivery/retention.js';
import type { TargetRules } from '../delivery/target-rules.js';
import type { Inspector } from '../inspector/inspector.js';
import type { Clock } from '../lib/clock.js';
import type { Store } from '../store/store.js';
import type { ApiKeys } from './api-keys.js';
import type { Readiness } from './readiness.js';

/** Lifetimes of portal links and sessions (config). */
export interface PortalSettings {
  linkTtlMs: number;
  sessionTtlMs: number;
}

/** What routes need: the store, the services built on it, time and limits. */
export interface ApiContext {
  /** Its writes wake the dispatcher by themselves (createApp observes it, store/change-feed.ts). */
  store: Store;
  /** Apps by API key digest, cached while the change feed shows no app change (auth.ts). */
  apiKeys: ApiKeys;
  clock: Clock;
  logger: Logger;
  /** Sender for synchronous calls made by the API (simulator, bots, validation callbacks). */
  sender: HttpSender;
  /** Bins and their captures, live streams and response delays (one per server). */
  inspector: Inspector;
  /** Bot connections, their handshake and invocations. */
  bots: BotService;
  /** What a receiver URL must satisfy when saved: the egress policy, HOOKLINE_REQUIRE_HTTPS. */
  targets: TargetRules;
  adminToken: string;
  publicUrl: string;
  payloadLimitBytes: number;
  idempotencyWindowMs: number;
  /** Retention steps, for a purge by hand (POST /api/v1/admin/purge). */
  retention: Retention;
  portal: PortalSettings;
  /** What GET /readyz answers; createApp's close() starts its shutdown first. */
  readiness: Readiness;
  /** Operational events (endpoint.enabled, endpoint.disabled by hand) the API reports. */
  operational?: OperationalWebhooks;
}
