import { parentPort, workerData } from 'node:worker_threads';
import { Dispatcher } from '../delivery/dispatcher.js';
import {
  EngineEvents,
  logListenerErrors,
  type EngineEventName,
} from '../delivery/engine-events.js';
import { HttpSender } from '../delivery/http-sender.js';
import { OperationalWebhooks } from '../delivery/operational-webhooks.js';
import { systemClock } from '../lib/clock.js';
import { nameIoTraceThread } from '../lib/io-trace.js';
import { HooklineMetrics } from '../observability/metrics.js';
import { traceExportOf } from './trace-export-of.js';
import { observeChanges } from '../store/change-feed.js';
import { ThreadedSqliteStore } from '../store/sqlite/threaded-store.js';
import { serializeError } from '../store/sqlite/worker-protocol.js';
import type { DeliveryWorkerData, FromDelivery, ToDelivery } from './delivery-protocol.js';
import { dispatcherOptionsOf } from './dispatcher-options.js';
import { targetRulesOf } from './egress.js';
import { followChanges } from './follow-changes.js';
import { createLogger } from './logger.js';

/**
 * The delivery thread (`delivery-thread.ts` starts it): the dispatcher, rendering, signing, undici,
 * result writing and the operational events results trigger, so they never share a core's time
 * with HTTP ingest. It writes through the store thread's one writer (a port of its own) and reads
 * on its own read-only connection.
 */
nameIoTraceThread('delivery');
const { config, writer, wakeFlag } = workerData as DeliveryWorkerData;
const parent = parentPort!;
const tell = (message: FromDelivery) => parent.postMessage(message);
const wakePending = new Int32Array(wakeFlag);
const clock = systemClock;
const logger = createLogger(config.logLevel);

async function start() {
  const client = new ThreadedSqliteStore(writer);
  await client.migrate(); // opens this thread's read connection
  const observed = observeChanges(client);
  const metrics = new HooklineMetrics({ endpointSeries: config.metricsEndpointSeries });
  const store = metrics.instrumentStore(observed.store);
  const sender = new HttpSender({
    egress: targetRulesOf(config).egress,
    proxy: config.egressProxy,
  });
  const events = new EngineEvents(logListenerErrors(logger));
  const dispatcher = new Dispatcher(
    store,
    sender,
    clock,
    logger,
    dispatcherOptionsOf(config, { systemClock: true, dialect: store.capabilities.dialect }),
    events,
  );
  // Sends the outbox rows this thread's results wrote (the main thread sweeps the rest).
  const operational = new OperationalWebhooks(store, clock, logger, {
    idempotencyWindowMs: config.idempotencyWindowMs,
  });
  events.on('recorded', ({ recorded }) => {
    if (recorded.operational > 0) operational.wake();
  });
  metrics.countDeliveries(events, clock);
  const stopTraces = await traceExportOf(config);
  // This thread's own writes (operational events, endpoints its results disabled) wake it too.
  const stopWakes = followChanges(observed.changes, dispatcher);
  const relayed = new Map<EngineEventName, () => void>();

  const stop = async () => {
    stopWakes();
    for (const off of relayed.values()) off();
    await dispatcher.stop();
    await operational.settled();
    await sender.close();
    metrics.close();
    await stopTraces?.();
    await client.close();
  };

  // A dispatcher parking its claims on the store thread is answered there after each write: the
  // flag stays set, so the main thread posts no wake-ups at all.
  if (dispatcher.parksClaims) Atomics.store(wakePending, 0, 1);
  parent.on('message', (message: ToDelivery) => {
    switch (message.kind) {
      case 'wake':
        // Cleared before waking: a write committed after this point posts a new wake-up.
        if (!dispatcher.parksClaims) Atomics.store(wakePending, 0, 0);
        return dispatcher.wake();
      case 'endpointChanged':
        return dispatcher.invalidateEndpoint(message.id);
      case 'appChanged':
        return dispatcher.invalidateApp(message.id);
      case 'listen': {
        relayed.get(message.name)?.();
        relayed.delete(message.name);
        if (message.on)
          relayed.set(
            message.name,
            events.on(message.name, (payload) =>
              tell({ kind: 'event', name: message.name, payload }),
            ),
          );
        return;
      }
      case 'metrics':
        void metrics.registry
          .getMetricsAsJSON()
          .then((value) => tell({ kind: 'metrics', id: message.id, value }));
        return;
      case 'stop':
        void stop()
          .catch((error: unknown) =>
            logger.error({ err: error }, 'the delivery thread did not stop cleanly'),
          )
          .finally(() => tell({ kind: 'stopped' }));
        return;
    }
  });
  dispatcher.start();
}

start().then(
  () => tell({ kind: 'ready' }),
  (error: unknown) => tell({ kind: 'startFailed', error: serializeError(error) }),
);
