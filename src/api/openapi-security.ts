/**
 * How each route authenticates, as the OpenAPI document states it. The management API and the
 * bot connection API take a bearer token (the admin token or an app's API key); Viber's /pa API
 * takes the app's X-Viber-Auth-Token; everything else (health, readiness) is open. A route may
 * state its own `security` instead; test/integration/openapi-security.test.ts checks each
 * statement against what the route answers without credentials.
 */
export const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: "The admin token, or an app's API key (that app's resources only)",
  },
  viberAuthToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Viber-Auth-Token',
    description: "The app's Viber auth token (PUT /api/v1/apps/{appId}/viber-token issues it)",
  },
} as const;

export type SecurityRequirement = Array<Partial<Record<keyof typeof SECURITY_SCHEMES, []>>>;

const RULES: Array<{ prefix: string; security: SecurityRequirement }> = [
  { prefix: '/api/', security: [{ bearer: [] }] },
  { prefix: '/v2/integrations/', security: [{ bearer: [] }] },
  { prefix: '/pa/', security: [{ viberAuthToken: [] }] },
];

/** The security of a route at `url` that does not state its own: none outside the APIs. */
export function securityOf(url: string): SecurityRequirement {
  return RULES.find((rule) => url.startsWith(rule.prefix))?.security ?? [];
}

/** A route's schema as documented: its own `security`, else the one of its URL. */
export function withSecurity(
  schema: Record<string, unknown>,
  url: string,
): Record<string, unknown> {
  return { ...schema, security: schema.security ?? securityOf(url) };
}
