import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { HooklineApiError } from '../../../../src/client/api-error';
import { errorMessage } from '../../api/errors';
import { useSession } from '../../session/session-context';

/**
 * `/portal#<link token>`: exchanges the one-time link for a session scoped to one app, then opens
 * that app's endpoints. The token is in the fragment, which the browser never sends anywhere, and
 * is removed from the address bar at once.
 */
export function PortalPage() {
  const { signIn, session } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const link = window.location.hash.slice(1);
    window.history.replaceState(null, '', '/portal');
    if (!link) {
      if (session?.kind === 'portal')
        navigate(`/apps/${session.appId}/endpoints`, { replace: true });
      else setError('This portal link is incomplete.');
      return;
    }
    // The exchange carries no Authorization header: the link token is the credential.
    fetch('/api/v1/portal/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link }),
    })
      .then(async (response) => {
        const body: unknown = await response.json().catch(() => null);
        if (!response.ok) throw new HooklineApiError(response.status, body);
        const data = body as {
          token: string;
          appId: string;
          theme: { primaryColor?: string; logoUrl?: string; mode?: 'light' | 'dark' };
          expiresAt: string;
        };
        signIn({
          kind: 'portal',
          token: data.token,
          appId: data.appId,
          theme: data.theme,
          expiresAt: data.expiresAt,
        });
        navigate(`/apps/${data.appId}/endpoints`, { replace: true });
      })
      .catch((failure: unknown) => setError(errorMessage(failure)));
  }, [navigate, session, signIn]);
  return (
    <main className="signin" id="main">
      <div className="signin-card">
        <h1>Webhooks portal</h1>
        {error ? (
          <p role="alert" className="field-error">
            {error} Portal links work once and expire; ask for a new one.
          </p>
        ) : (
          <p role="status">Opening…</p>
        )}
      </div>
    </main>
  );
}
