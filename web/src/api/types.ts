import type { paths, ResponseBody } from '../../../src/client/index';

/** Shapes the pages use, taken from the generated API types so they follow the API. */
export type App = ResponseBody<'/api/v1/apps/{appId}', 'get'>;
export type Endpoint = ResponseBody<'/api/v1/apps/{appId}/endpoints/{endpointId}', 'get'>;
export type EndpointInput =
  paths['/api/v1/apps/{appId}/endpoints']['post']['requestBody']['content']['application/json'];
export type Message = ResponseBody<'/api/v1/apps/{appId}/messages/{messageId}', 'get'>;
export type Delivery = ResponseBody<'/api/v1/apps/{appId}/deliveries/{deliveryId}', 'get'>;
export type Attempt = ResponseBody<
  '/api/v1/apps/{appId}/messages/{messageId}/attempts',
  'get'
>['data'][number];
export type Bin = ResponseBody<'/api/v1/bins/{binId}', 'get'>;
export type CapturedRequest = ResponseBody<'/api/v1/bins/{binId}/requests/{requestId}', 'get'>;

/**
 * Routes whose OpenAPI entry declares no success body yet (they answer with JSON text written by
 * the route): the shapes of src/api/routes/events.ts and compose-preview.ts.
 */
export interface CatalogEvent {
  type: string;
  description: string;
  schema: unknown;
  sample: unknown;
}
export interface ComposePreview {
  eventType: string;
  data: unknown;
  request: { method: string; url: string; headers: Record<string, string>; body: string | null };
}
