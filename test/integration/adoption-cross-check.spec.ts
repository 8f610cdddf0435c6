import { keywordMatches } from '../../src/common/text/normalise';
import { ingest, newActivity, newGroup, newMember, newNetwork, RawRecord, seededRandom, shuffled, uniqueKey } from '../support/factories';
import { networkGet } from '../support/indicators';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * SPEC §3.9 change adoption over a generated network against an independent computation: mentions
 * decided in JavaScript by keywordMatches() of src/common/text/normalise.ts over every live
 * contribution's text and tags (not the keyword_matches the service reads), the rest from plain SQL
 * over the activities, memberships and groups written from the contract (leaders, thread roots,
 * confidential groups of SPEC §4, local buckets), then counted in JavaScript. Compared field by field
 * with the API for several scopes, granularities and keys, around the 2026-03-29 DST change.
 */
const START = Date.parse('2026-03-14T00:00:00Z');
const TEXTS = [
  'Move to the cloud',
  'Cloud costs again',
  'Kubernetes clusters',
  'Un mot de passe oublié',
  'Rien à voir',
  'CLOUDS et kubernetes',
  'mot pour de passe',
  null,
];
const TAGS = [null, null, ['cloud'], ['mot de passe'], ['kubernetes', 'x'], ['budget']];
const DEPARTMENTS = ['R&D', 'Sales', 'HR', null];

interface Contribution {
  id: string;
  author_id: string;
  department: string | null;
  occurred_at: Date;
  kind: string;
  text: string | null;
  tags: string[] | null;
  root_kind: string | null;
  by_leader: boolean;
  group_ext: string | null;
  confidential: boolean;
}

