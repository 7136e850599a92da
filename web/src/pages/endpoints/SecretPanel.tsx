import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api/errors';
import type { Endpoint } from '../../api/types';
import { CopyButton } from '../../components/CopyButton';
import { ErrorState } from '../../components/ErrorState';
import { Field } from '../../components/Field';
import { Time } from '../../components/Time';
import { useApi } from '../../session/session-context';

/** The signing secrets, fetched only when asked for; rotation keeps old ones for a grace period. */
export function SecretPanel({ endpoint }: { endpoint: Endpoint }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState(false);
  const [graceHours, setGraceHours] = useState('24');
  const path = { appId: endpoint.appId, endpointId: endpoint.id };
  const secrets = useQuery({
    queryKey: ['secret', endpoint.id],
    enabled: shown,
    staleTime: 0,
    queryFn: () =>
      api.GET('/api/v1/apps/{appId}/endpoints/{endpointId}/secret', { params: { path } }),
  });
  const rotate = useMutation({
    mutationFn: () =>
      api.POST('/api/v1/apps/{appId}/endpoints/{endpointId}/secret/rotate', {
        params: { path },
        body: { graceMs: Math.round(Number(graceHours) * 3_600_000) },
      }),
    onSuccess: () => {
      setShown(true);
      void queryClient.invalidateQueries({ queryKey: ['secret', endpoint.id] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rotate.mutate();
  };
  return (
    <section className="card" aria-labelledby="secret">
      <h2 id="secret">Signing secret</h2>
      {!shown ? (
        <button type="button" onClick={() => setShown(true)}>
          Reveal secret
        </button>
      ) : secrets.isError ? (
        <ErrorState error={secrets.error} />
      ) : (
        <ul className="plain">
          {secrets.data?.secrets.map((s) => (
            <li key={s.createdAt + (s.secret ?? s.publicKey)}>
              <code className="secret">{s.secret ?? s.publicKey}</code>{' '}
              <CopyButton text={s.secret ?? s.publicKey ?? ''} />
              <div className="muted">
                {s.expiresAt ? (
                  <>
                    Retiring: signs until <Time at={s.expiresAt} />
                  </>
                ) : (
                  'Current'
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={submit}>
        <Field
          label="Grace period (hours)"
          error={fieldErrors(rotate.error).graceMs}
          hint="The old secret keeps signing this long"
        >
          <input
            inputMode="decimal"
            value={graceHours}
            onChange={(e) => setGraceHours(e.target.value)}
          />
        </Field>
        <button type="submit" disabled={rotate.isPending}>
          Rotate secret
        </button>
      </form>
      {rotate.isSuccess && (
        <p role="status" className="muted">
          Rotated: new deliveries are signed with the new secret and the old one.
        </p>
      )}
    </section>
  );
}
