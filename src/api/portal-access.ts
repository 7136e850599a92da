/**
 * The routes a portal session may use, and nothing else (deny by default): its own app's
 * endpoints, messages, deliveries and attempts, the event catalog and previews, and its own
 * session. Admin routes, other front doors (Svix, bots, Viber) and bins are never on it. Each is
 * `METHOD route` as Fastify names the route (`request.routeOptions.url`); routes that name an app
 * also check, in their handler, that it is the session's app (`loadApp`).
 */
const PORTAL_ROUTES = new Set([
  'GET /api/v1/portal/session',
  'DELETE /api/v1/portal/session',
  'GET /api/v1/apps/:appId',
  'GET /api/v1/apps/:appId/endpoints',
  'POST /api/v1/apps/:appId/endpoints',
  'GET /api/v1/apps/:appId/endpoints/:endpointId',
  'PATCH /api/v1/apps/:appId/endpoints/:endpointId',
  'DELETE /api/v1/apps/:appId/endpoints/:endpointId',
  'GET /api/v1/apps/:appId/endpoints/:endpointId/secret',
  'POST /api/v1/apps/:appId/endpoints/:endpointId/secret/rotate',
  'POST /api/v1/apps/:appId/endpoints/:endpointId/recover',
  'GET /api/v1/apps/:appId/endpoints/:endpointId/deliveries',
  'GET /api/v1/apps/:appId/endpoints/:endpointId/attempts',
  'POST /api/v1/apps/:appId/endpoints/:endpointId/simulate',
  'GET /api/v1/apps/:appId/endpoints/:endpointId/test-attempts',
  'GET /api/v1/apps/:appId/endpoints/:endpointId/stats',
  'GET /api/v1/apps/:appId/stats',
  'GET /api/v1/apps/:appId/messages',
  'GET /api/v1/apps/:appId/messages/:messageId',
  'GET /api/v1/apps/:appId/messages/:messageId/attempts',
  'GET /api/v1/apps/:appId/deliveries',
  'GET /api/v1/apps/:appId/deliveries/:deliveryId',
  'POST /api/v1/apps/:appId/deliveries/:deliveryId/retry',
  'GET /api/v1/event-catalog',
  'POST /api/v1/formats/compose/preview',
]);

/** Whether a portal session may call this route. */
export function portalMayUse(method: string, routeUrl: string | undefined): boolean {
  return routeUrl !== undefined && PORTAL_ROUTES.has(`${method} ${routeUrl}`);
}

/** The allow-list, for the docs and the test that walks every route. */
export const portalRoutes = (): string[] => [...PORTAL_ROUTES];
