import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { CopyButton } from '../../components/CopyButton';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { QueryView } from '../../components/QueryView';
import { useApi } from '../../session/session-context';
import { ViberWebhook } from './ViberWebhook';

/** The app's Viber auth token (revealed on click, rotated on demand) and its webhook. */
export function ViberPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { appId = '' } = useParams();
  const [shown, setShown] = useState(false);
  const token = useQuery({
    queryKey: ['viber-token', appId],
    queryFn: () => api.GET('/api/v1/apps/{appId}/viber-token', { params: { path: { appId } } }),
  });
  const rotate = useMutation({
    mutationFn: () => api.POST('/api/v1/apps/{appId}/viber-token', { params: { path: { appId } } }),
    onSuccess: (data) => {
      queryClient.setQueryData(['viber-token', appId], data);
      setShown(true);
    },
  });
  return (
    <>
      <PageTitle title="Viber" />
      <QueryView query={token} what="Loading the Viber token">
        {(t) => (
          <>
            <section className="card" aria-labelledby="viber-token">
              <h2 id="viber-token">Auth token</h2>
              <p className="muted">
                Senders call /pa/set_webhook and /pa/send_message with it as X-Viber-Auth-Token; it
                also signs viber-format deliveries.
              </p>
              {t.viberAuthToken === null ? (
                <p>No token issued yet.</p>
              ) : shown ? (
                <p>
                  <code className="secret">{t.viberAuthToken}</code>{' '}
                  <CopyButton text={t.viberAuthToken} />
                </p>
              ) : (
                <button type="button" onClick={() => setShown(true)}>
                  Reveal token
                </button>
              )}{' '}
              <button
                type="button"
                disabled={rotate.isPending}
                onClick={() => {
                  if (
                    t.viberAuthToken === null ||
                    window.confirm('The current token stops working at once. Rotate?')
                  )
                    rotate.mutate();
                }}
              >
                {t.viberAuthToken === null ? 'Issue token' : 'Rotate token'}
              </button>
              {rotate.isError && <ErrorState error={rotate.error} />}
            </section>
            {t.viberAuthToken && <ViberWebhook token={t.viberAuthToken} />}
          </>
        )}
      </QueryView>
    </>
  );
}
