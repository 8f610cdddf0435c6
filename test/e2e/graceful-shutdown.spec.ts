import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { closeGracefully } from '../../src/app.factory';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { newActivity, newNetwork, uniqueKey } from '../support/factories';
import { openNdjsonUpload } from '../support/streaming-request';
import { startTestApp, workerDatabaseUrl } from '../support/test-app';

/** A stop requested during an import lets the import finish and commit, and refuses new connections. */
describe('graceful shutdown', () => {
  it('finishes an in-flight NDJSON import before closing the database pool', async () => {
    const t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const key = await newNetwork(t);
    const author = uniqueKey('g');
    const lines = Array.from({ length: 20 }, (_, i) => JSON.stringify(newActivity(`a${i}`, 'post', author, '2026-03-02T10:00:00Z')) + '\n');

    const { req, response } = openNdjsonUpload(port, key);
    req.write(lines.slice(0, 10).join(''));
    await new Promise((r) => setTimeout(r, 100)); // let the server start reading the body

    const closing = closeGracefully(t.app);
    // the listener is gone: a new connection is refused while the import is still running
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();

    req.end(lines.slice(10).join(''));
    const res = await response;
    await closing;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ received: 20, inserted: 20, rejected: [] });

    const check = new DataSource(dataSourceOptions(workerDatabaseUrl(), 1));
    await check.initialize();
    const [{ n }] = await check.query(`SELECT count(*)::int AS n FROM activities a JOIN networks w ON w.id = a.network_id WHERE w.key = $1`, [key]);
    await check.destroy();
    expect(n).toBe(20);
  });
});
