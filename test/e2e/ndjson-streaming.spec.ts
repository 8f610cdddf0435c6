import type { Server } from 'node:http';
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
  // the heap sampler below, stopped here too if the test ends abnormally (a timeout abandons it):
  // left running, it collected 4 times a second in this worker for as long as it lived
  let stopSampling = () => {};
  afterAll(async () => {
    stopSampling();
    await t.close();
  });

  it('puts no deadline on a whole request (Node answers 408 after 5 minutes by default)', () => {
    // an import of any length may take longer than that; under load this one did, and was cut mid-body
    expect((t.app.getHttpServer() as Server).requestTimeout).toBe(0);
  });

  async function storedCount(key: string): Promise<number> {
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM activities a JOIN networks w ON w.id = a.network_id WHERE w.key = $1`, [key]);
    return n;
  }

  it(`ingests ${LINES} lines with records committed before the body ends and bounded memory`, async () => {
    const key = await newNetwork(t);
    const authorPrefix = uniqueKey('s');
    const line = (i: number) =>
      JSON.stringify({
        type: 'activity',
        externalId: `a${i}`,
        kind: 'post',
        author: `${authorPrefix}-${i % 50}`,
        occurredAt: '2026-03-02T10:15:00+01:00',
        text: FILLER,
      }) + '\n';

    // live heap = heap right after a full collection (npm test runs Node with --expose-gc)
    const gc = global.gc;
    if (!gc) throw new Error('run the suite with NODE_OPTIONS=--expose-gc (npm test does)');
    gc();
    const baseHeap = process.memoryUsage().heapUsed;
    let peakHeap = baseHeap;
    // A full collection stops this process, which also runs the server: at a fixed 250 ms, on a
    // loaded machine (each collection then took 0.25–1.7 s) the sampler took ~80% of the process's
    // time. The next sample waits at least 4 times as long as the last collection took (≤ 20%).
    let sampler: NodeJS.Timeout | undefined;
    let sampling = true;
    const sample = () => {
      const started = performance.now();
      gc();
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if (sampling) sampler = setTimeout(sample, Math.max(250, 4 * (performance.now() - started))).unref();
    };
    sampler = setTimeout(sample, 250).unref();
    stopSampling = () => {
      sampling = false;
      clearTimeout(sampler);
    };

    const { req, response, write } = openNdjsonUpload(port, key);
    response.catch(() => undefined); // awaited below
    const send = async (from: number, to: number) => {
      try {
        for (let i = from; i < to; i += 100) await write(Array.from({ length: 100 }, (_, k) => line(i + k)).join(''));
      } catch (error) {
        // the server ended the upload early: fail with its answer
        const answer = await response.catch((e: unknown) => ({ status: 0, body: String(e) }));
        throw new Error(`${(error as Error).message}; the server answered ${answer.status} ${answer.body}`, { cause: error });
      }
    };

    const half = LINES / 2;
    try {
      await send(0, half);
      // the body is half sent: the server must already have committed records from it
      let committedMidStream = 0;
      for (let attempt = 0; attempt < 600 && committedMidStream === 0; attempt++) {
        committedMidStream = await storedCount(key);
        if (committedMidStream === 0) await new Promise((r) => setTimeout(r, 50));
      }
      expect(committedMidStream).toBeGreaterThan(0);
      expect(committedMidStream).toBeLessThanOrEqual(half);
      await send(half, LINES);
      req.end();
    } finally {
      stopSampling();
      if (!req.writableEnded) req.destroy(); // a failed expectation: do not leave the upload open
    }
    const res = await response;

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
