// The fan-out: one dedicated PostgreSQL connection per server process LISTENs on the live
// channel and hands every change to this process's subscribers of that meeting. Several app
// instances stay in sync because each LISTENs for itself; PostgreSQL is the only broker.
//
// A NOTIFY carries only { meetingId, seq, kind }; the hub re-reads the meeting's full state once
// per notification (not once per subscriber) and pushes it. Reads of one meeting are serialised
// and coalesced, so subscribers see states in seq order and a burst costs one read, not N.
// A NOTIFY sent while the connection is down is lost, the state is not: after reconnecting the
// hub re-reads every subscribed meeting and pushes it.
import { Client } from 'pg';
import { LIVE_CHANNEL, type LiveNotice, type LiveState } from './live-state';

export type LiveListener = (state: LiveState) => void;

export interface LiveHubOptions {
  connectionString: string;
  readState: (meetingId: string) => Promise<LiveState | null>;
  /** First reconnect delay; doubles up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  log?: (message: string, error?: unknown) => void;
}

interface MeetingEntry {
  listeners: Set<LiveListener>;
  reading: boolean;
  dirty: boolean;
}

export class LiveHub {
  private readonly options: Required<Omit<LiveHubOptions, 'log'>> & Pick<LiveHubOptions, 'log'>;
  private readonly meetings = new Map<string, MeetingEntry>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;
  private backoffMs: number;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** Resolves whenever a connection is (re)established; tests wait on it. */
  private connectedWaiters: (() => void)[] = [];
  connectionCount = 0;

  constructor(options: LiveHubOptions) {
    this.options = { minBackoffMs: 250, maxBackoffMs: 5000, ...options };
    this.backoffMs = this.options.minBackoffMs;
  }

  /** Connects (once) and LISTENs. Safe to call repeatedly. */
  start(): Promise<void> {
    this.stopped = false;
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  get connected(): boolean {
    return this.client !== null;
  }

  /** Registers a listener for one meeting; returns the unsubscribe function. */
  subscribe(meetingId: string, listener: LiveListener): () => void {
    let entry = this.meetings.get(meetingId);
    if (!entry) {
      entry = { listeners: new Set(), reading: false, dirty: false };
      this.meetings.set(meetingId, entry);
    }
    entry.listeners.add(listener);
    void this.start().catch(() => {});
    return () => {
      const current = this.meetings.get(meetingId);
      if (!current) return;
      current.listeners.delete(listener);
      if (current.listeners.size === 0 && !current.reading) this.meetings.delete(meetingId);
    };
  }

  subscriberCount(meetingId?: string): number {
    if (meetingId) return this.meetings.get(meetingId)?.listeners.size ?? 0;
    let n = 0;
    for (const entry of this.meetings.values()) n += entry.listeners.size;
    return n;
  }

  /** Waits until the hub has a live connection (after start or a reconnect). */
  whenConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    return new Promise((resolve) => this.connectedWaiters.push(resolve));
  }

  /** The PostgreSQL backend pid of the LISTEN connection (tests terminate it to force a reconnect). */
  get backendPid(): number | null {
    return (this.client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.connectionString, application_name: 'konsil-live-hub' });
    client.on('notification', (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      let notice: LiveNotice;
      try {
        notice = JSON.parse(message.payload) as LiveNotice;
      } catch {
        return;
      }
      this.refresh(notice.meetingId);
    });
    const onLost = (error?: unknown) => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => {});
      this.options.log?.('live hub: connection lost, reconnecting', error);
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => {});
      await client.end().catch(() => {});
      this.options.log?.('live hub: connect failed', error);
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.connectionCount += 1;
    const wasReconnect = this.connectionCount > 1;
    this.backoffMs = this.options.minBackoffMs;
    for (const resolve of this.connectedWaiters.splice(0)) resolve();
    // Whatever was NOTIFYed while we were away is lost; the state is not.
    if (wasReconnect) for (const meetingId of this.meetings.keys()) this.refresh(meetingId);
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.start().catch(() => {});
    }, delay);
    this.reconnectTimer.unref?.();
  }

  /** Re-reads one meeting and pushes it; a notification during a read causes one more read. */
  refresh(meetingId: string): void {
    const entry = this.meetings.get(meetingId);
    if (!entry || entry.listeners.size === 0) return;
    if (entry.reading) {
      entry.dirty = true;
      return;
    }
    entry.reading = true;
    void (async () => {
      try {
        do {
          entry.dirty = false;
          const state = await this.options.readState(meetingId).catch((error: unknown) => {
            this.options.log?.(`live hub: reading meeting ${meetingId} failed`, error);
            return null;
          });
          if (state) {
            for (const listener of [...entry.listeners]) {
              try {
                listener(state);
              } catch (error) {
                this.options.log?.('live hub: a listener threw', error);
              }
            }
          }
        } while (entry.dirty);
      } finally {
        entry.reading = false;
        if (entry.listeners.size === 0) this.meetings.delete(meetingId);
      }
    })();
  }
}
