import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage, fieldErrors } from '../../api/errors';
import { Field } from '../../components/Field';
import { useAppId } from '../../layout/use-app-id';
import { useApi } from '../../session/session-context';
import { binPage } from './InspectorPage';

export function CreateBinForm() {
  const api = useApi();
  const appId = useAppId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('200');
  const create = useMutation({
    mutationFn: () => api.POST('/api/v1/bins', { body: { appId, responseStatus: Number(status) } }),
    onSuccess: (bin) => {
      void queryClient.invalidateQueries({ queryKey: ['bins'] });
      navigate(binPage(bin.id, appId));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const errors = fieldErrors(create.error);
  return (
    <section className="card" aria-labelledby="new-bin">
      <h2 id="new-bin">New bin</h2>
      <form className="inline-form" onSubmit={submit}>
        <Field label="Answer captures with status" error={errors.responseStatus}>
          <input inputMode="numeric" value={status} onChange={(e) => setStatus(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create bin
        </button>
      </form>
      {create.isError && !errors.responseStatus && (
        <p role="alert" className="field-error">
          {errorMessage(create.error)}
        </p>
      )}
    </section>
  );
}
