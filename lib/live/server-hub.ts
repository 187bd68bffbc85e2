import 'server-only';
// This server process's one LiveHub (parked on globalThis so `next dev` reloads reuse it).
import { unsafeReadLiveState } from '@/lib/db/live/read-live-state';
import { LiveHub } from './live-hub';

const globalForHub = globalThis as unknown as { konsilLiveHub?: LiveHub };

export function liveHub(): LiveHub {
  if (!globalForHub.konsilLiveHub) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set');
    globalForHub.konsilLiveHub = new LiveHub({
      connectionString,
      readState: (meetingId) => unsafeReadLiveState(meetingId),
      log: (message, error) => console.warn(`[live] ${message}`, error instanceof Error ? error.message : ''),
    });
  }
  return globalForHub.konsilLiveHub;
}