describe('adoption equals an independent computation over a generated network', () => {
  let t: TestApp;
  let net: string;
  let networkId: number;
  let cno: string;
  const p = uniqueKey('adx');
  const rnd = seededRandom(20261203);
  const member = (i: number) => `${p}:u${i}`;
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  const at = () => new Date(START + Math.floor(rnd() * 30 * 86_400) * 1000).toISOString();
  const objectives: Record<string, string[]> = { [`${p}.o1`]: ['cloud', 'mot de passe'], [`${p}.o2`]: ['kubernetes'] };

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t, { timezone: 'Europe/Paris' });
    [{ id: networkId }] = await t.db.query(`SELECT id FROM networks WHERE key = $1`, [net]);
    for (const [key, terms] of Object.entries(objectives)) {
      const res = await t
        .http()
        .put(`/v1/objectives/${key}`)
        .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
        .send({ name: key, networks: [net], keywords: terms.map((term) => ({ term, weight: 1 })) });
      expect(res.status).toBe(201);
    }
    for (let i = 0; i < 400; i++) {
      const [row]: { pending: number }[] = await t.db.query(
        `SELECT count(*)::int AS pending FROM objectives WHERE rematch_state IN ('pending', 'running') AND key LIKE $1`,
        [`${p}%`],
      );
      if (row.pending === 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const created = await t
      .http()
      .post('/v1/api-keys')
      .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
      .send({ name: 'adoption cross-check cno', role: 'cno' });
    cno = created.body.secret;

    const records: RawRecord[] = [
      ...Array.from({ length: 14 }, (_, i) => newMember(member(i), DEPARTMENTS[i % 4] ? { department: DEPARTMENTS[i % 4] } : {})),
      newGroup('g0', { leaders: [member(0), member(1)] }),
      newGroup('g1', { visibility: 'private', leaders: [member(2)] }),
      newGroup('g2', { visibility: 'confidential', leaders: [member(3)] }),
      { type: 'membership', group: 'g1', member: member(4), role: 'leader' },
    ];
    const ids: string[] = [];
    const activities: RawRecord[] = [];
    for (let i = 0; i < 360; i++) {
      const id = `a${i}`;
      const author = member(Math.floor(rnd() * 14));
      const roll = rnd();
      const group = pick(['g0', 'g0', 'g1', 'g2']);
      const text = pick(TEXTS);
      const tags = pick(TAGS);
      if (ids.length < 10 || roll < 0.3) activities.push(newActivity(id, roll < 0.12 ? 'question' : 'post', author, at(), { group, text, tags }));
      else {
        const parent = pick(ids);
        const kind = roll < 0.65 ? 'reply' : roll < 0.88 ? 'reaction' : 'share';
        // some replies and reactions without a group: they take their thread's visibility (SPEC §4)
        const fields: RawRecord = { parent, ...(rnd() < 0.3 && kind !== 'share' ? {} : { group }) };
        if (kind !== 'reaction') Object.assign(fields, { text, tags });
        activities.push(newActivity(id, kind, author, at(), fields));
      }
      ids.push(id);
    }
    const deletions = ['a15', 'a40', 'a77', 'a120'].map((externalId) => ({ type: 'activity', externalId, deleted: true }));
    const all = [...records, ...shuffled([...activities, ...activities.slice(0, 25)], 11), ...deletions];
    for (let i = 0; i < all.length; i += 60) {
      const res = await ingest(t, net, all.slice(i, i + 60));
      expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
    }
  });
  afterAll(async () => {
    for (const key of Object.keys(objectives)) await t.http().delete(`/v1/objectives/${key}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    await t.close();
  });

  /** Every live contribution with what the contract needs, in plain SQL. */
  async function contributions(): Promise<Contribution[]> {
    return t.db.query(
      `SELECT a.id::text, a.author_id::text, m.department, a.occurred_at, a.kind, a.text, a.tags,
              r.kind AS root_kind,
              EXISTS (SELECT 1 FROM memberships ms WHERE ms.network_id = a.network_id AND ms.group_id = a.group_id AND ms.member_id = a.author_id
                        AND (ms.role = 'leader' OR ms.is_declared_leader)) AS by_leader,
              g.external_id AS group_ext,
              coalesce((SELECT gv.visibility FROM groups gv WHERE gv.network_id = a.network_id AND gv.id = coalesce(a.group_id, r.group_id)) = 'confidential', false) AS confidential
       FROM activities a
       JOIN members m ON m.id = a.author_id
       LEFT JOIN activities r ON r.network_id = a.network_id AND r.id = a.root_id
       LEFT JOIN groups g ON g.network_id = a.network_id AND g.id = a.group_id
       WHERE a.network_id = $1 AND a.deleted_at IS NULL AND a.kind IN ('post', 'question', 'reply', 'share')`,
      [networkId],
    );
  }

  interface Case {
    from: string;
    to: string;
    granularity: 'day' | 'week' | 'month';
    group?: string;
    department?: string;
    asCno?: boolean;
  }

  async function expected(objective: string, c: Case) {
    const all = (await contributions()).filter(
      (a) =>
        objectives[objective].some((term) => keywordMatches(term, a.text, a.tags)) &&
        (c.group === undefined || a.group_ext === c.group) &&
        (c.department === undefined || a.department === c.department) &&
        !(c.asCno && a.confidential),
    );
    const from = Date.parse(c.from);
    const to = Date.parse(c.to);
    const inWindow = all.filter((a) => a.occurred_at.getTime() >= from && a.occurred_at.getTime() < to);
    const reach: { n: number }[] = await t.db.query(
      `SELECT count(DISTINCT i.author_id)::int AS n FROM activities i JOIN activities pa ON pa.network_id = i.network_id AND pa.id = i.parent_id
       WHERE i.network_id = $1 AND i.parent_id = ANY($2::bigint[]) AND i.kind IN ('reply', 'reaction') AND i.deleted_at IS NULL AND i.author_id <> pa.author_id`,
      [networkId, inWindow.map((a) => a.id)],
    );
    const firsts = new Map<string, number>();
    for (const a of all) firsts.set(a.author_id, Math.min(firsts.get(a.author_id) ?? Infinity, a.occurred_at.getTime()));
    const mentions = inWindow.length;
    const pulled = inWindow.filter((a) => a.kind === 'question' || (a.kind === 'reply' && a.root_kind === 'question')).length;
    const pushed = inWindow.filter((a) => (a.kind === 'post' || a.kind === 'share') && a.by_leader).length;
    const ratio = (n: number) => (mentions === 0 ? null : Math.round((n / mentions) * 10_000) / 10_000);
    const totals = {
      mentions,
      authors: new Set(inWindow.map((a) => a.author_id)).size,
      departments: new Set(inWindow.map((a) => a.department).filter((d) => d !== null)).size,
      pulled,
      pushed,
      pullShare: ratio(pulled),
      pushShare: ratio(pushed),
      organicReach: reach[0].n,
      firstMentionAt: all.length === 0 ? null : new Date(Math.min(...all.map((a) => a.occurred_at.getTime()))).toISOString(),
    };
    // local buckets from PostgreSQL's calendar: [start, end) of each bucket of the window
    const buckets: { start: Date; end: Date }[] = await t.db.query(
      `SELECT b AT TIME ZONE 'Europe/Paris' AS start, (b + ('1 ' || $3)::interval) AT TIME ZONE 'Europe/Paris' AS end
       FROM generate_series(date_trunc($3, $1::timestamptz AT TIME ZONE 'Europe/Paris'), $2::timestamptz AT TIME ZONE 'Europe/Paris', ('1 ' || $3)::interval) b
       WHERE b < $2::timestamptz AT TIME ZONE 'Europe/Paris' ORDER BY b`,
      [c.from, c.to, c.granularity],
    );
    const seen = new Set<string>();
    const series = buckets.map(({ start, end }) => {
      const inBucket = inWindow.filter((a) => a.occurred_at >= start && a.occurred_at < end);
      for (const a of inBucket) seen.add(a.author_id);
      const authors = new Set(inBucket.map((a) => a.author_id));
      return {
        start: start.toISOString(),
        mentions: inBucket.length,
        authors: authors.size,
        newAuthors: [...firsts.values()].filter((f) => f >= start.getTime() && f < end.getTime() && f >= from && f < to).length,
        cumulativeAuthors: seen.size,
      };
    });
    return { totals, series };
  }

  const CASES: Case[] = [
    { from: '2026-03-14T00:00:00+01:00', to: '2026-04-14T00:00:00+02:00', granularity: 'day' },
    { from: '2026-03-14T00:00:00+01:00', to: '2026-04-14T00:00:00+02:00', granularity: 'week', asCno: true },
    { from: '2026-03-20T12:00:00Z', to: '2026-04-03T08:00:00Z', granularity: 'week', group: 'g1' },
    { from: '2026-03-01T00:00:00Z', to: '2026-05-01T00:00:00Z', granularity: 'month', department: 'R&D' },
    { from: '2026-03-25T00:00:00+01:00', to: '2026-04-02T00:00:00+02:00', granularity: 'day', department: 'Sales', asCno: true },
    { from: '2026-03-25T00:00:00+01:00', to: '2026-04-02T00:00:00+02:00', granularity: 'day', group: 'g2' },
  ];

  it.each(CASES)('%o', async (c) => {
    for (const objective of Object.keys(objectives)) {
      const { asCno, ...query } = c;
      const res = await networkGet(t, net, 'indicators/adoption', { ...query, objective }, asCno ? cno : TEST_ADMIN_KEY);
      expect(res.status).toBe(200);
      const [got] = res.body.objectives;
      const want = await expected(objective, c);
      const { series, key, name, ...totals } = got;
      expect({ key, name }).toEqual({ key: objective, name: objective });
      expect(totals).toEqual(want.totals);
      expect(series).toEqual(want.series);
    }
  });

  it('the generated data exercises every figure', async () => {
    const { totals } = await expected(`${p}.o1`, CASES[0]);
    expect(totals.mentions).toBeGreaterThan(20);
    expect(totals.pulled).toBeGreaterThan(0);
    expect(totals.pushed).toBeGreaterThan(0);
    expect(totals.organicReach).toBeGreaterThan(0);
    const hidden = await expected(`${p}.o1`, CASES[1]);
    expect(hidden.totals.mentions).toBeLessThan(totals.mentions);
  });

  it('the listing without objective gives each objective the totals of its own read', async () => {
    const window = { from: CASES[0].from, to: CASES[0].to };
    const res = await networkGet(t, net, 'indicators/adoption', window);
    expect(res.status).toBe(200);
    const mine = (res.body.objectives as { key: string }[]).filter((o) => o.key.startsWith(`${p}.`));
    expect(mine.map((o) => o.key)).toEqual(Object.keys(objectives));
    for (const listed of mine) {
      const alone = await networkGet(t, net, 'indicators/adoption', { ...window, objective: listed.key });
      const { series, ...totals } = alone.body.objectives[0];
      expect(series).toBeDefined();
      expect(listed).toEqual(totals);
    }
  });
});
