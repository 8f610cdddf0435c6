import { EventSource } from 'eventsource';
import http from 'node:http';

/** One event of a live stream as the client received it. */
export interface LiveEvent {
  type: string;
  id: string;
  data: any;
  /** When the client received it (ms). */
  receivedAt: number;
}

/**
 * A live-stream client (GET /v1/networks/{key}/live) built on the `eventsource` package, the
 * WHATWG EventSource for Node: it parses the stream as a browser does and reconnects with
 * Last-Event-ID by itself. Keeps every `counters` and `activity` event in order.
 */
export class LiveClient {
  readonly events: LiveEvent[] = [];
  private readonly source: EventSource;
  private waiters: (() => void)[] = [];
  errors = 0;

  constructor(base: string, networkKey: string, apiKey: string, options: { lastEventId?: string } = {}) {
    let first = true;
    this.source = new EventSource(`${base}/v1/networks/${networkKey}/live`, {
      fetch: (input, init) => {
        const headers: Record<string, string> = { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${apiKey}` };
        // the first connection resumes after the given id, as a browser's reconnection would
        if (first && options.lastEventId !== undefined) headers['Last-Event-ID'] = options.lastEventId;
        first = false;
        return fetch(input, { ...init, headers });
      },
    });
    for (const type of ['counters', 'activity']) {
      this.source.addEventListener(type, (e: MessageEvent) => {
        this.events.push({ type, id: e.lastEventId, data: JSON.parse(e.data as string), receivedAt: Date.now() });
        const waiters = this.waiters;
        this.waiters = [];
        waiters.forEach((w) => w());
      });
    }
    this.source.addEventListener('error', () => this.errors++);
  }

  of(type: string): LiveEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  /**
   * The first event (from index `from` on) that matches, waiting for it as long as `deadlineMs`
   * (generous: the test fails with what was received instead of hanging).
   */
  async waitFor(what: string, match: (e: LiveEvent) => boolean, from = 0, deadlineMs = 30_000): Promise<LiveEvent> {
    const started = Date.now();
    for (;;) {
      const found = this.events.slice(from).find(match);
      if (found) return found;
      if (Date.now() - started > deadlineMs) {
        throw new Error(`no ${what} within ${deadlineMs} ms; received: ${JSON.stringify(this.events.slice(from).slice(-10))}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.source.close();
  }
}

/** The stream's raw text as it arrives (for what EventSource does not expose: comments such as heartbeats). */
export function openRawStream(base: string, networkKey: string, apiKey: string): { text: () => string; status: Promise<number>; close: () => void } {
  let text = '';
  let request: http.ClientRequest | undefined;
  const status = new Promise<number>((resolve, reject) => {
    request = http.get(`${base}/v1/networks/${networkKey}/live`, { headers: { Authorization: `Bearer ${apiKey}` } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('error', () => undefined);
      resolve(res.statusCode ?? 0);
    });
    request.on('error', reject);
  });
  return { text: () => text, status, close: () => request?.destroy() };
}
