import { ingest, newNetwork, RawRecord, seededRandom, shuffled, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * Property-style cross-check: a generated network of ~20k events is ingested in a shuffled order,
 * and every indicator endpoint must equal a computation written here independently, in plain
 * JavaScript over the generated records (what a client team would do), following SPEC §3 literally.
 */
const TZ = 'Europe/Paris';
const DAY = 86_400_000;
const START = Date.parse('2026-02-01T00:00:00Z');
const SPAN_DAYS = 75; // crosses the 2026-03-29 DST change
const CONTRIB = new Set(['post', 'question', 'reply', 'share']);

interface Act {
  externalId: string;
  kind: string;
  author: string;
  group: string | null;
  parent: string | null;
  at: number;
  deleted: boolean;
}

function generate(prefix: string) {
  const rnd = seededRandom(20261123);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const departments = ['R&D', 'Sales', 'HR', 'Ops', 'Legal', 'Finance'];
  const members = Array.from({ length: 160 }, (_, i) => ({ id: `${prefix}u${i}`, department: departments[i % 6], joinedAt: START - (i % 50) * DAY }));
  const placeholders = Array.from({ length: 8 }, (_, i) => `${prefix}ghost${i}`); // authors with no member record
  const groups = Array.from({ length: 10 }, (_, i) => ({
    id: `g${i}`,
    leaders: [members[i * 7].id, members[i * 7 + 1].id],
    visibility: i === 9 ? 'confidential' : 'public',
  }));
  const memberships = members
    .slice(0, 120)
    .map((m, i) => ({ group: `g${i % 10}`, member: m.id, role: i % 17 === 0 ? 'leader' : 'member', joinedAt: START - DAY }));
  const acts: Act[] = [];
  const used = new Set<number>();
  const uniqueTime = () => {
    let t: number;
    do t = START + Math.floor(rnd() * SPAN_DAYS * 86400) * 1000;
    while (used.has(t));
    used.add(t);
    return t;
  };
  for (let i = 0; i < 20_000; i++) {
    const r = rnd();
    const author = rnd() < 0.03 ? pick(placeholders) : members[Math.floor(rnd() ** 2 * members.length)].id; // skewed: some write much more
    const candidates = acts.slice(-400);
    let kind: string;
    let parent: string | null = null;
    if (acts.length < 20 || r < 0.25) kind = rnd() < 0.5 ? 'post' : 'question';
    else {
      const p = pick(candidates);
      parent = p.externalId;
      kind = r < 0.6 ? 'reply' : r < 0.85 ? 'reaction' : r < 0.92 ? 'share' : 'accept';
      if (kind === 'accept') {
        const replies = candidates.filter((c) => c.kind === 'reply');
        if (replies.length === 0) kind = 'reaction';
        else parent = pick(replies).externalId;
      }
    }
    const group = rnd() < 0.1 ? null : `g${Math.floor(rnd() * 10)}`;
    acts.push({ externalId: `a${i}`, kind, author, group, parent, at: uniqueTime(), deleted: false });
  }
  // replies often arrive before parents in time too: timestamps are random, threads are not time-ordered
  for (const a of acts) if (rnd() < 0.03) a.deleted = true;
  return { members, groups, memberships, acts };
}

function toRecords(d: ReturnType<typeof generate>): RawRecord[] {
  return [
    ...d.members.map((m) => ({ type: 'member', externalId: m.id, displayName: m.id, department: m.department, joinedAt: new Date(m.joinedAt).toISOString() })),
    ...d.groups.map((g) => ({ type: 'group', externalId: g.id, name: g.id, visibility: g.visibility, leaders: g.leaders })),
    ...d.memberships.map((m) => ({ type: 'membership', group: m.group, member: m.member, role: m.role, joinedAt: new Date(m.joinedAt).toISOString() })),
    ...d.acts.map((a) => ({
      type: 'activity',
      externalId: a.externalId,
      kind: a.kind,
      author: a.author,
      ...(a.group ? { group: a.group } : {}),
      ...(a.parent ? { parent: a.parent } : {}),
      occurredAt: new Date(a.at).toISOString(),
    })),
    ...d.acts.filter((a) => a.deleted).map((a) => ({ type: 'activity', externalId: a.externalId, deleted: true })),
  ];
}

/** percentile_cont: linear interpolation between the two nearest ranks. */
function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
const rate = (a: number, b: number) => (b === 0 ? null : r4(a / b));
const sec = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const dayCache = new Map<number, string>();
const localDay = (t: number) => {
  let day = dayCache.get(t);
  if (day === undefined) dayCache.set(t, (day = dayFormat.format(t)));
  return day;
};

describe('indicators equal an independent computation on a generated network', () => {
  let t: TestApp;
  let key: string;
  let d: ReturnType<typeof generate>;
  const from = Date.parse('2026-03-10T00:00:00+01:00');
  const to = Date.parse('2026-04-07T00:00:00+02:00');
  const window = `from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`;

  beforeAll(async () => {
    t = await startTestApp();
    key = await newNetwork(t, { timezone: TZ });
    d = generate(uniqueKey('x') + ':');
    const records = shuffled(toRecords(d), 7);
    for (let i = 0; i < records.length; i += 5000) {
      const res = await ingest(t, key, records.slice(i, i + 5000));
      expect(res.body.rejected).toEqual([]);
    }
  }, 600_000);
  afterAll(() => t.close());

  const get = async (path: string) => {
    const res = await t.http().get(`/v1/networks/${key}/${path}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  // independent model of the data
  const alive = () => d.acts.filter((a) => !a.deleted);
  let index: Map<string, Act> | undefined;
  const byId = () => (index ??= new Map(d.acts.map((a) => [a.externalId, a])));
  const deptOf = (member: string) => d.members.find((m) => m.id === member)?.department ?? null;
  const isLeader = (member: string, group: string | null) =>
    group !== null &&
    (d.groups.find((g) => g.id === group)!.leaders.includes(member) ||
      d.memberships.some((m) => m.group === group && m.member === member && m.role === 'leader'));
  const rootOf = (a: Act): Act | null => {
    const acts = byId();
    let cur: Act | undefined = a;
    for (let hops = 0; cur && hops < 100000; hops++) {
      if (cur.kind === 'post' || cur.kind === 'question') return cur;
      cur = cur.parent ? acts.get(cur.parent) : undefined;
    }
    return null;
  };
  const inScope = (a: Act, f = from, tt = to, group?: string, department?: string) =>
    !a.deleted && a.at >= f && a.at < tt && (group === undefined || a.group === group) && (department === undefined || deptOf(a.author) === department);

  // the last window starts and ends mid-day and holds a whole month: network-wide it is read from the
  // month and day rollups plus the raw activities of its two partial days
  const unaligned = { from: Date.parse('2026-02-03T13:17:00+01:00'), to: Date.parse('2026-04-05T09:31:00+02:00') };
  it.each([
    [undefined, undefined, { from, to }],
    ['g3', undefined, { from, to }],
    [undefined, 'Sales', { from, to }],
    [undefined, undefined, unaligned],
  ])('activity totals and daily series (group %s, department %s, window %j)', async (group, department, w) => {
    const { from, to } = w;
    const window = `from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`;
    const q = `${window}${group ? `&group=${group}` : ''}${department ? `&department=${encodeURIComponent(department)}` : ''}`;
    const body = await get(`indicators/activity?${q}&granularity=day`);
    const acts = d.acts.filter((a) => inScope(a, from, to, group, department));
    const count = (k: string) => acts.filter((a) => a.kind === k).length;
    const contributions = acts.filter((a) => CONTRIB.has(a.kind));
    const contributors = new Set(contributions.map((a) => a.author)).size;
    // declared leaders without a membership record have no joinedAt: they count from their
    // ingestion (today), which is after `to`, so only membership records count here
    const members = group
      ? d.memberships.filter((m) => m.group === group && m.joinedAt <= to && (department === undefined || deptOf(m.member) === department)).map((m) => m.member)
      : d.members.filter((m) => m.joinedAt <= to && (department === undefined || m.department === department)).map((m) => m.id);
    const memberCount = new Set(members).size;
    const previous = d.acts.filter((a) => inScope(a, from - (to - from), from, group, department) && CONTRIB.has(a.kind)).length;
    expect(body.totals).toEqual({
      posts: count('post'),
      questions: count('question'),
      replies: count('reply'),
      reactions: count('reaction'),
      shares: count('share'),
      accepts: count('accept'),
      contributions: contributions.length,
      activeMembers: new Set(acts.map((a) => a.author)).size,
      contributors,
      members: memberCount,
      participationRate: rate(contributors, memberCount),
      contributionsPerMember: rate(contributions.length, memberCount),
      growth: previous === 0 ? null : r4((contributions.length - previous) / previous),
    });
    // series: one bucket per local day from the day of `from` to the day of the last instant before `to`
    const days = new Set<string>();
    for (let t = from; t < to; t += 3_600_000) days.add(localDay(t));
    days.add(localDay(to - 1));
    expect(body.series).toHaveLength(days.size);
    for (const bucket of body.series) {
      const day = localDay(Date.parse(bucket.start));
      const dayActs = acts.filter((a) => localDay(a.at) === day);
      expect({ day, contributions: bucket.contributions, activeMembers: bucket.activeMembers, reactions: bucket.reactions }).toEqual({
        day,
        contributions: dayActs.filter((a) => CONTRIB.has(a.kind)).length,
        activeMembers: new Set(dayActs.map((a) => a.author)).size,
        reactions: dayActs.filter((a) => a.kind === 'reaction').length,
      });
    }
  });

  // network-wide weekly and monthly series are read from the rollups: buckets whose first and last
  // days are partial, a week across the end of March, the DST change inside a week and a month
  it.each(['week', 'month'])('activity series by %s over a window starting and ending mid-day', async (granularity) => {
    const { from, to } = unaligned;
    const window = `from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`;
    const body = await get(`indicators/activity?${window}&granularity=${granularity}`);
    const bucketOf = (day: string) => {
      if (granularity === 'month') return day.slice(0, 7);
      const date = new Date(`${day}T00:00:00Z`);
      return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10); // the Monday
    };
    const acts = d.acts.filter((a) => inScope(a, from, to));
    const expected = new Map<string, { contributions: number; reactions: number; activeMembers: Set<string>; contributors: Set<string> }>();
    for (const a of acts) {
      const key = bucketOf(localDay(a.at));
      const b = expected.get(key) ?? { contributions: 0, reactions: 0, activeMembers: new Set<string>(), contributors: new Set<string>() };
      b.activeMembers.add(a.author);
      if (a.kind === 'reaction') b.reactions++;
      if (CONTRIB.has(a.kind)) {
        b.contributions++;
        b.contributors.add(a.author);
      }
      expected.set(key, b);
    }
    const got = body.series.map((b: { start: string; contributions: number; reactions: number; activeMembers: number; contributors: number }) => ({
      bucket: bucketOf(localDay(Date.parse(b.start))),
      contributions: b.contributions,
      reactions: b.reactions,
      activeMembers: b.activeMembers,
      contributors: b.contributors,
    }));
    expect(got).toEqual(
      [...expected.keys()].sort().map((bucket) => {
        const b = expected.get(bucket)!;
        return { bucket, contributions: b.contributions, reactions: b.reactions, activeMembers: b.activeMembers.size, contributors: b.contributors.size };
      }),
    );
  });

  it('responsiveness', async () => {
    const body = await get(`indicators/responsiveness?${window}`);
    const now = Date.now();
    const roots = alive().filter((a) => (a.kind === 'post' || a.kind === 'question') && a.at >= from && a.at < to);
    const threadOf = new Map<string, Act[]>();
    for (const a of d.acts) {
      const root = rootOf(a);
      if (root && a !== root) threadOf.set(root.externalId, [...(threadOf.get(root.externalId) ?? []), a]);
    }
    const ttfr: number[] = [];
    const ttr: number[] = [];
    let leaderFirst = 0;
    let unanswered = 0;
    let resolved = 0;
    for (const root of roots) {
      const thread = threadOf.get(root.externalId) ?? [];
      const first = thread.filter((x) => x.kind === 'reply' && !x.deleted && x.author !== root.author).sort((a, b) => a.at - b.at)[0];
      if (first) {
        ttfr.push((first.at - root.at) / 1000);
        if (isLeader(first.author, root.group)) leaderFirst++;
      } else if (root.kind === 'question' && root.at < Math.min(to, now) - 48 * 3600 * 1000) unanswered++;
      if (root.kind === 'question') {
        const index = byId();
        const accepts = thread
          .filter((x) => x.kind === 'accept' && !x.deleted)
          .filter((x) => {
            const reply = index.get(x.parent!);
            return reply !== undefined && reply.kind === 'reply' && !reply.deleted && rootOf(reply) === root;
          })
          .sort((a, b) => b.at - a.at);
        if (accepts.length) {
          resolved++;
          ttr.push((index.get(accepts[0].parent!)!.at - root.at) / 1000);
        }
      }
    }
    const questions = roots.filter((r) => r.kind === 'question').length;
    expect(body).toEqual({
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      roots: roots.length,
      respondedRoots: ttfr.length,
      responseRate: rate(ttfr.length, roots.length),
      medianTimeToFirstResponse: sec(percentileCont(ttfr, 0.5)),
      p90TimeToFirstResponse: sec(percentileCont(ttfr, 0.9)),
      meanTimeToFirstResponse: ttfr.length ? sec(ttfr.reduce((s, x) => s + x, 0) / ttfr.length) : null,
      questions,
      resolvedQuestions: resolved,
      resolvedRate: rate(resolved, questions),
      medianTimeToResolution: sec(percentileCont(ttr, 0.5)),
      unansweredQuestions: unanswered,
      leaderFirstResponseShare: rate(leaderFirst, ttfr.length),
    });
  });

  it('concentration', async () => {
    const body = await get(`indicators/concentration?${window}`);
    const counts = new Map<string, number>();
    let leaderContributions = 0;
    for (const a of d.acts.filter((x) => inScope(x) && CONTRIB.has(x.kind))) {
      counts.set(a.author, (counts.get(a.author) ?? 0) + 1);
      if (isLeader(a.author, a.group)) leaderContributions++;
    }
    const c = [...counts.values()];
    const n = c.length;
    const total = c.reduce((s, x) => s + x, 0);
    let pairSum = 0;
    for (const x of c) for (const y of c) pairSum += Math.abs(x - y);
    const desc = [...c].sort((a, b) => b - a);
    let k = 0;
    for (let acc = 0; k < n && acc * 2 < total; k++) acc += desc[k];
    expect(body).toMatchObject({
      contributors: n,
      contributions: total,
      gini: n <= 1 ? 0 : r4(pairSum / (2 * n * n * (total / n))),
      top10PercentShare: rate(
        desc.slice(0, Math.ceil(0.1 * n)).reduce((s, x) => s + x, 0),
        total,
      ),
      busFactor: k,
      leaderShare: rate(leaderContributions, total),
    });
  });

  // network-wide diffusion reads per-day rollups: also over a window starting and ending mid-day, and for one department
  it.each([
    ['aligned', undefined],
    ['unaligned', undefined],
    ['unaligned', 'Sales'],
  ])('diffusion (%s window, department %s)', async (which, department) => {
    const w = which === 'aligned' ? { from, to } : unaligned;
    const q = `from=${encodeURIComponent(new Date(w.from).toISOString())}&to=${encodeURIComponent(new Date(w.to).toISOString())}`;
    const body = await get(`indicators/diffusion?${q}${department ? `&department=${department}` : ''}`);
    const index = byId();
    const perDept = new Map<string, { n: number; e: number }>();
    for (const a of d.acts.filter((x) => inScope(x, w.from, w.to, undefined, department) && (x.kind === 'reply' || x.kind === 'reaction'))) {
      const p = a.parent ? index.get(a.parent) : undefined;
      if (!p || p.deleted || p.author === a.author) continue;
      const [from_, to_] = [deptOf(a.author), deptOf(p.author)];
      if (from_ === null || to_ === null) continue;
      const cell = perDept.get(from_) ?? { n: 0, e: 0 };
      cell.n++;
      if (from_ !== to_) cell.e++;
      perDept.set(from_, cell);
    }
    const n = [...perDept.values()].reduce((s, x) => s + x.n, 0);
    const e = [...perDept.values()].reduce((s, x) => s + x.e, 0);
    expect(body).toMatchObject({
      interactions: n,
      crossDepartmentInteractions: e,
      crossDepartmentRate: rate(e, n),
      eiIndex: rate(e - (n - e), n),
      departments: [...perDept.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([department, x]) => ({ department, interactions: x.n, eiIndex: rate(x.e - (x.n - x.e), x.n) })),
    });
  });

  // after the DST change; 28 days across the end of March; 28 days starting before the first activity
  it.each(['2026-03-30', '2026-04-10', '2026-02-15'])('engagement on %s', async (at) => {
    const body = await get(`indicators/engagement?at=${at}`);
    const dayIndex = (t: number) => Math.round((Date.parse(`${localDay(t)}T00:00:00Z`) - Date.parse(`${at}T00:00:00Z`)) / DAY); // 0 = at, -27 = first day
    const days = new Map<string, Set<number>>();
    for (const a of alive()) {
      const i = dayIndex(a.at);
      if (i > 0 || i < -27) continue;
      days.set(a.author, (days.get(a.author) ?? new Set()).add(i));
    }
    const active = (min: number) => [...days.values()].filter((s) => [...s].some((i) => i >= min)).length;
    const memberDays = [...days.values()].reduce((s, x) => s + x.size, 0);
    const mau = days.size;
    expect(body).toEqual({
      at,
      timezone: TZ,
      dau: active(0),
      wau: active(-6),
      mau,
      stickiness: mau === 0 ? null : r4(memberDays / 28 / mau),
      engagedMembers: [...days.values()].filter((s) => s.size >= 10).length,
    });
  });
});
