import { binCaptureRoutes } from '../api/routes/bin-capture.js';
import { botRoutes } from '../api/routes/bots.js';
import type { ServerOptions } from '../api/server.js';
import { consoleRoutes } from '../api/routes/console.js';
import { composePreviewRoutes } from '../api/routes/compose-preview.js';
import { egressRoutes } from '../api/routes/egress.js';
import { eventRoutes } from '../api/routes/events.js';
import { inspectorRoutes } from '../api/routes/inspector.js';
import { viberApiRoutes } from '../api/routes/viber-pa.js';
import { viberTokenRoutes } from '../api/routes/viber-token.js';
import type { Config } from './config.js';
import { consoleDir } from './console-dir.js';

/** Feature route groups mounted next to the core API (typed events, Viber /pa, bots, bins, ...). */
export function plugins(config: Config): Pick<ServerOptions, 'apiPlugins' | 'rootPlugins'> {
  const web = consoleDir();
  return {
    apiPlugins: [
      eventRoutes,
      composePreviewRoutes,
      viberTokenRoutes,
      (ctx) => inspectorRoutes(ctx),
      () =>
        egressRoutes({ addresses: config.egressAddresses, proxied: config.egressProxy !== null }),
    ],
    rootPlugins: [
      (ctx) => viberApiRoutes(ctx, { allowHttp: config.viberAllowHttp }),
      binCaptureRoutes,
      (ctx) => botRoutes(ctx),
      // The web console at `/`, once `npm install` or `npm start` has built it.
      ...(web ? [() => consoleRoutes(web, { frameAncestors: config.portalFrameAncestors })] : []),
    ],
  };
}
