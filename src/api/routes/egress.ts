import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorBody } from '../schemas/common.js';

export interface EgressInfo {
  /** Addresses or CIDRs deliveries leave from, as the operator declares them. */
  addresses: string[];
  /** Whether deliveries go through an HTTP CONNECT proxy (its address is not published). */
  proxied: boolean;
}

export const EgressOut = Type.Object({
  addresses: Type.Array(Type.String(), {
    description:
      'Addresses or CIDRs deliveries leave from (HOOKLINE_EGRESS_ADDRESSES), for receivers to allow-list; empty when the operator declared none',
  }),
  proxied: Type.Boolean({
    description: 'Deliveries go through the HTTP CONNECT proxy HOOKLINE_EGRESS_PROXY',
  }),
});

/** GET /api/v1/egress: what receivers put on their allow-lists (Routee-style fixed callback IPs). */
export const egressRoutes =
  (info: EgressInfo): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/egress',
      {
        schema: {
          tags: ['egress'],
          summary: 'The addresses deliveries leave from, for receivers to allow-list',
          response: { 200: EgressOut, 401: errorBody(401) },
        },
      },
      async () => ({ addresses: info.addresses, proxied: info.proxied }),
    );
  };
