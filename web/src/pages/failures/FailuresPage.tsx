import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { Empty } from '../../components/Empty';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/QueryView';
import { useFilters } from '../../components/use-filters';
import { useApi } from '../../session/session-context';
import { DeliveryTable } from '../messages/DeliveryTable';
import { RecoverForm } from './RecoverForm';

/** Failed deliveries across the app's endpoints, and bulk recovery by endpoint and time window. */
export function FailuresPage() {
  const api = useApi();
  const { appId = '' } = useParams();
  const { values, cursor } = useFilters(['endpoint'] as const);
  const query = {
    cursor,
    limit: 25,
    state: 'failed' as const,
    endpointId: values.endpoint || undefined,
  };
  const failed = useQuery({
    queryKey: ['deliveries', appId, query],
    queryFn: () =>
      api.GET('/api/v1/apps/{appId}/deliveries', { params: { path: { appId }, query } }),
  });
  return (
    <>
      <PageTitle title="Failures" />
      <RecoverForm appId={appId} />
      <QueryView query={failed} what="Loading failed deliveries">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No failed deliveries. Deliveries that run out of retries show up here.</Empty>
          ) : (
            <>
              <DeliveryTable deliveries={page.data} caption="Failed deliveries" />
              <Pager nextCursor={page.nextCursor} />
            </>
          )
        }
      </QueryView>
    </>
  );
}
