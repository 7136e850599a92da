import type { Ordering } from '../../domain/types.js';
import { toRoutable, type RoutableEndpoint } from '../endpoint-routing.js';

/** The endpoint columns routing reads, as PostgreSQL returns them (filters as JSON text). */
export interface RoutingColumns {
  id: string;
  ordering: Ordering;
  disabled: boolean;
  filter_types: string | null;
  payload_filter: string | null;
  ordering_key_path: string | null;
}

export function routableOfRow(r: RoutingColumns): RoutableEndpoint {
  return toRoutable({
    id: r.id,
    ordering: r.ordering,
    disabled: r.disabled,
    filterTypes: r.filter_types === null ? null : JSON.parse(r.filter_types),
    filter: r.payload_filter === null ? null : JSON.parse(r.payload_filter),
    orderingKeyPath: r.ordering_key_path,
  });
}
