import { keywordMatches } from '../../src/common/text/normalise';
import { ingest, oneRecordPerKeyPerRequest, newActivity, newMember, newNetwork, RawRecord, seededRandom, shuffled, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * What ingestion and the re-match job store for SPEC §3.6 must always equal a recomputation from
 * scratch, whatever happened: out-of-order arrival, duplicates, edits of text, tags, kind and time
 * (across local days), deletions before and after arrival, objectives created before and after the
 * activities, keywords added and removed, networks added.
 *
 * - `keyword_matches` against `keywordMatches()` of src/common/text/normalise.ts applied to every live
 *   contribution and every keyword of the objectives of the network (not the indexed matcher the
 *   service uses), with the activity's time, group and author copied right;
 * - `keyword_set_day_counts` against plain SQL over `keyword_matches`.
 */
const START = Date.parse('2026-03-01T00:00:00Z');
const TEXTS = [
  'La cybersécurité avant tout',
  'Changer son mot de passe chaque mois',
  'Un mot pour de passe',
  'Les réseaux sociaux internes',
  'Notre réseau social',
  'Cloud privé et CLOUDS publics',
  'Security first, then the cloud',
  'Rien à voir',
  'sécurité des données',
  null,
];
const TAGS = [null, ['cloud'], ['mot', 'de passe'], ['Mot de passe'], ['sécurité', 'budget'], ['réseaux sociaux']];

const SET_DIFF_SQL = `
WITH sets AS (
  SELECT km.activity_id, (min(km.occurred_at) AT TIME ZONE n.timezone)::date AS day, array_agg(km.keyword_id ORDER BY km.keyword_id) AS keyword_ids
  FROM keyword_matches km JOIN networks n ON n.id = km.network_id WHERE km.network_id = $1 GROUP BY km.activity_id, n.timezone
), expected AS (
  SELECT day, keyword_ids, count(*)::int AS n FROM sets GROUP BY 1, 2
), stored AS (
  SELECT day, keyword_ids, contributions AS n FROM keyword_set_day_counts WHERE network_id = $1
)
(SELECT 'missing' AS problem, * FROM expected EXCEPT SELECT 'missing', * FROM stored)
UNION ALL
(SELECT 'unexpected', * FROM stored EXCEPT SELECT 'unexpected', * FROM expected)`;

describe('keyword matches and their day rollup equal a recomputation', () => {
  let t: TestApp;
  let key: string;
  let networkId: number;
  const p = uniqueKey('km');
  const rnd = seededRandom(20261130);
  const member = (i: number) => `${p}:u${i}`;
  const at = () => new Date(START + Math.floor(rnd() * 20 * 86_400) * 1000).toISOString();
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const contribution = (i: number, fields: RawRecord = {}) =>
    newActivity(`a${i}`, i % 5 === 0 ? 'question' : 'post', member(i % 7), at(), { group: `g${i % 3}`, text: pick(TEXTS), tags: pick(TAGS), ...fields });

  async function putObjective(objectiveKey: string, keywords: string[], networks: string[] = [key]): Promise<void> {
    const res = await t
      .http()
      .put(`/v1/objectives/${objectiveKey}`)
      .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
      .send({ name: objectiveKey, keywords: keywords.map((term) => ({ term, weight: 1 })), networks });
    expect([200, 201]).toContain(res.status);
  }

  async function waitForRematches(): Promise<void> {
    for (let i = 0; i < 400; i++) {
      const [row]: { pending: number }[] = await t.db.query(
        `SELECT count(*)::int AS pending FROM objectives WHERE rematch_state IN ('pending', 'running') AND key LIKE $1`,
        [`${p}%`],
      );
      if (row.pending === 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('re-matching did not finish');
  }

  async function send(records: RawRecord[]): Promise<void> {
    const res = await ingest(t, key, records);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
  }

  /** Stored matches and their rollup against the recomputations. */
  async function expectConsistent(): Promise<void> {
    await waitForRematches();
    // this file's objectives only: another file's objective for every network may be re-matching this
    // network at this moment (its job runs on whichever instance claims it), in the shared PostgreSQL test database
    const keywords: { id: number; term: string }[] = await t.db.query(
      `SELECT k.id, k.term FROM objective_keywords k JOIN objectives o ON o.id = k.objective_id WHERE (o.network_ids IS NULL OR $1 = ANY(o.network_ids)) AND o.key LIKE $2`,
      [networkId, `${p}%`],
    );
    const activities: { id: string; text: string | null; tags: string[] | null; occurred_at: Date; group_id: string | null; author_id: string }[] =
      await t.db.query(
        `SELECT id::text, text, tags, occurred_at, group_id::text, author_id::text FROM activities
       WHERE network_id = $1 AND deleted_at IS NULL AND kind IN ('post', 'question', 'reply', 'share')`,
        [networkId],
      );
    const expected = activities
      .flatMap((a) =>
        keywords
          .filter((k) => keywordMatches(k.term, a.text, a.tags))
          .map((k) => `${a.id}:${k.id}:${a.occurred_at.toISOString()}:${a.group_id}:${a.author_id}`),
      )
      .sort();
    const stored: { row: string }[] = await t.db.query(
      `SELECT activity_id || ':' || keyword_id || ':' || to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ':' || coalesce(group_id::text, 'null') || ':' || author_id AS row
       FROM keyword_matches WHERE network_id = $1 AND keyword_id = ANY($2::integer[])`,
      [networkId, keywords.map((k) => k.id)],
    );
    expect(stored.map((r) => r.row).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0); // the fixture does exercise matching
    expect(await t.db.query(SET_DIFF_SQL, [networkId])).toEqual([]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    key = await newNetwork(t, { timezone: 'Europe/Paris' });
    [{ id: networkId }] = await t.db.query(`SELECT id FROM networks WHERE key = $1`, [key]);
    await send(Array.from({ length: 7 }, (_, i) => newMember(member(i), { department: i % 2 ? 'R&D' : 'Sales' })));
  });
  afterAll(async () => {
    // objectives are org-wide: leave none behind for the other files of this worker
    for (const suffix of ['a', 'b']) await t.http().delete(`/v1/objectives/${p}-${suffix}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    await t.close();
  });

  it('ingestion matches against the objectives in force, in any order, with duplicates and deletions sent first', async () => {
    await putObjective(`${p}-a`, ['sécurité', 'mot de passe', 'cloud']);
    await waitForRematches();
    const records = Array.from({ length: 120 }, (_, i) => contribution(i));
    const replies = Array.from({ length: 40 }, (_, i) =>
      newActivity(`r${i}`, 'reply', member(i % 7), at(), { parent: `a${i}`, text: pick(TEXTS), tags: pick(TAGS) }),
    );
    const reactions = Array.from({ length: 20 }, (_, i) =>
      newActivity(`x${i}`, 'reaction', member(i % 7), at(), { parent: `a${i}`, text: 'cloud et sécurité' }),
    );
    const deletions = [3, 8, 13].map((i) => ({ type: 'activity', externalId: `a${i}`, deleted: true }));
    const all = shuffled([...deletions, ...records, ...replies, ...reactions, ...records.slice(0, 30)], 7);
    for (let i = 0; i < all.length; i += 37) await send(all.slice(i, i + 37));
    await expectConsistent();
  });

  it('a new objective, then added and removed keywords and an added network, are applied to existing activities', async () => {
    await putObjective(`${p}-b`, ['réseaux sociaux', 'security'], [key]);
    await expectConsistent();
    await putObjective(`${p}-a`, ['sécurité', 'cloud', 'cybersécurité']); // "mot de passe" removed, "cybersécurité" added
    await expectConsistent();
    const other = await newNetwork(t);
    await putObjective(`${p}-b`, ['réseaux sociaux', 'security'], [key, other]);
    await expectConsistent();
  });

  it('edits of text, tags, kind and time (across days), deletions and re-sent duplicates keep them exact', async () => {
    const edits = Array.from({ length: 60 }, () => {
      const n = Math.floor(rnd() * 120);
      const r = rnd();
      if (r < 0.3) return contribution(n); // new text, tags and time
      if (r < 0.45) return contribution(n, { text: null, tags: null });
      if (r < 0.6) return newActivity(`a${n}`, 'reaction', member(n % 7), at(), { parent: `a${(n + 1) % 120}`, text: 'cloud' }); // no longer a contribution
      if (r < 0.75) return { type: 'activity', externalId: `a${n}`, deleted: true };
      return contribution(n, { text: 'Le cloud et la cybersécurité', tags: ['mot de passe'] });
    });
    for (const batch of oneRecordPerKeyPerRequest(edits)) await send(batch);
    await expectConsistent();
  });

  it('deleting an objective removes its matches and their sets', async () => {
    const res = await t.http().delete(`/v1/objectives/${p}-b`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    expect(res.status).toBe(204);
    await expectConsistent();
  });
});
