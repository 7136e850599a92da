import type { Logger } from 'pino';
import { ApiKeys } from '../api/api-keys.js';
import type { ApiContext } from '../api/context.js';
import { Readiness } from '../api/readiness.js';
import { OperationalWebhooks } from '../delivery/operational-webhooks.js';
import { buildServer, type HooklineServer, type ServerOptions } from '../api/server.js';
import { BotService } from '../bots/bot-service.js';
import { Dispatcher } from '../delivery/dispatcher.js';
import { EngineEvents, logListenerErrors } from '../delivery/engine-events.js';
import { HttpSender } from '../delivery/http-sender.js';
import { Retention } from '../delivery/retention.js';
import { Inspector } from '../inspector/inspector.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { observeChanges } from '../store/change-feed.js';
import { HooklineMetrics } from '../observability/metrics.js';
import { metricsAccess } from '../observability/metrics-access.js';
import { metricsRoute } from '../observability/metrics-route.js';
import { MetricsServer } from '../observability/metrics-server.js';
import { traceExportOf } from './trace-export-of.js';
import type { Store } from '../store/store.js';
import { resolveAdminToken } from './admin-token.js';
import { publicUrlOf, type Config } from './config.js';
import { followChanges } from './follow-changes.js';
import { loopbackWarning, targetRulesOf } from './egress.js';
import { createLogger } from './logger.js';
import { openStore } from './open-store.js';
import { ThreadedSqliteStore } from '../store/sqlite/threaded-store.js';
import { DeliveryThread } from './delivery-thread.js';
import { dispatcherOptionsOf } from './dispatcher-options.js';
import { plugins } from './plugins.js';

export interface AppDeps {
  config: Config;
  store?: Store;
  clock?: Clock;
  logger?: Logger;
  /** Replaces DNS for the HTTP sender (tests). */
  sender?: HttpSender;
  /** Tests drive the dispatcher themselves with drainDue(). */
  autoStartDispatcher?: boolean;
  /** Tests run retention passes themselves (runPass) instead of on its schedule. */
  autoStartRetention?: boolean;
  random?: () => number;
}

export interface HooklineApp {
  config: Config;
  /** The store every part uses: its writes wake the dispatcher (store/change-feed.ts). */
  store: Store;
  server: HooklineServer;
  /** In this thread; null for role `api` and when delivery runs on its own thread (`deliveryThread`). */
  dispatcher: Dispatcher | null;
  /**
   * The dispatcher's typed events (claimed, attempt, committed, released, idle); silent for role
   * `api`. From a delivery thread, relayed for the names subscribed to (a copy, a moment later).
   */
  events: EngineEvents;
  /** Deletes what is past retention: in the background on workers, by hand (POST /admin/purge) on any role. */
  retention: Retention;
  /** Hookline's own events (endpoint.disabled, ...) sent to the operational app's endpoints. */
  operational: OperationalWebhooks;
  adminToken: string;
  adminTokenGenerated: boolean;
  /** What GET /metrics reports. */
  metrics: HooklineMetrics;
  /** The metrics port's base URL once listening (HOOKLINE_METRICS_PORT); null on the API port. */
  metricsUrl: string | null;
  listen(): Promise<string>;
  /** Stops claiming, finishes or releases in-flight work, closes the server and the store. */
  close(): Promise<void>;
}

