'use client';
// Follows a meeting's live state over Server-Sent Events (native EventSource, which reconnects
// by itself and sends Last-Event-ID; the server answers with the current full state). Every
// event is the whole state, so the newest seq simply wins. A state the server rendered into the
// page (after router.refresh) is adopted too when it is newer.
import { useCallback, useEffect, useState } from 'react';
import type { LiveState } from '@/lib/live/live-state';

export type LiveConnection = 'connecting' | 'open' | 'reconnecting';

function newer(current: LiveState, next: LiveState): LiveState {
  // Same seq: attendance may still have changed (joins do not bump seq).
  return next.seq >= current.seq ? next : current;
}

export function useLiveState(meetingId: string, serverState: LiveState): { state: LiveState; connection: LiveConnection; adopt: (next: LiveState) => void } {
  const [state, setState] = useState(serverState);
  const [connection, setConnection] = useState<LiveConnection>('connecting');

  useEffect(() => {
    setState((current) => newer(current, serverState));
  }, [serverState]);

  useEffect(() => {
    const source = new EventSource(`/api/meetings/${encodeURIComponent(meetingId)}/live`);
    source.addEventListener('open', () => setConnection('open'));
    source.addEventListener('error', () => setConnection('reconnecting'));
    source.addEventListener('state', (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as LiveState;
      setConnection('open');
      setState((current) => newer(current, next));
    });
    return () => source.close();
  }, [meetingId]);

  // A presenter's own change: shown from the action's answer, without waiting for the echo.
  const adopt = useCallback((next: LiveState) => setState((current) => newer(current, next)), []);
  return { state, connection, adopt };
}
