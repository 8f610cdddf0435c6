import { ingest, newActivity, newMember, newNetwork, RawRecord, seededRandom, shuffled, uniqueKey } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The rollups kept by triggers (activity_day_counts, active_member_bitmaps and their month ORs,
 * thread_facts, interaction_day_counts, network_members.counted_from) must always equal a recomputation from the raw tables, whatever
 * happened: out-of-order arrival, duplicates, edits of kind, author and time (across days, months and
 * a year), deletions before and after arrival (of parents too), member records arriving after their
 * activities and changing joinedAt and department. The recomputation below is plain SQL over `activities`, written independently
 * of the triggers.
 */
const DIFF_SQL = `
WITH live AS (
  SELECT a.network_id, (a.occurred_at AT TIME ZONE n.timezone)::date AS day, a.kind, a.author_id
  FROM activities a JOIN networks n ON n.id = a.network_id
  WHERE a.network_id = $1 AND a.deleted_at IS NULL AND a.kind IS NOT NULL
), counts AS (
  SELECT day, kind, count(*)::int AS n FROM live GROUP BY 1, 2
), stored_counts AS (
  SELECT day, kind, activities AS n FROM activity_day_counts WHERE network_id = $1 AND activities <> 0
), member_days AS (
  SELECT author_id AS member_id, day, bool_or(kind IN ('post', 'question', 'reply', 'share')) AS contributes FROM live GROUP BY 1, 2
), stored_member_days AS (
  SELECT b.block * 4096 + i AS member_id, b.day, substring(b.contributing FROM i + 1 FOR 1) = B'1' AS contributes
  FROM active_member_bitmaps b, generate_series(0, 4095) i
  WHERE b.network_id = $1 AND substring(b.active FROM i + 1 FOR 1) = B'1'
), months AS (
  SELECT date_trunc('month', day)::date AS month, block, bit_or(active) AS active, bit_or(contributing) AS contributing
  FROM active_member_bitmaps WHERE network_id = $1 GROUP BY 1, 2
), stored_months AS (
  SELECT month, block, active, contributing FROM active_member_month_bitmaps WHERE network_id = $1
), roots AS (
  SELECT id, kind, author_id, group_id, occurred_at FROM activities
  WHERE network_id = $1 AND deleted_at IS NULL AND kind IN ('post', 'question')
), first_responses AS (
  SELECT DISTINCT ON (r.id) r.id, x.occurred_at, x.author_id
  FROM roots r JOIN activities x ON x.network_id = $1 AND x.root_id = r.id AND x.kind = 'reply' AND x.deleted_at IS NULL AND x.author_id <> r.author_id
  ORDER BY r.id, x.occurred_at, x.id
), accepted AS (
  SELECT DISTINCT ON (q.id) q.id, rep.occurred_at
  FROM roots q
  JOIN activities acc ON acc.network_id = $1 AND acc.root_id = q.id AND acc.kind = 'accept' AND acc.deleted_at IS NULL
  JOIN activities rep ON rep.network_id = $1 AND rep.id = acc.parent_id AND rep.kind = 'reply' AND rep.deleted_at IS NULL AND rep.root_id = q.id
  WHERE q.kind = 'question'
  ORDER BY q.id, acc.occurred_at DESC, acc.id DESC
), threads AS (
  SELECT r.id, r.kind, r.author_id, r.group_id, r.occurred_at, f.occurred_at AS first_response_at, f.author_id AS responder, a.occurred_at AS accepted_at
  FROM roots r LEFT JOIN first_responses f ON f.id = r.id LEFT JOIN accepted a ON a.id = r.id
), interactions AS (
  SELECT (a.occurred_at AT TIME ZONE n.timezone)::date AS day, ma.department AS author_department, mp.department AS parent_department, count(*)::int AS n
  FROM activities a JOIN networks n ON n.id = a.network_id
  JOIN activities p ON p.network_id = a.network_id AND p.id = a.parent_id AND p.deleted_at IS NULL
  JOIN members ma ON ma.id = a.author_id JOIN members mp ON mp.id = p.author_id
  WHERE a.network_id = $1 AND a.deleted_at IS NULL AND a.kind IN ('reply', 'reaction') AND p.author_id <> a.author_id
    AND ma.department IS NOT NULL AND mp.department IS NOT NULL
  GROUP BY 1, 2, 3
), stored_interactions AS (
  SELECT day, author_department, parent_department, interactions FROM interaction_day_counts WHERE network_id = $1 AND interactions > 0
), stored_threads AS (
  SELECT root_id, kind, author_id, group_id, occurred_at, first_response_at, first_responder_id, accepted_reply_at FROM thread_facts WHERE network_id = $1
)
SELECT 'count missing' AS problem, day::text, kind AS detail FROM (SELECT * FROM counts EXCEPT SELECT * FROM stored_counts) x
UNION ALL SELECT 'count wrong', day::text, kind FROM (SELECT * FROM stored_counts EXCEPT SELECT * FROM counts) x
UNION ALL SELECT 'member day missing', day::text, member_id::text FROM (SELECT * FROM member_days EXCEPT SELECT * FROM stored_member_days) x
UNION ALL SELECT 'member day wrong', day::text, member_id::text FROM (SELECT * FROM stored_member_days EXCEPT SELECT * FROM member_days) x
UNION ALL SELECT 'month wrong', month::text, block::text FROM (SELECT * FROM stored_months EXCEPT SELECT * FROM months) x
UNION ALL SELECT 'thread missing', occurred_at::text, id::text FROM (SELECT * FROM threads EXCEPT SELECT * FROM stored_threads) x
UNION ALL SELECT 'thread wrong', occurred_at::text, root_id::text FROM (SELECT * FROM stored_threads EXCEPT SELECT * FROM threads) x
UNION ALL SELECT 'interactions missing', day::text, author_department || '→' || parent_department FROM (SELECT * FROM interactions EXCEPT SELECT * FROM stored_interactions) x
UNION ALL SELECT 'interactions wrong', day::text, author_department || '→' || parent_department FROM (SELECT * FROM stored_interactions EXCEPT SELECT * FROM interactions) x
UNION ALL SELECT 'counted_from wrong', nm.counted_from::text, m.external_id
  FROM network_members nm JOIN members m ON m.id = nm.member_id
  WHERE nm.network_id = $1 AND nm.counted_from IS DISTINCT FROM coalesce(m.joined_at, nm.created_at)
ORDER BY 1, 2, 3`;

