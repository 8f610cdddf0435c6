import { ApiFailure, failureOf } from './api.js';

/** SPEC §3.11: the `counters` event. */
export interface LiveCounters {
  at: string;
  today: { activities: number; contributions: number; questions: number; activeMembers: number; unansweredQuestions: number };
  lastHour: { activities: number; contributions: number; activeMembers: number };
}

/** SPEC §3.11: the `activity` event (no text; `group` null where the key may not see it). */
export interface LiveActivity {
  externalId: string;
  kind: string;
  group: string | null;
  occurredAt: string;
}

export type LiveState = 'connecting' | 'open' | 'retrying' | 'failed';

export interface LiveHandlers {
  counters(data: LiveCounters): void;
  activity(data: LiveActivity): void;
  state(state: LiveState, failure?: ApiFailure): void;
}

/** One Server-Sent Event as parsed from the stream (fields of the text/event-stream format). */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Parses text/event-stream text: returns the complete events and the unfinished rest. Comments
 * (heartbeats, lines starting with ':') are skipped; `data` lines are joined with '\n'.
 */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    let id: string | undefined;
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length > 0) events.push({ event, data: data.join('\n'), id });
  }
  return { events, rest };
}

/**
 * Follows GET /v1/networks/{key}/live. EventSource cannot send an Authorization header, and a key
 * in the URL would end up in logs and history; so the stream is read with fetch() and a body
 * reader, the key in the header like every other call. Reconnects with Last-Event-ID after a
 * cut (1 s, then doubling up to 15 s); stops for good on 401, 403 and 404, which a retry cannot fix.
 * Returns the function that closes the stream.
 */
export function followLive(network: string, key: string, handlers: LiveHandlers): () => void {
  const controller = new AbortController();
  let lastEventId: string | undefined;
  let delay = 1000;

  const run = async () => {
    while (!controller.signal.aborted) {
      handlers.state('connecting');
      try {
        const response = await fetch(`/v1/networks/${encodeURIComponent(network)}/live`, {
          headers: { Authorization: `Bearer ${key}`, Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (!response.ok || !response.body) {
          const failure = failureOf(response.status, await response.json().catch(() => null));
          if (failure.kind !== 'other') {
            handlers.state('failed', failure);
            return;
          }
          throw failure;
        }
        handlers.state('open');
        delay = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseSse(buffer + value);
          buffer = parsed.rest;
          for (const event of parsed.events) {
            if (event.id) lastEventId = event.id;
            if (event.event === 'counters') handlers.counters(JSON.parse(event.data) as LiveCounters);
            else if (event.event === 'activity') handlers.activity(JSON.parse(event.data) as LiveActivity);
          }
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        if (!(error instanceof ApiFailure) && !(error instanceof TypeError)) console.warn('live stream', error);
      }
      if (controller.signal.aborted) return;
      handlers.state('retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15000);
    }
  };
  void run();
  return () => controller.abort();
}
