import createClient, {
  type Client,
  type FetchResponse,
  type MaybeOptionalInit,
} from 'openapi-fetch';
import type {
  HttpMethod,
  MediaType,
  PathsWithMethod,
  RequiredKeysOf,
} from 'openapi-typescript-helpers';
import { HooklineApiError } from './api-error.js';
import type { paths } from './api-types.js';

/**
 * `hookline/client`: the Hookline API typed from its OpenAPI document (openapi-typescript +
 * openapi-fetch). Each method takes a path of the document and returns the response body typed
 * for that route; an error answer throws HooklineApiError with the API's `code`.
 */
export { HooklineApiError, type ApiErrorBody } from './api-error.js';
export type { paths } from './api-types.js';

export interface HooklineClientOptions {
  /** Where Hookline listens, e.g. http://localhost:8080 */
  baseUrl: string;
  /** The admin token or an app's API key. */
  token: string;
  /** A fetch of your own (tests, proxies); globalThis.fetch by default. */
  fetch?: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
}

type InitParam<Init> =
  RequiredKeysOf<Init> extends never
    ? [(Init & { [key: string]: unknown })?]
    : [Init & { [key: string]: unknown }];

/** The success body of `Method Path`, or the route's declared error bodies as a thrown error. */
export type ResponseBody<Path extends keyof paths, Method extends HttpMethod, Init = object> =
  paths[Path] extends Record<Method, Record<string | number, unknown>>
    ? Exclude<FetchResponse<paths[Path][Method], Init, MediaType>['data'], undefined>
    : never;

type Method<M extends HttpMethod> = <
  Path extends PathsWithMethod<paths, M>,
  Init extends MaybeOptionalInit<paths[Path], M>,
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<ResponseBody<Path, M, Init>>;

export interface HooklineClient {
  GET: Method<'get'>;
  POST: Method<'post'>;
  PUT: Method<'put'>;
  PATCH: Method<'patch'>;
  DELETE: Method<'delete'>;
  /** The underlying openapi-fetch client: returns `{ data, error, response }`, never throws. */
  raw: Client<paths>;
}

export function createHooklineClient(options: HooklineClientOptions): HooklineClient {
  const raw = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.fetch,
    headers: { ...options.headers, authorization: `Bearer ${options.token}` },
  });
  const call =
    (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') => async (url: string, init?: object) => {
      const result = await (
        raw[method] as (u: string, i?: object) => Promise<FetchResponse<never, never, MediaType>>
      )(url, init);
      if (result.error !== undefined || !result.response.ok)
        throw new HooklineApiError(result.response.status, result.error);
      return result.data ?? null;
    };
  return {
    GET: call('GET') as HooklineClient['GET'],
    POST: call('POST') as HooklineClient['POST'],
    PUT: call('PUT') as HooklineClient['PUT'],
    PATCH: call('PATCH') as HooklineClient['PATCH'],
    DELETE: call('DELETE') as HooklineClient['DELETE'],
    raw,
  };
}
