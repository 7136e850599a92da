import { useSearchParams } from 'react-router';
import type { Attempt } from '../../api/types';
import { AttemptItem } from './AttemptItem';

/** Attempts newest first; `?attempt=<id>` in the URL opens one, so it can be linked to. */
export function AttemptTimeline({ attempts }: { attempts: Attempt[] }) {
  const [params, setParams] = useSearchParams();
  const open = params.get('attempt');
  const toggle = (id: number) => {
    const next = new URLSearchParams(params);
    if (open === String(id)) next.delete('attempt');
    else next.set('attempt', String(id));
    setParams(next, { replace: true });
  };
  return (
    <ol className="timeline">
      {attempts.map((a) => (
        <AttemptItem
          key={a.id}
          attempt={a}
          open={open === String(a.id)}
          onToggle={() => toggle(a.id)}
        />
      ))}
    </ol>
  );
}
