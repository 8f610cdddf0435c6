import { EventSink, firstEventId, LiveStream, LiveStreamOptions } from './live-stream';
import type { LiveActivityEvent, LiveCountersEvent } from './dto/live-events.dto';

/** A socket under the test's control: `accepting` false makes write() answer false, as a full socket buffer does. */
class FakeSink implements EventSink {
  chunks: string[] = [];
  accepting = true;
  ended = false;
  destroyed = false;
  writableLength = 0;
  private drainListeners: (() => void)[] = [];

  write(chunk: string): boolean {
    this.chunks.push(chunk);
    if (!this.accepting) this.writableLength += chunk.length;
    return this.accepting;
  }
  end(): void {
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
  once(_event: 'drain', listener: () => void): unknown {
    this.drainListeners.push(listener);
    return this;
  }
  drain(): void {
    this.accepting = true;
    this.writableLength = 0;
    const listeners = this.drainListeners;
    this.drainListeners = [];
    listeners.forEach((l) => l());
  }
  events(): { id: number; event: string; data: any }[] {
    return this.chunks
      .filter((c) => c.startsWith('id: '))
      .map((c) => {
        const [id, event, data] = c.trimEnd().split('\n');
        return { id: Number(id.slice(4)), event: event.slice(7), data: JSON.parse(data.slice(6)) };
      });
  }
}

const counters = (activities: number): LiveCountersEvent => ({
  at: new Date(0).toISOString(),
  today: { activities, contributions: 0, questions: 0, activeMembers: 0, unansweredQuestions: 0 },
  lastHour: { activities, contributions: 0, activeMembers: 0 },
});
const activity = (i: number): LiveActivityEvent => ({ externalId: `a${i}`, kind: 'post', group: null, occurredAt: new Date(0).toISOString() });

function stream(sink: FakeSink, options: Partial<LiveStreamOptions> & { clock?: { now: number } } = {}) {
  const clock = options.clock ?? { now: 1_000_000 };
  return new LiveStream(sink, false, {
    firstId: 1,
    maxActivitiesPerSecond: 50,
    drainTimeoutMs: 60_000,
    maxBufferedBytes: 1_000_000,
    now: () => clock.now,
    ...options,
  });
}

describe('LiveStream', () => {
  it('numbers events from firstId and does not repeat identical counters', () => {
    const sink = new FakeSink();
    const s = stream(sink, { firstId: 42 });
    s.sendCounters(counters(1));
    s.sendCounters({ ...counters(1), at: new Date(5).toISOString() }); // same figures: not sent
    s.sendActivity(activity(1));
    s.sendCounters(counters(2));
    expect(sink.events().map((e) => [e.id, e.event])).toEqual([
      [42, 'counters'],
      [43, 'activity'],
      [44, 'counters'],
    ]);
    s.close('client');
  });

  it('sends at most 50 activity events within any second, then again once the second has passed', () => {
    const sink = new FakeSink();
    const clock = { now: 1_000_000 };
    const s = stream(sink, { clock });
    for (let i = 0; i < 80; i++) s.sendActivity(activity(i));
    expect(sink.events()).toHaveLength(50);
    expect(s.skippedActivities).toBe(30);
    clock.now += 999; // still within the second of the first 50
    s.sendActivity(activity(80));
    expect(sink.events()).toHaveLength(50);
    clock.now += 1; // a second after them
    for (let i = 81; i < 200; i++) s.sendActivity(activity(i));
    expect(sink.events()).toHaveLength(100);
    s.close('client');
  });

  it('keeps only the latest counters for a client that is behind, skipping activities and heartbeats, and sends them when it drains', () => {
    const sink = new FakeSink();
    const s = stream(sink);
    sink.accepting = false;
    s.sendCounters(counters(1)); // written, but the socket answers "full"
    s.sendActivity(activity(1));
    s.heartbeat();
    s.sendCounters(counters(2));
    s.sendCounters(counters(3));
    expect(sink.events().map((e) => e.data.today?.activities)).toEqual([1]);
    sink.drain();
    expect(sink.events().map((e) => [e.id, e.event, e.data.today?.activities])).toEqual([
      [1, 'counters', 1],
      [2, 'counters', 3],
    ]);
    expect(s.skippedActivities).toBe(1);
    s.close('client');
  });

  it('disconnects a client that does not drain in time', async () => {
    const sink = new FakeSink();
    const s = stream(sink, { drainTimeoutMs: 5 });
    const closed = new Promise<string>((resolve) => (s.onClose = resolve));
    sink.accepting = false;
    s.sendCounters(counters(1));
    expect(await closed).toBe('slow');
    expect(sink.destroyed).toBe(true);
    expect(s.isClosed).toBe(true);
    s.sendCounters(counters(2)); // nothing more is written
    expect(sink.events()).toHaveLength(1);
  });

  it('disconnects at once a client with more than maxBufferedBytes waiting', () => {
    const sink = new FakeSink();
    const s = stream(sink, { maxBufferedBytes: 100 });
    let reason: string | undefined;
    s.onClose = (r) => (reason = r);
    sink.accepting = false;
    s.sendCounters(counters(1)); // about 200 bytes waiting
    expect(reason).toBe('slow');
    expect(sink.destroyed).toBe(true);
  });

  it('ends the response on shutdown', () => {
    const sink = new FakeSink();
    const s = stream(sink);
    s.close('shutdown');
    expect(sink.ended).toBe(true);
    expect(sink.destroyed).toBe(false);
  });

  it('resumes after a numeric Last-Event-ID only', () => {
    expect(firstEventId(undefined)).toBe(1);
    expect(firstEventId('41')).toBe(42);
    expect(firstEventId(' 7 ')).toBe(8);
    expect(firstEventId('abc')).toBe(1);
    expect(firstEventId('-3')).toBe(1);
    expect(firstEventId('1e9')).toBe(1);
  });
});
