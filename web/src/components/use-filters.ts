import { useSearchParams } from 'react-router';

/**
 * A list's filters held in the URL, so a filtered view can be linked to. Changing a filter drops
 * the cursor: page 2 of one filter is not page 2 of another.
 */
export function useFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<K, string>;
  const set = (key: K, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('cursor');
    setParams(next, { replace: true });
  };
  return { values, set, cursor: params.get('cursor') ?? undefined };
}

/** A datetime-local value (the reader's time zone) as the ISO instant the API takes. */
export const localToIso = (local: string): string | undefined =>
  local ? new Date(local).toISOString() : undefined;
