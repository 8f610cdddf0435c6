import type { AddressInfo } from 'node:net';
import { newNetwork, uniqueKey } from '../support/factories';
import { openNdjsonUpload } from '../support/streaming-request';
import { startTestApp, TestApp } from '../support/test-app';

const LINES = 200_000;
const FILLER = 'x'.repeat(200); // ~300 bytes a line: a ~60 MB body, more than the live heap growth allowed below

/**
 * A 200k-line NDJSON body is ingested as it arrives: records are committed while the client is
 * still sending (so the body is not buffered first), and the server's heap does not grow with the body.
 */
describe('NDJSON bulk ingestion streams', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ INGEST_CHUNK_SIZE: '2000' });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  async function storedCount(key: string): Promise<number> {
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM activities a JOIN networks w ON w.id = a.network_id WHERE w.key = $1`, [key]);
    return n;
  }

  it(`ingests ${LINES} lines with records committed before the body ends and bounded memory`, async () => {
    const key = await newNetwork(t);
    const authorPrefix = uniqueKey('s');
    const line = (i: number) =>
      JSON.stringify({ type: 'activity', externalId: `a${i}`, kind: 'post', author: `${authorPrefix}-${i % 50}`, occurredAt: '2026-03-02T10:15:00+01:00', text: FILLER }) + '\n';

    // live heap = heap right after a full collection (npm test runs Node with --expose-gc)
    const gc = global.gc;
    if (!gc) throw new Error('run the suite with NODE_OPTIONS=--expose-gc (npm test does)');
    gc();
    const baseHeap = process.memoryUsage().heapUsed;
    let peakHeap = baseHeap;
    const sampler = setInterval(() => {
      gc();
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }, 250);

    const { req, response, write } = openNdjsonUpload(port, key);

    const half = LINES / 2;
    for (let i = 0; i < half; i += 100) await write(Array.from({ length: 100 }, (_, k) => line(i + k)).join(''));
    // the body is half sent: the server must already have committed records from it
    let committedMidStream = 0;
    for (let attempt = 0; attempt < 600 && committedMidStream === 0; attempt++) {
      committedMidStream = await storedCount(key);
      if (committedMidStream === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(committedMidStream).toBeGreaterThan(0);
    expect(committedMidStream).toBeLessThanOrEqual(half);

    for (let i = half; i < LINES; i += 100) await write(Array.from({ length: 100 }, (_, k) => line(i + k)).join(''));
    req.end();
    const res = await response;
    clearInterval(sampler);

    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ received: LINES, inserted: LINES, updated: 0, duplicates: 0, rejected: [] });
    expect(await storedCount(key)).toBe(LINES);
    const bodyBytes = LINES * line(0).length;
    const growth = peakHeap - baseHeap;
    // buffering the body would keep all of it alive; streaming keeps a few chunks' worth
    expect(bodyBytes).toBeGreaterThan(55 * 1024 * 1024);
    expect(growth).toBeLessThan(32 * 1024 * 1024);
  }, 600_000);
});