const KINDS = ['post', 'question', 'reply', 'reaction', 'share', 'accept'];
const START = Date.parse('2025-12-20T00:00:00Z'); // crosses a year, months and the 2026-03-29 DST change

describe('rollups equal a recomputation from the raw activities', () => {
  let t: TestApp;
  let key: string;
  let networkId: number;
  const p = uniqueKey('r') + ':';
  const rnd = seededRandom(1129);
  const member = (i: number) => `${p}u${i}`;
  const at = () => new Date(START + Math.floor(rnd() * 110 * 86_400) * 1000).toISOString();
  /** Activity a<i>; kinds other than post and question answer an earlier activity. */
  const activity = (i: number, kind: string, author: string, occurredAt: string, fields: RawRecord = {}) =>
    newActivity(
      `a${i}`,
      i === 0 ? 'post' : kind,
      author,
      occurredAt,
      kind === 'post' || kind === 'question' || i === 0 ? fields : { ...fields, parent: `a${Math.floor(i / 2)}` },
    );

  // interaction counts are recomputed for the days marked stale when diffusion is read
  const diff = async () => {
    await t.db.query(`SELECT refresh_interaction_days($1, '2000-01-01', '2100-01-01')`, [networkId]);
    return t.db.query(DIFF_SQL, [networkId]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    key = await newNetwork(t, { timezone: 'Europe/Paris' });
    [{ id: networkId }] = await t.db.query(`SELECT id FROM networks WHERE key = $1`, [key]);
  });
  afterAll(() => t.close());

  it('after a shuffled load with duplicates and deletions sent before their activity', async () => {
    const activities: RawRecord[] = Array.from({ length: 1500 }, (_, i) =>
      activity(i, KINDS[Math.floor(rnd() * KINDS.length)], member(Math.floor(rnd() * 60)), at(), rnd() < 0.8 ? { group: `g${i % 4}` } : {}),
    );
    const deletions = activities.filter(() => rnd() < 0.05).map((a) => ({ type: 'activity', externalId: a.externalId, deleted: true }));
    const departments = ['R&D', 'Sales', 'Ops'];
    const members = Array.from({ length: 40 }, (_, i) =>
      newMember(member(i), { department: departments[i % 3], ...(i % 3 === 0 ? { joinedAt: '2025-06-01T00:00:00Z' } : {}) }),
    );
    const records = shuffled([...activities, ...activities.slice(0, 200), ...deletions, ...members], 3);
    for (let i = 0; i < records.length; i += 400) expect((await ingest(t, key, records.slice(i, i + 400))).body.rejected).toEqual([]);
    expect(await diff()).toEqual([]);
  });

  it('after edits of time, kind and author, more deletions and changed joinedAt', async () => {
    const edits: RawRecord[] = [];
    for (let i = 0; i < 1500; i += 7) {
      const change = i % 3;
      edits.push(
        activity(
          i,
          change === 1 ? 'reaction' : KINDS[i % KINDS.length],
          change === 2 ? member(59 - (i % 60)) : member(i % 60),
          change === 0 ? at() : new Date(START + (i % 110) * 86_400_000).toISOString(),
        ),
      );
    }
    const deletions = Array.from({ length: 60 }, (_, i) => ({ type: 'activity', externalId: `a${i * 23}`, deleted: true }));
    // joinedAt and department changes; members 40–59 were placeholders until now
    const joins = Array.from({ length: 60 }, (_, i) =>
      newMember(member(i), { joinedAt: i % 2 ? '2026-02-01T00:00:00Z' : null, department: i % 4 ? ['R&D', 'Sales', 'Ops'][i % 3] : 'Legal' }),
    );
    const records = shuffled([...edits, ...deletions, ...joins], 5);
    for (let i = 0; i < records.length; i += 100) expect((await ingest(t, key, records.slice(i, i + 100))).body.rejected).toEqual([]);
    expect(await diff()).toEqual([]);
  });

  it('a day that loses its only activity clears the member bit, and a day keeping one keeps it', async () => {
    const u = member(100);
    const loaded = await ingest(t, key, [
      newActivity('solo', 'post', u, '2026-02-10T10:00:00+01:00'),
      newActivity('pair1', 'reply', u, '2026-02-11T09:00:00+01:00', { parent: 'solo' }),
      newActivity('pair2', 'reaction', u, '2026-02-11T23:30:00+01:00', { parent: 'solo' }),
    ]);
    expect(loaded.body.rejected).toEqual([]);
    await ingest(t, key, [
      { type: 'activity', externalId: 'solo', deleted: true },
      { type: 'activity', externalId: 'pair1', deleted: true },
    ]);
    const bits: { day: string; active: boolean; contributing: boolean }[] = await t.db.query(
      `SELECT b.day::text, get_bit(b.active, (m.id % 4096)::int) = 1 AS active, get_bit(b.contributing, (m.id % 4096)::int) = 1 AS contributing
       FROM active_member_bitmaps b JOIN members m ON m.external_id = $2 AND b.block = (m.id / 4096)::int
       WHERE b.network_id = $1 AND b.day IN ('2026-02-10', '2026-02-11') ORDER BY 1`,
      [networkId, u],
    );
    // 02-10: its only activity is gone; 02-11: the reaction remains (active) but no contribution
    expect(bits).toEqual([
      { day: '2026-02-10', active: false, contributing: false },
      { day: '2026-02-11', active: true, contributing: false },
    ]);
    expect(await diff()).toEqual([]);
  });
});
