import { createContext, useContext } from 'react';
import type { HooklineClient } from '../../../src/client/index';
import type { Session } from './session';

export interface SessionState {
  session: Session | null;
  api: HooklineClient | null;
  signIn(session: Session): void;
  signOut(): void;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside <SessionProvider>');
  return state;
}

/** The API client of the signed-in session; pages under <RequireSession> always have one. */
export function useApi(): HooklineClient {
  const { api } = useSession();
  if (!api) throw new Error('useApi without a session');
  return api;
}
