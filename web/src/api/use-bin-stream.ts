import { useQueryClient } from '@tanstack/react-query';
import { createParser } from 'eventsource-parser';
import { useEffect, useState } from 'react';
import { useSession } from '../session/session-context';

export type StreamState = 'connecting' | 'live' | 'ended' | 'error';

/**
 * Follows GET /bins/{binId}/stream (server-sent events). EventSource cannot send the
 * Authorization header, so the stream is read with fetch and parsed with eventsource-parser;
 * each `request` event refreshes the bin's request list.
 */
export function useBinStream(binId: string): StreamState {
  const { session } = useSession();
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const token = session?.token;
  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    setState('connecting');
    const refresh = () => void queryClient.invalidateQueries({ queryKey: ['bin-requests', binId] });
    const parser = createParser({
      onEvent(event) {
        if (event.event === 'ready') setState('live');
        else if (event.event === 'request') refresh();
        else if (event.event === 'deleted' || event.event === 'expired') setState('ended');
      },
    });
    (async () => {
      const response = await fetch(`/api/v1/bins/${encodeURIComponent(binId)}/stream`, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
      setState((s) => (s === 'ended' ? s : 'ended'));
    })().catch(() => {
      if (!abort.signal.aborted) setState('error');
    });
    return () => abort.abort();
  }, [binId, token, queryClient]);
  return state;
}
