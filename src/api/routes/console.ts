import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/**
 * The console's client-side routes: a browser reloading or opening a shared link to one of these
 * gets the web app's index.html, which routes in the page. Everything else (the API, /docs,
 * /openapi.json, bin capture URLs) is never answered with the app.
 */
export const CONSOLE_ROUTES = ['/signin', '/portal', '/apps', '/catalog', '/inspector', '/bots'];

/** The web console (web/dist, built by `npm install` / `npm start`) served at `/`. */
export function consoleRoutes(root: string): FastifyPluginAsyncTypebox {
  return async (app) => {
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
