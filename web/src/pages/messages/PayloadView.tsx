import { useQuery } from '@tanstack/react-query';
import { parse, stringify } from 'lossless-json';
import { JsonView } from '../../components/JsonView';
import { QueryView } from '../../components/QueryView';
import { useApi } from '../../session/session-context';

/**
 * The payload read as text and parsed with lossless-json, never JSON.parse, so 64-bit integers
 * (Viber message tokens) show exactly as stored.
 */
export function PayloadView({ appId, messageId }: { appId: string; messageId: string }) {
  const api = useApi();
  const text = useQuery({
    queryKey: ['messages', appId, 'text', messageId],
    queryFn: async () => {
      const { data, error, response } = await api.raw.GET(
        '/api/v1/apps/{appId}/messages/{messageId}',
        { params: { path: { appId, messageId } }, parseAs: 'text' },
      );
      if (error !== undefined || !response.ok) throw new Error(`HTTP ${response.status}`);
      const message = parse(data as unknown as string) as {
        payload: unknown;
        payloadDroppedAt?: string | null;
      };
      return {
        payload: stringify(message.payload) ?? 'null',
        droppedAt: message.payloadDroppedAt ?? null,
      };
    },
  });
  return (
    <QueryView query={text} what="Loading payload">
      {({ payload, droppedAt }) =>
        droppedAt !== null ? (
          <p>
            Payload dropped by payload retention on {new Date(droppedAt).toLocaleString()}; the
            message cannot be sent again.
          </p>
        ) : (
          <JsonView label="Payload" text={payload} />
        )
      }
    </QueryView>
  );
}
