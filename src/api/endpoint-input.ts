import { targetProblem, type TargetRules } from '../delivery/target-rules.js';
import { endpointProblems } from '../domain/endpoint-rules.js';
import { currentAlgorithm } from '../domain/signature-algorithm.js';
import type { Endpoint } from '../domain/types.js';
import { formatNames, getFormat } from '../formats/registry.js';
import { badRequest, type ErrorDetail } from '../lib/errors.js';

/**
 * Every rule the schema cannot express, checked on the merged endpoint, the egress policy and
 * HOOKLINE_REQUIRE_HTTPS included; throws a 400 naming each field.
 */
export function assertValidEndpoint(endpoint: Endpoint, targets: TargetRules): void {
  const details: ErrorDetail[] = endpointProblems(endpoint);
  const refused = details.some((d) => d.field === 'url')
    ? null
    : targetProblem(endpoint.url, targets);
  if (refused) details.unshift({ field: 'url', message: refused });
  const format = getFormat(endpoint.format);
  if (!format) {
    details.push({
      field: 'format',
      message: `unknown format "${endpoint.format}"; one of ${formatNames().join(', ')}`,
    });
  } else {
    if (format.hmacOnly && currentAlgorithm(endpoint.secrets) === 'ed25519')
      details.push({
        field: 'format',
        message: `the ${format.name} format signs with an HMAC; an ed25519 endpoint cannot use it (rotate to an hmac-sha256 secret first)`,
      });
    for (const d of format.validateOptions(endpoint.formatOptions)) {
      details.push({ ...d, field: `formatOptions${d.field ? `.${d.field}` : ''}` });
    }
  }
  if (details.length > 0) {
    throw badRequest(`${details[0].field}: ${details[0].message}`, details);
  }
}
