import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useCatalog } from '../../api/use-catalog';
import { Field } from '../../components/Field';
import type { useFilters } from '../../components/use-filters';
import { useApi } from '../../session/session-context';

export const MESSAGE_FILTERS = ['eventType', 'state', 'endpoint', 'since', 'until'] as const;
export type MessageFilterState = ReturnType<typeof useFilters<(typeof MESSAGE_FILTERS)[number]>>;

export function MessageFilters({ filters }: { filters: MessageFilterState }) {
  const api = useApi();
  const { appId = '' } = useParams();
  const catalog = useCatalog();
  const endpoints = useQuery({
    queryKey: ['endpoints', appId, 'all'],
    queryFn: () =>
      api.GET('/api/v1/apps/{appId}/endpoints', {
        params: { path: { appId }, query: { limit: 100 } },
      }),
  });
  const { values, set } = filters;
  const byDelivery = values.state !== '' || values.endpoint !== '';
  return (
    <form
      className="filters card"
      role="search"
      aria-label="Filter messages"
      onSubmit={(e) => e.preventDefault()}
    >
      <Field label="Event type" hint={byDelivery ? 'Not applied to deliveries' : undefined}>
        <input
          list="event-types"
          value={values.eventType}
          onChange={(e) => set('eventType', e.target.value)}
          placeholder="any"
        />
      </Field>
      <datalist id="event-types">
        {catalog.data?.map((e) => (
          <option key={e.type} value={e.type} />
        ))}
      </datalist>
      <Field label="Delivery state">
        <select value={values.state} onChange={(e) => set('state', e.target.value)}>
          <option value="">any</option>
          <option>pending</option>
          <option>delivering</option>
          <option>succeeded</option>
          <option>failed</option>
        </select>
      </Field>
      <Field label="Endpoint">
        <select value={values.endpoint} onChange={(e) => set('endpoint', e.target.value)}>
          <option value="">any</option>
          {endpoints.data?.data.map((ep) => (
            <option key={ep.id} value={ep.id}>
              {ep.description || ep.url}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Since" hint={byDelivery ? 'Not applied to deliveries' : undefined}>
        <input
          type="datetime-local"
          value={values.since}
          onChange={(e) => set('since', e.target.value)}
        />
      </Field>
      <Field label="Until" hint={byDelivery ? 'Not applied to deliveries' : undefined}>
        <input
          type="datetime-local"
          value={values.until}
          onChange={(e) => set('until', e.target.value)}
        />
      </Field>
    </form>
  );
}
