import { compileFilter, type EventMatcher } from '../domain/event-filter.js';
import type { Endpoint, Ordering } from '../domain/types.js';

/** What message fan-out needs to know of an endpoint. */
export interface RoutableEndpoint {
  id: string;
  ordering: Ordering;
  matches: EventMatcher;
}

export function toRoutable(endpoint: Endpoint): RoutableEndpoint {
  return {
    id: endpoint.id,
    ordering: endpoint.ordering,
    matches: compileFilter(endpoint.filterTypes),
  };
}

/** The enabled endpoints a message goes to: its explicit endpoint, or every filter match. */
export function routeMessage(
  endpoints: RoutableEndpoint[],
  eventType: string,
  endpointId: string | null,
): RoutableEndpoint[] {
  if (endpointId !== null) return endpoints.filter((e) => e.id === endpointId);
  return endpoints.filter((e) => e.matches(eventType));
}
