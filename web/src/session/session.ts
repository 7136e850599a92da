/** How the console talks to the API: as the operator (admin token or app key) or a portal user. */
export interface PortalTheme {
  primaryColor?: string;
  logoUrl?: string;
  mode?: 'light' | 'dark';
}

export type Session =
  | { kind: 'operator'; token: string }
  | { kind: 'portal'; token: string; appId: string; theme: PortalTheme; expiresAt: string | null };

// Tab-scoped: closing the tab signs out, and another site's tab never shares it.
const KEY = 'hookline.session';

export function loadSession(): Session | null {
  try {
    const text = sessionStorage.getItem(KEY);
    return text ? (JSON.parse(text) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}
