import { termsOf } from '../../src/common/text/terms';
import { JobRunner } from '../../src/jobs/job-runner.service';
import { TERMS_INDEX_JOB } from '../../src/topics/terms-index.service';
import {
  ingest,
  oneRecordPerKeyPerRequest,
  newActivity,
  newGroup,
  newMember,
  newNetwork,
  RawRecord,
  seededRandom,
  shuffled,
  uniqueKey,
} from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * What ingestion and the terms-index job store in `activity_terms` must always equal termsOf()
 * applied to every live contribution as it is now, whatever happened: out-of-order arrival,
 * duplicates, edits of text, tags, kind and time, deletions before and after arrival, a member's
 * erasure. And emerging topics counted from those rows (the indexed path) must answer exactly what the
 * extraction of every contribution's terms at request time answers (the path of a network not indexed
 * yet), for several days and windows, confidential threads included; so must the people index's
 * interests read from them; the job filling the rows of a network stored before the table existed
 * must give the same rows.
 */
const START = Date.parse('2026-03-01T00:00:00Z');
const DAYS = 42;
const TEXTS = [
  'Le VPN ne répond plus depuis ce matin',
  'Problème de VPN au bureau de Lyon',
  'Redémarre le client vpn et réessaie',
  'Kubernetes cluster upgrade tonight',
  'The kubernetes dashboard is down again',
  'Formation cybersécurité la semaine prochaine',
  'Budget du projet cloud souverain',
  'Merci pour ton aide !',
  'Problèmes de badge à l’entrée',
  null,
];
const TAGS = [null, ['vpn'], ['kubernetes'], ['Cloud souverain'], ['badge', 'accès'], ['sécurité']];

