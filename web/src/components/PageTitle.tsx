import { useEffect, type ReactNode } from 'react';

/** The page's heading, also the document title (what a tab and a screen reader announce). */
export function PageTitle({ title, actions }: { title: string; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Hookline`;
  }, [title]);
  return (
    <div className="page-title">
      <h1>{title}</h1>
      {actions && <div className="actions">{actions}</div>}
    </div>
  );
}
