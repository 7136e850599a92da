import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Empty } from '../../components/Empty';
import { JsonView } from '../../components/JsonView';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { useApi } from '../../session/session-context';
import { HeaderTable } from '../../components/HeaderTable';
import { SignatureCheck } from './SignatureCheck';

/** The selected capture: headers, body, and whether a Hookline endpoint signed it. */
export function RequestDetail({ binId }: { binId: string }) {
  const api = useApi();
  const [params] = useSearchParams();
  const requestId = params.get('request');
  const request = useQuery({
    queryKey: ['bin-requests', binId, 'one', requestId],
    enabled: requestId !== null,
    queryFn: () =>
      api.GET('/api/v1/bins/{binId}/requests/{requestId}', {
        params: { path: { binId, requestId: Number(requestId) } },
      }),
  });
  return (
    <section className="card" aria-labelledby="request-detail">
      <h2 id="request-detail">Request</h2>
      {requestId === null ? (
        <Empty>Choose a request to see it in full.</Empty>
      ) : (
        <QueryView query={request} what="Loading request">
          {(r) => (
            <>
              <p className="mono">
                {r.method} {r.path}
                {r.query && `?${r.query}`}
              </p>
              <p className="muted">
                From {r.remoteAddress}, <Time at={r.receivedAt} />, {r.bodySize} bytes
                {r.bodyTruncated && ' (truncated)'}
              </p>
              <SignatureCheck verification={r.verification} />
              <h3>Headers</h3>
              <HeaderTable headers={Object.fromEntries(r.headers)} label="Captured headers" />
              <h3>Body</h3>
              {r.bodyEncoding === 'base64' ? (
                <pre className="code">{r.body}</pre>
              ) : (
                <JsonView label="Captured body" text={r.body} />
              )}
            </>
          )}
        </QueryView>
      )}
    </section>
  );
}
