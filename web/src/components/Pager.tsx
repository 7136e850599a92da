import { useSearchParams } from 'react-router';

/**
 * Cursor pagination held in the URL (`?cursor=`), so a page of a list can be linked to. The API's
 * cursors go one way (older), so "Back to newest" restarts from the first page.
 */
export function Pager({ nextCursor }: { nextCursor: string | null }) {
  const [params, setParams] = useSearchParams();
  const cursor = params.get('cursor');
  if (!cursor && !nextCursor) return null;
  const go = (next: string | null) => {
    const copy = new URLSearchParams(params);
    if (next) copy.set('cursor', next);
    else copy.delete('cursor');
    setParams(copy);
  };
  return (
    <nav className="pager" aria-label="Pages">
      {cursor && (
        <button type="button" onClick={() => go(null)}>
          Back to newest
        </button>
      )}
      {nextCursor && (
        <button type="button" onClick={() => go(nextCursor)}>
          Older
        </button>
      )}
    </nav>
  );
}
