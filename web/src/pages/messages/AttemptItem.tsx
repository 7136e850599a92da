import type { Attempt } from '../../api/types';
import { Time } from '../../components/Time';
import { HeaderTable } from '../../components/HeaderTable';

/** One attempt: when, what came back, how long; opened, the request and response in full. */
export function AttemptItem({
  attempt,
  open,
  onToggle,
}: {
  attempt: Attempt;
  open: boolean;
  onToggle(): void;
}) {
  const ok = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
  const sent = (attempt as Attempt & { requestHeaders?: Record<string, string> | null })
    .requestHeaders;
  const outcome =
    attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : (attempt.errorKind ?? 'error');
  return (
    <li className={ok ? 'ok' : 'bad'} id={`attempt-${attempt.id}`}>
      <button type="button" className="linkish" aria-expanded={open} onClick={onToggle}>
        <Time at={attempt.at} /> · <strong>{outcome}</strong> · {attempt.durationMs} ms
        {attempt.test && ' · test'}
      </button>
      {attempt.errorMessage && <div className="field-error">{attempt.errorMessage}</div>}
      {open && (
        <div className="attempt-detail">
          <dl className="props">
            <dt>Attempt</dt>
            <dd className="mono">{attempt.id}</dd>
            <dt>Endpoint</dt>
            <dd className="mono">{attempt.endpointId}</dd>
            {attempt.errorKind && (
              <>
                <dt>Error kind</dt>
                <dd>{attempt.errorKind}</dd>
              </>
            )}
          </dl>
          {sent && (
            <>
              <h3>Request headers sent</h3>
              <HeaderTable headers={sent} label="Request headers sent" />
            </>
          )}
          <h3>Response headers</h3>
          <HeaderTable headers={attempt.responseHeaders} label="Response headers" />
          <h3>Response body (excerpt)</h3>
          <pre className="code">{attempt.responseBody || '(empty)'}</pre>
        </div>
      )}
    </li>
  );
}
