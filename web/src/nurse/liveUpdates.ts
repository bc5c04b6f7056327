import { fetchEventSource } from '@microsoft/fetch-event-source';
import { useEffect, useRef, useState } from 'react';
import { useStaff } from '../staff/session';

export interface DashboardUpdate {
  seq: number;
  type: string;
  consultationId?: string;
}

/**
 * The clinic's review updates (server-sent events) while the page is open. The server ends each stream after a
 * few minutes; we reconnect with a fresh token and ?after= the last sequence number, so nothing is missed.
 */
export function useDashboardUpdates(onUpdate: (update: DashboardUpdate) => void): boolean {
  const { freshAccessToken } = useStaff();
  const [live, setLive] = useState(false);
  const handler = useRef(onUpdate);
  handler.current = onUpdate;

  useEffect(() => {
    const controller = new AbortController();
    let lastSeq: number | null = null;
    let stopped = false;
    (async () => {
      while (!stopped) {
        try {
          // The stream lives as long as the token: start each one with a token that has its life ahead of it.
          const token = await freshAccessToken();
          if (!token) throw new Error('signed out');
          await fetchEventSource(`/api/v1/notifications/dashboard${lastSeq != null ? `?after=${lastSeq}` : ''}`, {
            headers: { Authorization: `Bearer ${token}` },
            signal: controller.signal,
            openWhenHidden: true,
            async onopen(response) {
              if (!response.ok) throw new Error(`dashboard stream: HTTP ${response.status}`);
              setLive(true);
            },
            onmessage(event) {
              if (event.id) lastSeq = Number(event.id);
              let data: Record<string, unknown> = {};
              try {
                data = event.data ? (JSON.parse(event.data) as Record<string, unknown>) : {};
              } catch {
                // a keep-alive or an unknown payload: still a reason to look again
              }
              handler.current({ seq: lastSeq ?? 0, type: event.event || String(data.type ?? 'update'), ...data });
            },
            onclose() {
              // The server ended the stream (its time limit): the loop opens a new one.
            },
            onerror(error) {
              throw error; // no built-in retry: the loop retries with a fresh token
            },
          });
        } catch {
          // fall through to the pause below
        }
        setLive(false);
        if (!stopped) await new Promise((r) => setTimeout(r, 1500));
      }
    })();
    return () => {
      stopped = true;
      controller.abort();
    };
  }, [freshAccessToken]);
  return live;
}
