import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApiContext } from '../context.js';
import { binRoutes } from './bins.js';
import { endpointVerificationRoutes } from './endpoint-verification.js';
import type { BinStreamSettings } from './bin-stream.js';
import { simulateRoutes } from './simulate.js';
import { testEndpointRoutes } from './test-endpoint.js';

/** Testing tools under /api/v1: bins, their requests and live stream, the simulator, test endpoints. */
export const inspectorRoutes =
  (ctx: ApiContext, stream: BinStreamSettings = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(binRoutes(ctx, stream));
    await app.register(simulateRoutes(ctx));
    await app.register(testEndpointRoutes(ctx));
    await app.register(endpointVerificationRoutes(ctx));
  };
