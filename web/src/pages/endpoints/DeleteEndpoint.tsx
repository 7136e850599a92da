import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Endpoint } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { useApi } from '../../session/session-context';

export function DeleteEndpoint({ endpoint }: { endpoint: Endpoint }) {
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      api.DELETE('/api/v1/apps/{appId}/endpoints/{endpointId}', {
        params: { path: { appId: endpoint.appId, endpointId: endpoint.id } },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['endpoints', endpoint.appId] });
      navigate(`/apps/${endpoint.appId}/endpoints`);
    },
  });
  return (
    <section className="card" aria-labelledby="danger">
      <h2 id="danger">Delete</h2>
      <p>Deleting removes the endpoint with its deliveries and attempts.</p>
      <button
        type="button"
        className="danger"
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(`Delete the endpoint ${endpoint.url}?`)) remove.mutate();
        }}
      >
        Delete endpoint
      </button>
      {remove.isError && <ErrorState error={remove.error} />}
    </section>
  );
}
