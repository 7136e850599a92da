import type { BotConnection } from '../../domain/bots.js';
import type { Clock } from '../../lib/clock.js';
import { HooklineError, invalidField, notFound } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned-update.js';
import type { BotStore } from '../../store/bot-store.js';
import { targetProblem, type TargetRules } from '../../delivery/target-rules.js';
import type { BotSender } from '../bot-sender.js';
import { verifyReceiver } from '../verify/handshake.js';
import { violationsError } from '../violations/violation.js';
import { isConnectionId, newConnectionId } from './connection-id.js';
import { validateConnectionInput, type ConnectionInput } from './connection-input.js';

export interface ConnectionServiceDeps {
  store: BotStore;
  sender: BotSender;
  clock: Clock;
  defaultTimeoutMs: number;
  /** Egress policy and HOOKLINE_REQUIRE_HTTPS, checked on the URL before the handshake. */
  targets: TargetRules;
}

export const timeoutOf = (
  connection: Pick<BotConnection, 'timeoutMs'>,
  defaultMs: number,
): number => connection.timeoutMs ?? defaultMs;

/** Ids are 24 hex characters; anything else is a 400 naming `id`. */
export function assertConnectionId(id: string): void {
  if (!isConnectionId(id)) throw invalidField('id', 'must be 24 hex characters (0-9, a-f)');
}

/** Connections of one app: ChatBot's create, read, update, delete, with the verification handshake. */
export class ConnectionService {
  constructor(private readonly deps: ConnectionServiceDeps) {}

  async list(appId: string): Promise<BotConnection[]> {
    return this.deps.store.listConnections(appId);
  }

  async get(appId: string, id: string): Promise<BotConnection> {
    assertConnectionId(id);
    const connection = await this.deps.store.getConnection(appId, id);
    if (!connection) throw notFound('connection', id);
    return connection;
  }

  /** Validates, verifies the receiver, then saves; nothing is written when either fails. */
  async create(appId: string, body: unknown): Promise<BotConnection> {
    const input = this.read(body, 'create');
    const now = this.deps.clock.now();
    const connection: BotConnection = {
      ...fields(input),
      id: newConnectionId(now),
      appId,
      storyId: input.storyId as string,
      storyName: input.storyName,
      error: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.verify(connection);
    return this.deps.store.createConnection(connection);
  }

  /** Replaces the settings; the handshake runs again when the URL or the token changes. */
  async update(appId: string, id: string, body: unknown): Promise<BotConnection> {
    const read = await this.get(appId, id);
    const input = this.read(body, 'update');
    return updateVersioned({
      read,
      reread: () => this.deps.store.getConnection(appId, id),
      change: async (current, updatedAt) => {
        const next: BotConnection = {
          ...current,
          ...fields(input),
          storyName: input.storyName ?? current.storyName,
          updatedAt,
        };
        if (next.url !== current.url || next.token !== current.token) await this.verify(next);
        return next;
      },
      write: (next, expectedUpdatedAt) => this.deps.store.updateConnection(next, expectedUpdatedAt),
      now: () => this.deps.clock.now(),
      missing: () => notFound('connection', id),
    });
  }

  /** Returns when it was deleted. */
  async delete(appId: string, id: string): Promise<number> {
    assertConnectionId(id);
    if (!(await this.deps.store.deleteConnection(appId, id))) throw notFound('connection', id);
    return this.deps.clock.now();
  }

  private read(body: unknown, mode: 'create' | 'update'): ConnectionInput {
    const result = validateConnectionInput(body, mode);
    if (!result.ok) throw violationsError('invalid connection', result.violations);
    const refused = targetProblem(result.input.url, this.deps.targets);
    if (refused)
      throw violationsError('invalid connection', [
        { path: 'url', limit: 'a URL the egress policy allows', message: `url: ${refused}` },
      ]);
    return result.input;
  }

  private async verify(connection: BotConnection): Promise<void> {
    const result = await verifyReceiver(
      this.deps.sender,
      connection,
      timeoutOf(connection, this.deps.defaultTimeoutMs),
    );
    if (!result.ok) {
      throw new HooklineError(result.code, `url: verification failed: ${result.reason}`, [
        { field: 'url', message: result.reason },
      ]);
    }
  }
}

function fields(input: ConnectionInput) {
  const { name, url, token, headers, auth, timeoutMs } = input;
  return { name, url, token, headers, auth, timeoutMs };
}
