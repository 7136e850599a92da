import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { QueryView } from '../../components/QueryView';
import { useApi } from '../../session/session-context';
import { ComposeEditor } from './ComposeEditor';
import { DeleteEndpoint } from './DeleteEndpoint';
import { EndpointSettings } from './EndpointSettings';
import { HealthSummary } from './HealthSummary';
import { SecretPanel } from './SecretPanel';
import { TestEventPanel } from './TestEventPanel';

export function EndpointPage() {
  const api = useApi();
  const { appId = '', endpointId = '' } = useParams();
  const endpoint = useQuery({
    queryKey: ['endpoints', appId, 'one', endpointId],
    queryFn: () =>
      api.GET('/api/v1/apps/{appId}/endpoints/{endpointId}', {
        params: { path: { appId, endpointId } },
      }),
  });
  return (
    <QueryView query={endpoint} what="Loading endpoint">
      {(ep) => (
        <>
          <PageTitle
            title={`Endpoint ${ep.description || ep.url}`}
            actions={
              <>
                <Link to={`/apps/${appId}/messages?endpoint=${ep.id}`}>Deliveries</Link>
                <Link to={`/apps/${appId}/failures?endpoint=${ep.id}`}>Failures</Link>
              </>
            }
          />
          <p className="mono">{ep.url}</p>
          <HealthSummary endpoint={ep} />
          <EndpointSettings endpoint={ep} />
          <div className="split">
            <SecretPanel endpoint={ep} />
            <TestEventPanel endpoint={ep} />
          </div>
          <ComposeEditor endpoint={ep} />
          <DeleteEndpoint endpoint={ep} />
        </>
      )}
    </QueryView>
  );
}
