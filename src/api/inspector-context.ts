import type { FastifyRequest } from 'fastify';
import { BinEvents } from '../inspector/bin-events.js';
import { BinService, type Viewer } from '../inspector/bin-service.js';
import type { BinStream } from '../inspector/bin-stream.js';
import { Delays } from '../inspector/delays.js';
import { HooklineError } from '../lib/errors.js';
import { hasBinStore, type BinStore } from '../store/bin-store.js';
import { principalOf } from './auth.js';
import type { ApiContext } from './context.js';

/** What the bin routes share: the capture route (root) and the management routes (/api/v1). */
export interface Inspector {
  store: BinStore;
  service: BinService;
  /** Open live streams, ended when the server closes. */
  streams: Set<BinStream>;
  /** Response delays in progress, cut short when the server closes. */
  delays: Delays;
}

const byContext = new WeakMap<ApiContext, Inspector>();

/** The inspector of this API context (one per server), or null when the store keeps no bins. */
export function inspectorOf(ctx: ApiContext): Inspector | null {
  const known = byContext.get(ctx);
  if (known) return known;
  if (!hasBinStore(ctx.store)) return null;
  const store = ctx.store.bins;
  const inspector: Inspector = {
    store,
    service: new BinService({ store, clock: ctx.clock, events: new BinEvents() }),
    streams: new Set(),
    delays: new Delays(),
  };
  byContext.set(ctx, inspector);
  return inspector;
}

export function requireInspector(ctx: ApiContext): Inspector {
  const inspector = inspectorOf(ctx);
  if (!inspector) {
    throw new HooklineError(
      'bins_unsupported',
      `the ${ctx.store.capabilities.dialect} store does not keep bins in this version`,
    );
  }
  return inspector;
}

/** The admin sees every bin; an app key sees its own app's. */
export function viewerOf(request: FastifyRequest): Viewer {
  const principal = principalOf(request);
  return { appId: principal.kind === 'app' ? principal.appId : null };
}

/** Ends live streams and response delays so the server can close at once. */
export function shutDownInspector(ctx: ApiContext): void {
  const inspector = byContext.get(ctx);
  if (!inspector) return;
  for (const stream of [...inspector.streams]) stream.close();
  inspector.delays.cancelAll();
}
