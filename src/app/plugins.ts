import type { ServerOptions } from '../api/server.js';

/** Feature route groups mounted next to the core API (typed events, Viber /pa, bots, bins, ...). */
export const plugins: Pick<ServerOptions, 'apiPlugins' | 'rootPlugins'> = {
  apiPlugins: [],
  rootPlugins: [],
};
