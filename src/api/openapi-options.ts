import type { FastifySchema } from 'fastify';
import type { SwaggerOptions } from '@fastify/swagger';
import { unwrapSingleRefs, withNamedRoots } from './openapi-components.js';
import { defaultsAreOptional } from './openapi-defaults.js';
import { withGeneralErrors } from './openapi-general-errors.js';
import { SECURITY_SCHEMES, withSecurity } from './openapi-security.js';

/** How @fastify/swagger builds /openapi.json (linted by `npm run openapi:lint`). */
export const openApiOptions: SwaggerOptions = {
  openapi: {
    // 3.1: its schemas are JSON Schema, as the routes' TypeBox schemas are (null types,
    // numeric exclusiveMinimum).
    openapi: '3.1.0',
    info: {
      title: 'Hookline API',
      version: '1',
      description: 'Self-hosted webhooks for messaging and chatbot APIs.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/', description: 'This Hookline server' }],
    components: { securitySchemes: SECURITY_SCHEMES },
  },
  transform: ({ schema, url }) => {
    const own = (schema ?? {}) as Record<string, unknown>;
    const documented = withSecurity(withGeneralErrors(withNamedRoots(own), url), url);
    return { schema: documented as FastifySchema, url };
  },
  refResolver: {
    // A schema with an `$id` becomes the component of that name instead of `def-N`.
    buildLocalReference: (json, _baseUri, _fragment, i) =>
      typeof json.$id === 'string' ? json.$id : `def-${i}`,
  },
  transformObject: (document) =>
    unwrapSingleRefs(
      defaultsAreOptional('openapiObject' in document ? document.openapiObject : {}),
    ),
};
