import type { BotConnection, BotInvocation, ConnectionError } from '../domain/bots.js';
import type { Page } from '../domain/types.js';
import type { ListQuery } from './list-query.js';

/**
 * Persistence of bot connections and their invocations, in domain terms. Part of the `Store`
 * contract as `store.bots`. Deleting an app deletes its connections and their invocations.
 */
export interface BotStore {
  /**
   * One transaction: saves the connection and, when it carries a `storyName`, names its story
   * (every connection of the story shows that name). Reads give the story's current name.
   */
  createConnection(connection: BotConnection): Promise<BotConnection>;
  getConnection(appId: string, id: string): Promise<BotConnection | null>;
  /** Every connection of the app, oldest first (ChatBot's list is not paged). */
  listConnections(appId: string): Promise<BotConnection[]>;
  /**
   * Replaces the settings (name, url, token, headers, auth, timeoutMs, updatedAt) and names the
   * story when `storyName` is set, in one transaction. The error is left alone: only invocations
   * write it. With `expectedUpdatedAt`, only while the stored `updatedAt` still equals it, else null.
   */
  updateConnection(
    connection: BotConnection,
    expectedUpdatedAt?: number,
  ): Promise<BotConnection | null>;
  /** Deletes the connection and its invocations. */
  deleteConnection(appId: string, id: string): Promise<boolean>;

  /**
   * One transaction: records the invocation and sets the connection's error to `error` (null
   * clears it). Does nothing when the connection was deleted meanwhile.
   */
  recordInvocation(invocation: BotInvocation, error: ConnectionError | null): Promise<void>;
  /** The connection's invocations, newest first. */
  listInvocations(
    appId: string,
    connectionId: string,
    query: ListQuery,
  ): Promise<Page<BotInvocation>>;
}
