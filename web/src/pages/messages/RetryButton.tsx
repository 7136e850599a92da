import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/errors';
import type { Delivery } from '../../api/types';
import { useApi } from '../../session/session-context';

/** Tries the delivery now; a failed one starts a fresh schedule. */
export function RetryButton({ delivery }: { delivery: Delivery }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () =>
      api.POST('/api/v1/apps/{appId}/deliveries/{deliveryId}/retry', {
        params: { path: { appId: delivery.appId, deliveryId: delivery.id } },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['deliveries', delivery.appId] });
      void queryClient.invalidateQueries({ queryKey: ['attempts', delivery.appId] });
    },
  });
  return (
    <>
      <button
        type="button"
        className="small"
        disabled={retry.isPending}
        onClick={() => retry.mutate()}
        aria-label={`Retry now: delivery ${delivery.id}`}
      >
        {retry.isSuccess ? 'Retrying' : 'Retry now'}
      </button>
      {retry.isError && (
        <span role="alert" className="field-error">
          {errorMessage(retry.error)}
        </span>
      )}
    </>
  );
}
