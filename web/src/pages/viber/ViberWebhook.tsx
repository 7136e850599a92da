import { useQuery } from '@tanstack/react-query';
import { Empty } from '../../components/Empty';
import { QueryView } from '../../components/QueryView';

interface AccountInfo {
  status: number;
  status_message: string;
  webhook?: string;
  event_types?: string[];
}

/** The webhook as /pa/set_webhook left it, read the way a Viber client reads it (get_account_info). */
export function ViberWebhook({ token }: { token: string }) {
  const info = useQuery({
    queryKey: ['viber-account', token],
    queryFn: async () => {
      const response = await fetch('/pa/get_account_info', {
        method: 'POST',
        headers: { 'x-viber-auth-token': token, 'content-type': 'application/json' },
        body: '{}',
      });
      const body = (await response.json()) as AccountInfo;
      if (body.status !== 0) throw new Error(`get_account_info: ${body.status_message}`);
      return body;
    },
  });
  return (
    <section className="card" aria-labelledby="viber-webhook">
      <h2 id="viber-webhook">Webhook</h2>
      <QueryView query={info} what="Loading the webhook">
        {(account) =>
          account.webhook ? (
            <dl className="props">
              <dt>URL</dt>
              <dd className="mono">{account.webhook}</dd>
              <dt>Event types</dt>
              <dd>{account.event_types?.join(', ') || 'none'}</dd>
            </dl>
          ) : (
            <Empty>No webhook set. A sender sets one with /pa/set_webhook.</Empty>
          )
        }
      </QueryView>
    </section>
  );
}
