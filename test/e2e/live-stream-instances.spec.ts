import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LiveClient } from '../support/live-client';
import { api, killServers, ServerProcess, startServer, stopServer } from '../support/server-process';
import { workerDatabaseUrl } from '../support/test-app';

/**
 * The live stream is driven by the database, not by the memory of the instance that ingested
 * (SPEC §3.11, §5): two real built servers (dist/src/main.js) on one PostgreSQL database; records
 * ingested through one reach the streams open on the other, and the other way round.
 *
 * PostgreSQL only. On the embedded database (PGlite) every connection shares one session and a
 * notification comes back on the connection that committed, so only the instance that ingested
 * hears it; several instances need a PostgreSQL server anyway (docs/scaling.md).
 */

jest.setTimeout(240_000);

const ADMIN_KEY = 'live-instances-admin-key-0123456789abcdef';
const onServer = process.env.DATABASE_URL !== undefined;

const start = () =>
  startServer({ DATABASE_URL: workerDatabaseUrl(), ADMIN_API_KEY: ADMIN_KEY, DB_POOL_SIZE: '3', RATE_LIMIT_READS: '0', RATE_LIMIT_WRITES: '0' });

(onServer ? describe : describe.skip)(
  'live stream across instances (two real servers on one PostgreSQL; skipped on PGlite, whose notifications reach only the committing instance)',
  () => {
    const suffix = `${process.pid}${Date.now().toString(36)}`;
    const servers: ServerProcess[] = [];
    const clients: LiveClient[] = [];

    beforeAll(async () => {
      if (!existsSync(join(resolve(__dirname, '../..'), 'dist/src/live/live.module.js'))) {
        throw new Error('dist/ predates the live stream: build the server again (npx nest build)');
      }
      servers.push(await start());
      servers.push(await start());
    });

    afterAll(async () => {
      clients.forEach((c) => c.close());
      for (const s of servers) await stopServer(s);
      await killServers();
    });

    it('sends the counters and activities of an ingestion through one instance to the streams of the other', async () => {
      const [a, b] = servers;
      const network = `live-inst-${suffix}`;
      expect((await api(a, 'POST', '/v1/networks', { json: { key: network, name: 'Live across instances' } })).status).toBe(201);

      const onB = new LiveClient(b.base, network, ADMIN_KEY);
      const onA = new LiveClient(a.base, network, ADMIN_KEY);
      clients.push(onA, onB);
      for (const c of [onA, onB]) await c.waitFor('counters on connect', (e) => e.type === 'counters' && e.data.lastHour.activities === 0);

      const now = Date.now();
      const at = (ms: number) => new Date(now + ms).toISOString();
      // through A: 2 posts and a reaction in the last hour (3 activities, 2 contributions, 2 authors)
      const first = await api(a, 'POST', `/v1/networks/${network}/events`, {
        json: [
          { type: 'activity', externalId: 'p1', kind: 'post', author: `u1-${suffix}`, occurredAt: at(-3 * 60_000) },
          { type: 'activity', externalId: 'p2', kind: 'post', author: `u2-${suffix}`, occurredAt: at(-2 * 60_000) },
          { type: 'activity', externalId: 'x1', kind: 'reaction', author: `u2-${suffix}`, parent: 'p1', occurredAt: at(-60_000) },
        ],
      });
      expect(first.body).toMatchObject({ inserted: 3, rejected: [] });
      const heardOnB = await onB.waitFor('counters on B', (e) => e.type === 'counters' && e.data.lastHour.activities === 3);
      expect(heardOnB.data.lastHour).toEqual({ activities: 3, contributions: 2, activeMembers: 2 });
      await onB.waitFor('activity p2 on B', (e) => e.type === 'activity' && e.data.externalId === 'p2');
      expect(onB.of('activity').map((e) => e.data.externalId)).toEqual(['p1', 'p2']);

      // through B: a question, heard on A (4 activities, 3 contributions, 3 authors)
      const second = await api(b, 'POST', `/v1/networks/${network}/events`, {
        json: [{ type: 'activity', externalId: 'q1', kind: 'question', author: `u3-${suffix}`, occurredAt: at(-30_000) }],
      });
      expect(second.body).toMatchObject({ inserted: 1, rejected: [] });
      const heardOnA = await onA.waitFor('counters on A', (e) => e.type === 'counters' && e.data.lastHour.activities === 4);
      expect(heardOnA.data.lastHour).toEqual({ activities: 4, contributions: 3, activeMembers: 3 });
      await onA.waitFor('activity q1 on A', (e) => e.type === 'activity' && e.data.externalId === 'q1');
    });
  },
);