describe('activity terms equal a recomputation, and emerging topics read from them equal the extraction', () => {
  let t: TestApp;
  let key: string;
  let networkId: number;
  const p = uniqueKey('terms');
  const rnd = seededRandom(20261203);
  const member = (i: number) => `${p}:u${i}`;
  // later days more likely, so that terms burst in the last weeks
  const at = () => new Date(START + Math.floor(Math.sqrt(rnd()) * DAYS * 86_400) * 1000).toISOString();
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const group = (i: number) => (i % 6 === 5 ? 'secret' : `g${i % 3}`);
  const contribution = (i: number, fields: RawRecord = {}) =>
    newActivity(`a${i}`, i % 3 !== 0 ? 'question' : 'post', member(i % 11), at(), { group: group(i), text: pick(TEXTS), tags: pick(TAGS), ...fields });

  async function send(records: RawRecord[]): Promise<void> {
    const res = await ingest(t, key, records);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
  }

  /** The stored rows against termsOf() over the live contributions. */
  async function expectConsistent(): Promise<void> {
    const activities: { id: string; text: string | null; tags: string[] | null }[] = await t.db.query(
      `SELECT id::text, text, tags FROM activities
       WHERE network_id = $1 AND deleted_at IS NULL AND kind IN ('post', 'question', 'reply', 'share')`,
      [networkId],
    );
    const expected = activities.flatMap((a) => termsOf(a.text, a.tags).map((x) => `${a.id}|${x.key}|${x.form}|${x.inTag}`)).sort();
    const stored: { row: string }[] = await t.db.query(
      `SELECT activity_id || '|' || term || '|' || form || '|' || in_tag::text AS row FROM activity_terms WHERE network_id = $1`,
      [networkId],
    );
    expect(stored.map((r) => r.row).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(100); // the fixture does exercise indexing
  }

  async function emerging(query: Record<string, string | number>): Promise<unknown> {
    const res = await t.http().get(`/v1/networks/${key}/emerging-topics`).query(query).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  const QUERIES: Record<string, string | number>[] = [
    { at: '2026-04-11', window: '7d', minMentions: 2, minAuthors: 2, minScore: -100, limit: 500 },
    { at: '2026-04-11', window: '7d' },
    { at: '2026-04-04', window: '3d', minMentions: 1, minAuthors: 1, minScore: -100, limit: 500 },
    { at: '2026-04-11', window: '14d', minMentions: 3, minAuthors: 2, minScore: 0, limit: 500 },
  ];

  /** Every query answered from the rows, then by extraction (the network marked not indexed for the time of the reads). */
  async function expectSameTopics(): Promise<void> {
    const indexed = [];
    for (const q of QUERIES) indexed.push(await emerging(q));
    await t.db.query(`UPDATE networks SET terms_indexed = false WHERE id = $1`, [networkId]);
    try {
      for (const [i, q] of QUERIES.entries()) expect(await emerging(q)).toEqual(indexed[i]);
    } finally {
      await t.db.query(`UPDATE networks SET terms_indexed = true WHERE id = $1`, [networkId]);
    }
    const first = indexed[0] as { items: { kind: string }[] };
    expect(first.items.length).toBeGreaterThan(5); // the comparison covers real answers
    expect(first.items.some((i) => i.kind === 'problem')).toBe(true);
  }

  beforeAll(async () => {
    t = await startTestApp();
    key = await newNetwork(t, { timezone: 'Europe/Paris' });
    [{ id: networkId }] = await t.db.query(`SELECT id FROM networks WHERE key = $1`, [key]);
    await send([
      ...Array.from({ length: 11 }, (_, i) => newMember(member(i), { department: i % 2 ? 'R&D' : 'Sales' })),
      newGroup('secret', { name: 'Secret', visibility: 'confidential' }),
      ...['g0', 'g1', 'g2'].map((g) => newGroup(g, { name: g })),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('ingestion indexes the terms of contributions in any order, with duplicates and deletions sent first', async () => {
    const records = Array.from({ length: 240 }, (_, i) => contribution(i));
    // replies without a group: in the thread of a confidential root they are confidential too (SPEC §4)
    const replies = Array.from({ length: 120 }, (_, i) =>
      newActivity(`r${i}`, 'reply', member((i + 3) % 11), at(), { parent: `a${(i * 7) % 240}`, text: pick(TEXTS), tags: pick(TAGS) }),
    );
    const reactions = Array.from({ length: 30 }, (_, i) => newActivity(`x${i}`, 'reaction', member(i % 11), at(), { parent: `a${i}`, text: 'vpn vpn' }));
    const deletions = [3, 8, 13].map((i) => ({ type: 'activity', externalId: `a${i}`, deleted: true }));
    const all = shuffled([...deletions, ...records, ...replies, ...reactions, ...records.slice(0, 30)], 11);
    for (let i = 0; i < all.length; i += 53) await send(all.slice(i, i + 53));
    await expectConsistent();
    await expectSameTopics();
  });

  it('edits of text, tags, kind and time, deletions and re-sent duplicates keep them exact', async () => {
    const edits = Array.from({ length: 80 }, () => {
      const n = Math.floor(rnd() * 240);
      const r = rnd();
      if (r < 0.3) return contribution(n); // new text, tags and time
      if (r < 0.45) return contribution(n, { text: null, tags: null });
      if (r < 0.6) return newActivity(`a${n}`, 'reaction', member(n % 11), at(), { parent: `a${(n + 1) % 240}`, text: 'vpn' }); // no longer a contribution
      if (r < 0.75) return { type: 'activity', externalId: `a${n}`, deleted: true };
      return contribution(n, { text: 'Le VPN et le badge, encore', tags: ['vpn'] });
    });
    for (const batch of oneRecordPerKeyPerRequest(edits)) await send(batch);
    await expectConsistent();
    await expectSameTopics();
  });

  it("a member's erasure removes the terms of their contributions", async () => {
    const [{ before }] = await t.db.query(
      `SELECT count(*)::int AS before FROM activity_terms t JOIN activities a ON a.network_id = t.network_id AND a.id = t.activity_id
       JOIN members m ON m.id = a.author_id WHERE m.external_id = $1`,
      [member(4)],
    );
    expect(before).toBeGreaterThan(0);
    const res = await t
      .http()
      .delete(`/v1/members/${encodeURIComponent(member(4))}`)
      .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    expect(res.status).toBe(200);
    expect(res.body.erased.activityTerms).toBe(before);
    await expectConsistent();
    await expectSameTopics();
  });

  it('the people index reads the same interests, thread topics and evidence from the indexed terms as from the texts', async () => {
    const snapshot = async () => {
      const res = await t.http().post(`/v1/networks/${key}/people-index`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
      expect(res.status).toBe(200);
      return {
        interests: await t.db.query(
          `SELECT member_id::text, term_key, term, topic_key, weight, activity_ids, rank FROM member_interests
           WHERE network_id = $1 AND generation = (SELECT generation FROM people_index_runs WHERE network_id = $1) ORDER BY 1, 2`,
          [networkId],
        ),
        topics: await t.db.query(
          `SELECT root_id::text, topic_key, from_tag FROM thread_topics
           WHERE network_id = $1 AND generation = (SELECT generation FROM people_index_runs WHERE network_id = $1) ORDER BY 1, 2`,
          [networkId],
        ),
      };
    };
    const indexed = await snapshot();
    await t.db.query(`UPDATE networks SET terms_indexed = false WHERE id = $1`, [networkId]);
    try {
      expect(await snapshot()).toEqual(indexed);
    } finally {
      await t.db.query(`UPDATE networks SET terms_indexed = true WHERE id = $1`, [networkId]);
    }
    expect(indexed.interests.length).toBeGreaterThan(20); // the comparison covers real rows
  });

  it('the terms-index job fills the rows of a network stored before they existed, and emerging topics read them after', async () => {
    const stored: { row: string }[] = await t.db.query(
      `SELECT activity_id || '|' || term || '|' || form AS row FROM activity_terms WHERE network_id = $1 ORDER BY 1`,
      [networkId],
    );
    const answer = await emerging(QUERIES[0]);
    // as the migration leaves a network that already had activities
    await t.db.query(`DELETE FROM activity_terms WHERE network_id = $1`, [networkId]);
    await t.db.query(`UPDATE networks SET terms_indexed = false WHERE id = $1`, [networkId]);
    expect(await emerging(QUERIES[0])).toEqual(answer); // extraction meanwhile
    await t.app.get(JobRunner).runAndWait(TERMS_INDEX_JOB, String(networkId));
    const [{ indexed }] = await t.db.query(`SELECT terms_indexed AS indexed FROM networks WHERE id = $1`, [networkId]);
    expect(indexed).toBe(true);
    expect(
      await t.db.query(`SELECT activity_id || '|' || term || '|' || form AS row FROM activity_terms WHERE network_id = $1 ORDER BY 1`, [networkId]),
    ).toEqual(stored);
    await expectConsistent();
    expect(await emerging(QUERIES[0])).toEqual(answer);
  });
});
