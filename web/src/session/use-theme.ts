import { useEffect } from 'react';
import type { Session } from './session';

/** A portal session's theme: the provider's primary colour and light or dark mode. */
export function useTheme(session: Session | null): void {
  useEffect(() => {
    const root = document.documentElement;
    const theme = session?.kind === 'portal' ? session.theme : {};
    if (theme.primaryColor) root.style.setProperty('--primary', theme.primaryColor);
    else root.style.removeProperty('--primary');
    if (theme.mode) root.dataset.mode = theme.mode;
    else delete root.dataset.mode;
  }, [session]);
}
