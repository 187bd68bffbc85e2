import type { Actor } from '@/lib/authz/actor';
import { withRouteAccess } from '@/lib/authz/guard-route';
import { mayStillFollow } from '@/lib/db/live/may-still-follow';
import { loadLiveState } from '@/lib/db/live/read-live-state';
import { recordAttendance } from '@/lib/db/live/record-attendance';
import { errorResponse } from '@/lib/http/error-response';
import { liveHub } from '@/lib/live/server-hub';
import { sseComment, sseState } from '@/lib/live/sse-format';
import type { LiveState } from '@/lib/live/live-state';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const HEARTBEAT_MS = 15_000;

/**
 * A meeting's live stream (Server-Sent Events). On connect: the full current state (`id:` = seq),
 * then the full state again after every change, and a comment every 15 s so proxies keep the
 * connection open. A reconnecting EventSource sends Last-Event-ID; it gets the current state at
 * once, which replaces whatever it missed. Opening the stream records attendance.
 * `?once=1` answers the current state and closes (a snapshot for clients that cannot stream,
 * and for the route matrix). Outside the caller's meeting scope: 404.
 */
export const GET = withRouteAccess('/api/meetings/[meetingId]/live', async (request, { actor, params }: { params: Promise<{ meetingId: string }> } & { actor: Actor | null }) => {
  let meetingId: string;
  let initial: LiveState;
  try {
    meetingId = (await params).meetingId;
    initial = await loadLiveState({ actor: actor!, meetingId });
  } catch (error) {
    return errorResponse(error);
  }
  const headers = {
    'Content-Type': 'text/event-stream; charset=utf-8',
    // no-transform: Next's response compression would otherwise buffer the stream.
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  };
  if (new URL(request.url).searchParams.get('once') === '1') return new Response(sseState(initial), { headers });

  await recordAttendance({ actor: actor!, meetingId }).catch((error: unknown) => console.error('[live] attendance', error));
  const hub = liveHub();
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let lastSeq = -1;
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const push = (state: LiveState) => {
        // States arrive in order per meeting; an older one (read before the first) is skipped.
        if (state.seq < lastSeq) return;
        lastSeq = state.seq;
        send(sseState(state));
      };
      // Subscribe before reading, so no change can fall between the read and the subscription.
      const unsubscribe = hub.subscribe(meetingId, push);
      // Each heartbeat also re-checks access: removal from the board or deactivation ends the stream.
      const heartbeat = setInterval(() => {
        send(sseComment('heartbeat'));
        mayStillFollow(actor!, meetingId).then(
          (ok) => {
            if (!ok) cleanup();
          },
          () => {},
        );
      }, HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      request.signal.addEventListener('abort', () => cleanup());
      // The client may have gone while attendance was written: then 'abort' has already fired.
      if (request.signal.aborted) {
        cleanup();
        return;
      }
      send('retry: 2000\n\n');
      try {
        await hub.start();
        // Re-read after subscribing: the state may have moved since `initial`.
        push(await loadLiveState({ actor: actor!, meetingId }).catch(() => initial));
      } catch {
        push(initial);
      }
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers });
});
