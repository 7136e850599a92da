import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorMessage, fieldErrors } from '../../api/errors';
import { CopyButton } from '../../components/CopyButton';
import { Field } from '../../components/Field';
import { useApi } from '../../session/session-context';

/** Creates an app; its API key is shown here once, as the API returns it once. */
export function CreateAppForm() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: (appName: string) => api.POST('/api/v1/apps', { body: { name: appName } }),
    onSuccess: () => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['apps'] });
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name);
  };
  return (
    <section className="card" aria-labelledby="create-app">
      <h2 id="create-app">New app</h2>
      <form className="inline-form" onSubmit={submit}>
        <Field label="Name" error={errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create app
        </button>
      </form>
      {create.isError && !errors.name && (
        <p role="alert" className="field-error">
          {errorMessage(create.error)}
        </p>
      )}
      {create.data && (
        <div className="notice" role="status">
          <p>
            Created <Link to={`/apps/${create.data.id}/endpoints`}>{create.data.name}</Link>. Its
            API key is shown only now:
          </p>
          <p>
            <code className="secret">{create.data.apiKey}</code>{' '}
            <CopyButton text={create.data.apiKey} />
          </p>
        </div>
      )}
    </section>
  );
}
