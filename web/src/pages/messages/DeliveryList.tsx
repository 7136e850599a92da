import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { Empty } from '../../components/Empty';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/QueryView';
import { useApi } from '../../session/session-context';
import { DeliveryTable } from './DeliveryTable';
import type { MessageFilterState } from './MessageFilters';

export function DeliveryList({ filters }: { filters: MessageFilterState }) {
  const api = useApi();
  const { appId = '' } = useParams();
  const { values, cursor } = filters;
  const query = {
    cursor,
    limit: 25,
    state: (values.state || undefined) as 'failed' | undefined,
    endpointId: values.endpoint || undefined,
  };
  const deliveries = useQuery({
    queryKey: ['deliveries', appId, query],
    queryFn: () =>
      api.GET('/api/v1/apps/{appId}/deliveries', { params: { path: { appId }, query } }),
  });
  return (
    <QueryView query={deliveries} what="Loading deliveries">
      {(page) =>
        page.data.length === 0 ? (
          <Empty>No deliveries match these filters.</Empty>
        ) : (
          <>
            <DeliveryTable deliveries={page.data} />
            <Pager nextCursor={page.nextCursor} />
          </>
        )
      }
    </QueryView>
  );
}
