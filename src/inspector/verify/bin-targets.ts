import type { Bin } from '../../domain/bins.js';
import type { App, Endpoint } from '../../domain/types.js';
import type { Store } from '../../store/store.js';
import { binPath } from '../request-json.js';

/** An endpoint whose requests land in the bin, with its app (the Viber auth token lives there). */
export interface BinTarget {
  app: App;
  endpoint: Endpoint;
}

const PAGE = 250;
/** Unowned bins are matched against every app's endpoints; stop somewhere on huge installs. */
const MAX_SCANNED = 20_000;

/** True when the URL's path is the bin's path or below it. */
export function pointsAt(url: string, binId: string): boolean {
  const path = binPath(binId);
  let at = url.indexOf(path);
  while (at !== -1) {
    const next = url.charAt(at + path.length);
    if (next === '' || next === '/' || next === '?' || next === '#') return true;
    at = url.indexOf(path, at + 1);
  }
  return false;
}

function targetsBin(endpoint: Endpoint, binId: string): boolean {
  const template = endpoint.formatOptions.template as { url?: unknown } | undefined;
  return (
    pointsAt(endpoint.url, binId) ||
    (typeof template?.url === 'string' && pointsAt(template.url, binId))
  );
}

async function appTargets(
  store: Store,
  app: App,
  binId: string,
  budget: { left: number },
): Promise<BinTarget[]> {
  const found: BinTarget[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listEndpoints(app.id, { limit: PAGE, cursor });
    budget.left -= page.data.length;
    for (const endpoint of page.data)
      if (targetsBin(endpoint, binId)) found.push({ app, endpoint });
    cursor = page.nextCursor;
  } while (cursor !== null && budget.left > 0);
  return found;
}

/**
 * The endpoints whose URL (or compose URL template) points at the bin: the owning app's, or for a
 * bin owned by no app, any app's.
 */
export async function binTargets(store: Store, bin: Bin): Promise<BinTarget[]> {
  const budget = { left: MAX_SCANNED };
  if (bin.appId !== null) {
    const app = await store.getApp(bin.appId);
    return app ? appTargets(store, app, bin.id, budget) : [];
  }
  const found: BinTarget[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listApps({ limit: PAGE, cursor });
    for (const app of page.data) {
      found.push(...(await appTargets(store, app, bin.id, budget)));
      if (budget.left <= 0) return found;
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return found;
}
