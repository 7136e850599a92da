import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useBinStream } from '../../api/use-bin-stream';
import { CopyButton } from '../../components/CopyButton';
import { PageTitle } from '../../components/PageTitle';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { useApi } from '../../session/session-context';
import { BinRequests } from './BinRequests';
import { RequestDetail } from './RequestDetail';
import { Simulator } from './Simulator';

const LIVE_TEXT = {
  connecting: 'Connecting…',
  live: 'Live: new requests appear as they arrive',
  ended: 'Stream ended (bin deleted or expired)',
  error: 'Live updates failed; reload to retry',
};

/** A bin's captures, live (webhook.site-style); this page's URL is not the capture URL. */
export function BinPage() {
  const api = useApi();
  const { binId = '' } = useParams();
  const live = useBinStream(binId);
  const bin = useQuery({
    queryKey: ['bins', 'one', binId],
    queryFn: () => api.GET('/api/v1/bins/{binId}', { params: { path: { binId } } }),
  });
  return (
    <QueryView query={bin} what="Loading bin">
      {(b) => (
        <>
          <PageTitle title={`Bin ${b.id}`} />
          <section className="card" aria-labelledby="capture">
            <h2 id="capture">Capture URL</h2>
            <p>
              <code className="secret">{b.url}</code> <CopyButton text={b.url} />
            </p>
            <p className="muted">
              Send any request to this URL (or a path below it); it is answered {b.responseStatus}{' '}
              and shows up here. Expires <Time at={b.expiresAt} />.
            </p>
            <p role="status" className={`live live-${live}`}>
              {LIVE_TEXT[live]}
            </p>
          </section>
          <div className="split">
            <BinRequests binId={b.id} />
            <RequestDetail binId={b.id} />
          </div>
          {b.appId && <Simulator bin={b} />}
        </>
      )}
    </QueryView>
  );
}
