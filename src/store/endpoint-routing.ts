import { compileFilter, type EventMatcher } from '../domain/event-filter.js';
import { defaultOrderingKey, keyAt, parseKeyPath } from '../domain/ordering-key.js';
import { compilePayloadFilter, type PayloadMatcher } from '../domain/payload-filter.js';
import type { Endpoint, Ordering } from '../domain/types.js';
import { parseJsonLossless } from '../lib/json.js';

/** What message fan-out needs to know of an endpoint. */
export interface RoutableEndpoint {
  id: string;
  ordering: Ordering;
  /** A disabled endpoint still matches: its deliveries are made `held`, kept unsent. */
  disabled: boolean;
  matches: EventMatcher;
  /** The payload filter, compiled; null = none. */
  payloadMatches: PayloadMatcher | null;
  /** Per-key endpoints reading the key from the payload: the path's segments. */
  keyPath: string[] | null;
}

/** A delivery to create: the endpoint, and the key it is ordered by there (per-key only). */
export interface RouteTarget {
  endpoint: RoutableEndpoint;
  orderingKey: string | null;
}

export interface RoutedMessage {
  id: string;
  eventType: string;
  /** JSON text, parsed only when a filter or key path needs it. */
  payload: string;
  endpointId: string | null;
  orderingKey: string | null;
}

export interface RoutingSettings {
  id: string;
  ordering: Ordering;
  disabled: boolean;
  filterTypes: string[] | null;
  filter: Endpoint['filter'];
  orderingKeyPath: string | null;
}

export function toRoutable(endpoint: RoutingSettings): RoutableEndpoint {
  const path = endpoint.orderingKeyPath === null ? null : parseKeyPath(endpoint.orderingKeyPath);
  return {
    id: endpoint.id,
    ordering: endpoint.ordering,
    disabled: endpoint.disabled,
    matches: compileFilter(endpoint.filterTypes),
    payloadMatches: endpoint.filter === null ? null : compilePayloadFilter(endpoint.filter),
    keyPath: path && 'segments' in path ? path.segments : null,
  };
}

/**
 * The endpoints a message goes to, enabled or not (its explicit endpoint, or every event-type and payload
 * filter match), each with its ordering key: read at the endpoint's key path, else the message's
 * own key, else the one derived from its event. A per-key delivery without a key is ordered by
 * nothing (its message id: a key of its own).
 */
export function routeMessage(endpoints: RoutableEndpoint[], message: RoutedMessage): RouteTarget[] {
  let parsed: unknown;
  let didParse = false;
  const payload = () => {
    if (!didParse) {
      didParse = true;
      try {
        parsed = parseJsonLossless(message.payload);
      } catch {
        parsed = undefined;
      }
    }
    return parsed;
  };
  const out: RouteTarget[] = [];
  for (const endpoint of endpoints) {
    if (message.endpointId !== null) {
      if (endpoint.id !== message.endpointId) continue;
    } else if (!endpoint.matches(message.eventType)) {
      continue;
    } else if (endpoint.payloadMatches && !endpoint.payloadMatches(payload())) {
      continue;
    }
    out.push({ endpoint, orderingKey: orderingKeyOn(endpoint, message, payload) });
  }
  return out;
}

function orderingKeyOn(
  endpoint: RoutableEndpoint,
  message: RoutedMessage,
  payload: () => unknown,
): string | null {
  if (endpoint.ordering !== 'per-key') return null;
  const key = endpoint.keyPath
    ? keyAt(payload(), endpoint.keyPath)
    : (message.orderingKey ?? defaultOrderingKey(message.eventType, payload()));
  return key ?? message.id;
}
