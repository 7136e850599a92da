import type { BotInvocation } from '../domain/bots.js';
import type { TargetRules } from '../delivery/target-rules.js';
import type { Page } from '../domain/types.js';
import type { Clock } from '../lib/clock.js';
import type { BotStore } from '../store/bot-store.js';
import type { ListQuery } from '../store/store.js';
import type { BotSender } from './bot-sender.js';
import { ConnectionService } from './connections/connection-service.js';
import { invokeConnection, type InvocationSuccess } from './invoke/invoke-connection.js';
import type { RandomSource } from './reply/types.js';

export const DEFAULT_BOT_TIMEOUT_MS = 10_000;
export const DEFAULT_REPLY_LIMIT_BYTES = 256 * 1024;

export interface BotServiceOptions {
  store: BotStore;
  /** The delivery engine's HttpSender. */
  sender: BotSender;
  clock: Clock;
  /** Egress policy and HOOKLINE_REQUIRE_HTTPS for connection URLs. */
  targets: TargetRules;
  /** Picks randomText messages; default Math.random. */
  random?: RandomSource;
  /** Timeout of a handshake or invocation when the connection sets none; default 10 s. */
  defaultTimeoutMs?: number;
  /** Replies above this many bytes fail with `reply_too_large`; default 256 KiB. */
  replyLimitBytes?: number;
}

/** Bot connections, their handshake, invocations and history, for one store. */
export class BotService {
  readonly connections: ConnectionService;
  private readonly invokeDeps: Parameters<typeof invokeConnection>[0];

  constructor(private readonly options: BotServiceOptions) {
    const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_BOT_TIMEOUT_MS;
    this.connections = new ConnectionService({ ...options, defaultTimeoutMs });
    this.invokeDeps = {
      ...options,
      defaultTimeoutMs,
      random: options.random ?? Math.random,
      replyLimitBytes: options.replyLimitBytes ?? DEFAULT_REPLY_LIMIT_BYTES,
    };
  }

  async invoke(appId: string, connectionId: string, body: unknown): Promise<InvocationSuccess> {
    const connection = await this.connections.get(appId, connectionId);
    return invokeConnection(this.invokeDeps, connection, body);
  }

  async invocations(
    appId: string,
    connectionId: string,
    query: ListQuery,
  ): Promise<Page<BotInvocation>> {
    await this.connections.get(appId, connectionId);
    return this.options.store.listInvocations(appId, connectionId, query);
  }
}