/** Wires store, sender, dispatcher and API together: the one place that does. */
export async function createApp(deps: AppDeps): Promise<HooklineApp> {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const opened = deps.store ?? (await openStore(config, logger));
  const observed = observeChanges(opened);
  const { changes } = observed;
  const metrics = new HooklineMetrics({ endpointSeries: config.metricsEndpointSeries });
  const store = metrics.instrumentStore(observed.store);
  const admin = resolveAdminToken(config.adminToken, config.dataDir);
  if (admin.file !== null && store.capabilities.dialect === 'postgres') {
    // Each node would generate its own token: nodes behind one load balancer must share one.
    logger.warn(
      { file: admin.file },
      'HOOKLINE_ADMIN_TOKEN is not set: this node uses a token from its own data folder; set the same HOOKLINE_ADMIN_TOKEN on every node',
    );
  }
  const targets = targetRulesOf(config);
  const warning = loopbackWarning(config);
  if (warning) logger.warn({ egress: config.egress, egressAllow: config.egressAllow }, warning);
  const sender =
    deps.sender ?? new HttpSender({ egress: targets.egress, proxy: config.egressProxy });

  const runsWorker = config.role !== 'api';
  // Delivery gets a thread of its own when the store thread can share its writer, and nothing
  // injected (a fake clock, a sender, randomness, a hand-driven dispatcher) must run in this one.
  const threaded =
    runsWorker &&
    config.deliveryThread &&
    opened instanceof ThreadedSqliteStore &&
    !deps.clock &&
    !deps.sender &&
    !deps.random &&
    deps.autoStartDispatcher !== false;
  const dispatcher =
    runsWorker && !threaded
      ? new Dispatcher(
          store,
          sender,
          clock,
          logger,
          dispatcherOptionsOf(config, {
            random: deps.random,
            systemClock: !deps.clock,
            dialect: store.capabilities.dialect,
          }),
          new EngineEvents(logListenerErrors(logger)),
        )
      : null;

  const retention = new Retention(store, clock, logger, {
    retentionDays: config.retentionDays,
    payloadRetentionDays: config.payloadRetentionDays,
  });

  if (runsWorker && store.capabilities.singleOwner) {
    // The previous process owned the file and is gone: whatever it had in flight is due again now.
    const released = await store.releaseAllLeases(clock.now());
    if (released > 0)
      logger.info(
        { released },
        're-queued deliveries that were in flight when the last process stopped',
      );
  }

  const deliveryThread = threaded
    ? await DeliveryThread.start(config, opened, logger, logListenerErrors(logger), (error) => {
        // Nothing would deliver any more: stop, so that a supervisor restarts the process.
        logger.fatal({ err: error }, 'the delivery thread died; exiting');
        process.exit(1);
      }).catch(async (error: unknown) => {
        await store.close();
        throw error;
      })
    : null;
  const events =
    deliveryThread?.events ?? dispatcher?.events ?? new EngineEvents(logListenerErrors(logger));

  const readiness = new Readiness();
  const operational = new OperationalWebhooks(store, clock, logger, {
    idempotencyWindowMs: config.idempotencyWindowMs,
  });
  // Results wrote operational events (disabled, failing, recovered, exhausted) to the outbox (the
  // delivery thread sends those of its own results).
  if (dispatcher)
    events.on('recorded', ({ recorded }) => {
      if (recorded.operational > 0) operational.wake();
    });
  const ctx: ApiContext = {
    operational,
    store,
    // Cached only where this process sees every app write (SQLite): see api/api-keys.ts.
    apiKeys: new ApiKeys(store, store.capabilities.singleOwner ? changes : null, () => clock.now()),
    clock,
    logger,
    sender,
    adminToken: admin.token,
    publicUrl: publicUrlOf(config),
    inspector: new Inspector(store.bins, clock),
    bots: new BotService({ store: store.bots, sender, clock, targets }),
    targets,
    payloadLimitBytes: config.payloadLimitBytes,
    idempotencyWindowMs: config.idempotencyWindowMs,
    retention,
    portal: { linkTtlMs: config.portalLinkTtlMs, sessionTtlMs: config.portalSessionTtlMs },
    readiness,
  };
  const serverOptions: ServerOptions = {
    role: config.role,
    logRequests: config.logRequests,
    apiRateLimit: { max: config.apiRateLimit, windowMs: config.apiRateLimitWindowMs },
    ...plugins(config),
  };
  const server = await buildServer(ctx, serverOptions);
  metrics.observe(deliveryThread ? null : events, store, clock);
  if (deliveryThread) metrics.merge(() => deliveryThread.metrics());
  const stopTraces = await traceExportOf(config);
  const metricsServer = await setUpMetricsAccess(config, admin.token, metrics, server, logger);
  if (dispatcher && deps.autoStartDispatcher !== false) dispatcher.start();
  // Workers purge in the background (every node on PostgreSQL: their steps never collide).
  if (runsWorker && deps.autoStartRetention !== false) retention.start();
  // Every write through the store, and work added by other processes (PostgreSQL), reaches it.
  const follower = deliveryThread ?? dispatcher;
  const stopWakes = follower ? followChanges(changes, follower) : undefined;
  // What the outbox kept from before (a crash between a change and its event's message) goes now.
  operational.start();

  let closed = false;
  const hookline: HooklineApp = {
    config,
    store,
    server,
    dispatcher,
    events,
    retention,
    operational,
    adminToken: admin.token,
    adminTokenGenerated: admin.generated,
    metrics,
    metricsUrl: null,
    async listen() {
      const address = await server.listen({ host: config.host, port: config.port });
      if (metricsServer)
        hookline.metricsUrl = await metricsServer.listen(config.metricsHost, config.metricsPort!);
      return address;
    },
    async close() {
      if (closed) return;
      closed = true;
      readiness.beginShutdown();
      await server.close();
      await metricsServer?.close();
      stopWakes?.();
      await retention.stop();
      await dispatcher?.stop();
      await deliveryThread?.stop();
      await operational.stop();
      if (!deps.sender) await sender.close();
      metrics.close();
      await stopTraces?.();
      await store.close();
    },
  };
  return hookline;
}

/**
 * GET /metrics on the API port, open to the metrics token and the admin token; or, with a metrics
 * port, there only (the metrics token required when one is set).
 */
async function setUpMetricsAccess(
  config: Config,
  adminToken: string,
  metrics: HooklineMetrics,
  server: HooklineServer,
  logger: Logger,
): Promise<MetricsServer | null> {
  const metricsTokens = config.metricsToken === null ? [] : [config.metricsToken];
  if (config.metricsPort === null) {
    await server.register(metricsRoute(metrics, metricsAccess([...metricsTokens, adminToken])));
    return null;
  }
  if (metricsTokens.length === 0 && !isLoopback(config.metricsHost))
    logger.warn(
      { metricsHost: config.metricsHost },
      'GET /metrics listens beyond this machine without a token: set HOOKLINE_METRICS_TOKEN',
    );
  return new MetricsServer(metrics, metricsAccess(metricsTokens), logger);
}

const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || host.startsWith('127.');
