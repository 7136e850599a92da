/** A delivery or endpoint state, coloured by meaning and always spelled out in text. */
export function StateBadge({ state }: { state: string }) {
  return <span className={`badge badge-${state}`}>{state}</span>;
}
