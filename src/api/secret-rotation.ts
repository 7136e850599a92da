import { rotateSecret } from '../domain/secrets.js';
import {
  algorithmOf,
  currentAlgorithm,
  type SignatureAlgorithm,
} from '../domain/signature-algorithm.js';
import type { Endpoint } from '../domain/types.js';
import type { ApiContext } from './context.js';
import { assertValidEndpoint } from './endpoint-input.js';
import { changeEndpoint } from './endpoint-records.js';
import { nextSecret } from './endpoint-secrets.js';

export interface RotationInput {
  secret?: string;
  signatureAlgorithm?: SignatureAlgorithm;
  /** How long older secrets keep signing (default 24 h); a shorter grace only shortens. */
  graceMs?: number;
}

/**
 * Secret rotation for both front doors (native and Svix APIs): a secret of the asked (or current)
 * algorithm becomes current through domain/secrets.ts rotateSecret(), checked against the
 * endpoint's format, then saved.
 */
export async function rotateEndpointSecret(
  ctx: ApiContext,
  endpoint: Endpoint,
  input: RotationInput,
): Promise<string> {
  const given = input.secret;
  let secret = '';
  await changeEndpoint(ctx, endpoint, (current, updatedAt) => {
    secret = nextSecret(
      given,
      input.signatureAlgorithm ?? (given ? algorithmOf(given) : currentAlgorithm(current.secrets)),
    );
    const rotated = rotateSecret(current, { secret, graceMs: input.graceMs }, ctx.clock.now());
    assertValidEndpoint(rotated.endpoint, ctx.targets);
    return { ...rotated.endpoint, updatedAt };
  });
  return secret;
}
