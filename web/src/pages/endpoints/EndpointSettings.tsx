import type { Endpoint } from '../../api/types';
import { EndpointForm } from './EndpointForm';
import { formState } from './endpoint-form-state';
import { useEndpointSave } from './use-endpoint-save';

export function EndpointSettings({ endpoint }: { endpoint: Endpoint }) {
  const { save, errors, mutation } = useEndpointSave(endpoint.appId, endpoint);
  return (
    <section className="card" aria-labelledby="settings">
      <h2 id="settings">Settings</h2>
      <EndpointForm
        // A saved change reloads the endpoint; the form restarts from what was stored.
        key={endpoint.updatedAt}
        initial={formState(endpoint)}
        creating={false}
        errors={errors}
        busy={mutation.isPending}
        submitLabel="Save changes"
        onSubmit={save}
      />
      {mutation.isSuccess && (
        <p role="status" className="muted">
          Saved.
        </p>
      )}
    </section>
  );
}
