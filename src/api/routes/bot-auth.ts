import type { FastifyRequest } from 'fastify';
import { HooklineError } from '../../lib/errors.js';

/** The app whose API key called; connections belong to one app, so the admin token is refused. */
export function appIdOf(request: FastifyRequest): string {
  const principal = request.principal;
  if (principal?.kind !== 'app') {
    throw new HooklineError(
      'app_key_required',
      "bot connections belong to an app: authenticate with the app's API key",
    );
  }
  return principal.appId;
}
