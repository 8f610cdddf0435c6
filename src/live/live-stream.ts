import type { LiveActivityEvent, LiveCountersEvent } from './dto/live-events.dto';

/** The part of an HTTP response a stream writes to (a ServerResponse; a plain Writable in unit tests). */
export interface EventSink {
  write(chunk: string): boolean;
  end(): void;
  destroy(): void;
  once(event: 'drain', listener: () => void): unknown;
  readonly writableLength: number;
}

export interface LiveStreamOptions {
  /** The id of the first event: one more than the Last-Event-ID the client sent, else 1. */
  firstId: number;
  /** At most this many `activity` events within any second (SPEC §3.11: 50); beyond, only counters. */
  maxActivitiesPerSecond: number;
  /** A client that has not read what is waiting for this long is disconnected. */
  drainTimeoutMs: number;
  /** A client with more than this many bytes waiting is disconnected at once. */
  maxBufferedBytes: number;
  /** The clock (ms), for tests. */
  now?: () => number;
}

export const DEFAULT_STREAM_OPTIONS: Omit<LiveStreamOptions, 'firstId'> = {
  maxActivitiesPerSecond: 50,
  drainTimeoutMs: 30_000,
  maxBufferedBytes: 256 * 1024,
};

export type CloseReason = 'client' | 'slow' | 'shutdown';

/**
 * One client's Server-Sent Events stream. Every event gets the next id (they only increase, also
 * across a reconnection with Last-Event-ID); identical counters are not sent twice. A slow client
 * never slows anyone else: nothing here waits for it. While the socket refuses more (`write`
 * answered false), its activity events and heartbeats are skipped and only the latest counters are
 * kept, sent when it drains; a client still behind after `drainTimeoutMs`, or with more than
 * `maxBufferedBytes` waiting, is disconnected.
 */
export class LiveStream {
  private nextId: number;
  private lastCounters: string | undefined;
  private pendingCounters: LiveCountersEvent | undefined;
  private waitingForDrain = false;
  private drainTimer: NodeJS.Timeout | undefined;
  private readonly sentAt: number[] = [];
  private readonly now: () => number;
  private closed = false;
  /** Activity events left out by the per-second cap or a slow socket (for logs and tests). */
  skippedActivities = 0;
  onClose: ((reason: CloseReason) => void) | undefined;

  constructor(
    private readonly sink: EventSink,
    /** The key may see confidential groups of this network (canSeeConfidential). */
    readonly seesConfidential: boolean,
    private readonly options: LiveStreamOptions,
  ) {
    this.nextId = options.firstId;
    this.now = options.now ?? Date.now;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends the counters unless they equal the last ones sent (`at` aside). */
  sendCounters(event: LiveCountersEvent): void {
    if (this.closed) return;
    if (this.waitingForDrain) {
      this.pendingCounters = event;
      return;
    }
    const signature = JSON.stringify([event.today, event.lastHour]);
    if (signature === this.lastCounters) return;
    this.lastCounters = signature;
    this.write(this.event('counters', event));
  }

  /** Sends an activity event, unless this second's cap is reached or the client is behind. */
  sendActivity(event: LiveActivityEvent): void {
    if (this.closed) return;
    const now = this.now();
    while (this.sentAt.length > 0 && this.sentAt[0] <= now - 1000) this.sentAt.shift();
    if (this.waitingForDrain || this.sentAt.length >= this.options.maxActivitiesPerSecond) {
      this.skippedActivities++;
      return;
    }
    this.sentAt.push(now);
    this.write(this.event('activity', event));
  }

  /** A comment line: keeps proxies from closing an idle connection and lets the client see it is alive. */
  heartbeat(): void {
    if (this.closed || this.waitingForDrain) return;
    this.write(': heartbeat\n\n');
  }

  /** Ends the stream: at the client's request or on shutdown, after what is written; a slow client's at once. */
  close(reason: CloseReason): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.drainTimer);
    if (reason === 'slow') this.sink.destroy();
    else if (reason === 'shutdown') this.sink.end();
    this.onClose?.(reason);
  }

  private event(name: string, data: unknown): string {
    return `id: ${this.nextId++}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  }

  private write(text: string): void {
    const accepted = this.sink.write(text);
    if (this.sink.writableLength > this.options.maxBufferedBytes) {
      this.close('slow');
      return;
    }
    if (accepted) return;
    this.waitingForDrain = true;
    this.drainTimer = setTimeout(() => this.close('slow'), this.options.drainTimeoutMs);
    this.sink.once('drain', () => {
      clearTimeout(this.drainTimer);
      this.waitingForDrain = false;
      const pending = this.pendingCounters;
      this.pendingCounters = undefined;
      if (pending && !this.closed) this.sendCounters(pending);
    });
  }
}

/** The first id of a stream: one more than a valid Last-Event-ID (a non-negative integer), else 1. */
export function firstEventId(lastEventId: string | undefined): number {
  if (lastEventId === undefined || !/^\d{1,15}$/.test(lastEventId.trim())) return 1;
  return Number(lastEventId.trim()) + 1;
}
