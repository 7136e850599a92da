import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { consoleHeadersHook } from '../console-headers.js';

/**
 * The console's client-side routes: a browser reloading or opening a shared link to one of these
 * gets the web app's index.html, which routes in the page. Everything else (the API, /docs,
 * /openapi.json, bin capture URLs) is never answered with the app.
 */
export const CONSOLE_ROUTES = ['/signin', '/portal', '/apps', '/catalog', '/inspector', '/bots'];

/**
 * The web console (web/dist, built by `npm install` / `npm start`) served at `/`, every page and
 * asset with the console's security headers (CSP with `frame-ancestors`, console-headers.ts).
 */
export function consoleRoutes(
  root: string,
  options: { frameAncestors: string },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('onSend', consoleHeadersHook(options.frameAncestors));
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      // Hashed asset names change with their content; index.html must be fetched anew.
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    const page = { schema: { hide: true } };
    for (const route of CONSOLE_ROUTES) {
      app.get(route, page, (_request, reply) => reply.sendFile('index.html'));
      app.get(`${route}/*`, page, (_request, reply) => reply.sendFile('index.html'));
    }
  };
}
