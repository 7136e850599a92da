import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { createHooklineClient } from '../../../src/client/index';
import { loadSession, saveSession, type Session } from './session';
import { SessionContext, type SessionState } from './session-context';
import { useTheme } from './use-theme';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(loadSession);
  const queryClient = useQueryClient();
  useTheme(session);
  const signIn = useCallback(
    (next: Session) => {
      queryClient.clear();
      saveSession(next);
      setSession(next);
    },
    [queryClient],
  );
  const signOut = useCallback(() => {
    queryClient.clear();
    saveSession(null);
    setSession(null);
  }, [queryClient]);
  const state = useMemo<SessionState>(
    () => ({
      session,
      api: session
        ? createHooklineClient({ baseUrl: window.location.origin, token: session.token })
        : null,
      signIn,
      signOut,
    }),
    [session, signIn, signOut],
  );
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}
