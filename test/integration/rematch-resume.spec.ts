import { Client } from 'pg';
import { ingest, newActivity, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp, workerDatabaseUrl } from '../support/test-app';

/**
 * A re-match job cut short by a stop (crash, deploy) is started again at the next boot: the objective
 * stays `running` in the database, so the new process finds it and finishes the work.
 */
describe('re-match job after a restart', () => {
  let first: TestApp | null = null;
  let second: TestApp | null = null;
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  async function state(t: TestApp, key: string): Promise<{ state: string; done: number; total: number }> {
    const res = await t.http().get(`/v1/objectives/${key}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    expect(res.status).toBe(200);
    return res.body.rematch;
  }

  /** Waits for the job rather than for a fixed time: a loaded CI machine may take seconds to claim it. */
  async function untilDone(t: TestApp, key: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while ((await state(t, key)).state !== 'done' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }

  it('an objective left running is re-matched by the next process', async () => {
    first = await startTestApp();
    const network = await newNetwork(first);
    const author = uniqueKey('m');
    const posts = Array.from({ length: 30 }, (_, i) =>
      newActivity(`p${i}`, 'post', author, '2026-03-02T10:00:00Z', { text: i % 3 === 0 ? 'Le nuage privé' : 'Autre chose' }),
    );
    expect((await ingest(first, network, [newMember(author), ...posts])).body.rejected).toEqual([]);
    const key = uniqueKey('o');
    const put = await first
      .http()
      .put(`/v1/objectives/${key}`)
      .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
      .send({ name: 'Cloud', keywords: [{ term: 'nuage', weight: 1 }], networks: [network] });
    expect(put.status).toBe(201);
    await untilDone(first, key);
    expect((await state(first, key)).state).toBe('done');
    // a job this process has not picked up (another instance's, say): the figures say they are not final
    await first.db.query(`UPDATE objectives SET rematch_state = 'pending' WHERE key = $1`, [key]);
    const window = { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' };
    const pending = await first.http().get(`/v1/networks/${network}/indicators/alignment`).query(window).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    // other test files share this database: an objective for every network may be re-matching too, so only this one is checked
    expect(pending.body).toEqual(expect.objectContaining({ final: false, rematching: expect.arrayContaining([key]) }));
    const pendingComparison = await first
      .http()
      .get(`/v1/networks/${network}/comparisons/departments`)
      .query(window)
      .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    expect(pendingComparison.body.alignmentFinal).toBe(false);
    await first.close();
    first = null;

    // as if the process had died half-way: the job still marked running, some matches not written yet
    const sql = new Client({ connectionString: workerDatabaseUrl() });
    await sql.connect();
    try {
      await sql.query(`UPDATE objectives SET rematch_state = 'running', rematch_done = 2 WHERE key = $1`, [key]);
      // this objective's latest matches only: other files write matches of their own into the shared database meanwhile
      const deleted = await sql.query(
        `WITH own AS (SELECT m.keyword_id, m.activity_id FROM keyword_matches m
                        JOIN objective_keywords k ON k.id = m.keyword_id JOIN objectives o ON o.id = k.objective_id
                       WHERE o.key = $1 ORDER BY m.activity_id DESC LIMIT 6)
         DELETE FROM keyword_matches m USING own WHERE m.keyword_id = own.keyword_id AND m.activity_id = own.activity_id`,
        [key],
      );
      expect(deleted.rowCount).toBeGreaterThan(0);
    } finally {
      await sql.end();
    }

    second = await startTestApp();
    await untilDone(second, key);
    // 30 posts, every third one says "nuage": 10 contributions match, all re-matched again
    expect(await state(second, key)).toEqual(expect.objectContaining({ state: 'done', done: 30, total: 30 }));
    const alignment = await second
      .http()
      .get(`/v1/networks/${network}/indicators/alignment`)
      .query({ from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' })
      .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    expect(alignment.body).toEqual(expect.objectContaining({ contributions: 30, alignedContributions: 10, alignmentRate: 0.3333 }));
    expect(alignment.body.rematching).not.toContain(key);
    expect(alignment.body.final).toBe(alignment.body.rematching.length === 0);
    const after = await second
      .http()
      .get(`/v1/networks/${network}/comparisons/departments`)
      .query({ from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' })
      .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    // final unless another file's objective for every network is re-matching at that moment
    if (alignment.body.rematching.length === 0) expect(after.body.alignmentFinal).toBe(true);
  });
});
