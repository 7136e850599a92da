import type { ReactNode } from 'react';

/** A view with nothing to show yet, saying what would fill it. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}
