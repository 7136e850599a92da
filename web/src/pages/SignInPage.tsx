import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { createHooklineClient } from '../../../src/client/index';
import { errorMessage } from '../api/errors';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { useSession } from '../session/session-context';

/** Sign in with the admin token (every app) or an app's API key (that app). */
export function SignInPage() {
  const { session, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/apps';
  if (session?.kind === 'operator') return <Navigate to={target} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      // The token is checked by a real call before it is kept.
      const api = createHooklineClient({ baseUrl: window.location.origin, token: token.trim() });
      await api.GET('/api/v1/apps', { params: { query: { limit: 1 } } });
      signIn({ kind: 'operator', token: token.trim() });
      navigate(target, { replace: true });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin" id="main">
      <div className="signin-card">
        <p className="brand brand-large">Hookline</p>
        <PageTitle title="Sign in" />
        <form onSubmit={submit}>
          <Field
            label="Admin token or app API key"
            error={error}
            hint="The first start printed the admin token and keeps it in data/admin-token."
          >
            <input
              type="password"
              autoComplete="current-password"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              required
              autoFocus
            />
          </Field>
          <button type="submit" className="primary" disabled={busy || token.trim() === ''}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
