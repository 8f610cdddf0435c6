import type { Response } from 'supertest';
import { ingest, newActivity, newGroup, newMember, newMembership, newNetwork, RawRecord, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { untilFirstEvent } from '../support/event-stream';

/**
 * Confidential groups (SPEC §2, §4; docs/alignment.md "Emerging topics", docs/people.md "The people
 * index"): they are counted in totals, but their names, members and text are shown only to admin keys
 * and to keys limited to networks that include them. Emerging topics and the people index leave them
 * out entirely, for every key.
 *
 * One network holds a public, a private and a confidential group. The confidential group carries a
 * unique secret word (its name, the text and tags of its posts, questions, replies, shares, accepts and
 * reactions); the public group carries a control word in exactly the same shape, so every check below
 * is shown to be able to fail. Members, profiles and objectives — which are not confidential — never
 * hold the secret.
 *
 * The sweep takes every GET operation of the OpenAPI document under /v1 (the live stream read up to its first event), fills its path and query
 * parameters, follows its pages, and calls it with cno, hr and integrator keys, unscoped and limited
 * to another network: the secret must appear in no response (body or headers, any status, case-insensitive, after accent folding).
 * A GET route with a path parameter (or a required query parameter) this file cannot fill fails the
 * suite, so a new route can never be skipped silently.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

const eightDigits = () => String(10_000_000 + Math.floor(Math.random() * 90_000_000));
/** Anything that contains this (after folding) is the secret or a stemmed / cased / accented form of it. */
const SECRET_STEM = 'zqxsecret';
/** Ends in digits so no stemmer or plural rule alters it; one token after SPEC §3.6 normalisation. */
const SECRET = `${SECRET_STEM}${eightDigits()}`;
/** The same shape in the public group: what the routes show when content is not confidential. */
const CONTROL = `zqwcontrol${eightDigits()}`;
/** Not confidential: objective keywords are org-wide. It occurs in confidential and public texts alike. */
const KEYWORD = 'roadmap';

/** Case- and accent-insensitive form (NFKD, combining marks dropped, lowercase). */
const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
/** SPEC §3.6 tokens, joined by a space (to recognise a service's echo of a query value). */
const normalise = (s: string): string =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((tok) => (tok.length > 3 ? tok.replace(/[sx]$/, '') : tok))
    .join(' ');
/** "ZQXSÉCRET…" for "zqxsecret…": the same word, shouted and accented. */
const loud = (w: string): string => w.toUpperCase().replace(/[EO]/, (c) => (c === 'E' ? 'É' : 'Ö'));

const snippet = (s: string, stem: string): string => {
  const i = fold(s).indexOf(stem);
  return JSON.stringify(i < 0 ? s.slice(0, 120) : s.slice(Math.max(0, i - 60), i + stem.length + 60));
};

type Role = 'cno' | 'hr' | 'integrator';
const ROLES: Role[] = ['cno', 'hr', 'integrator'];

function parseJson(raw: string, contentType: string): { ok: true; value: unknown } | { ok: false } {
  if (!/json/i.test(contentType)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

/** JSON paths of the keys and strings that contain `stem` (after folding). */
function jsonLocations(value: unknown, stem: string, path = '$'): string[] {
  if (typeof value === 'string') return fold(value).includes(stem) ? [`${path} = ${snippet(value, stem)}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => jsonLocations(v, stem, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [
      ...(fold(k).includes(stem) ? [`key ${path}.${k}`] : []),
      ...jsonLocations(v, stem, `${path}.${k}`),
    ]);
  }
  return [];
}

/**
 * Where `stem` occurs in a response: JSON paths (also catching \u-escaped accents, since the parsed
 * value is folded), or CSV / text lines, and header values. `echoes` are normalised values the caller
 * itself sent (e.g. /v1/experts?topic=…): a top-level field that only repeats one of them is not a leak.
 */
function locate(res: Response, raw: string, stem: string, echoes: string[] = []): string[] {
  const where: string[] = [];
  for (const [name, value] of Object.entries(res.headers)) {
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    if (fold(text).includes(stem)) where.push(`header ${name}: ${snippet(text, stem)}`);
  }
  const contentType = String(res.headers['content-type'] ?? '');
  const json = parseJson(raw, contentType);
  if (json.ok) {
    let value = json.value;
    if (echoes.length > 0 && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      value = Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => !(typeof v === 'string' && echoes.includes(normalise(v)))));
    }
    where.push(...jsonLocations(value, stem));
    if (echoes.length === 0 && where.length === 0 && fold(raw).includes(stem)) where.push(`raw body: ${snippet(raw, stem)}`);
    return where;
  }
  raw.split(/\r?\n/).forEach((line, i) => {
    if (fold(line).includes(stem)) where.push(`body line ${i + 1}: ${snippet(line, stem)}`);
  });
  return where;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { maximum?: number };
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
}

interface Call {
  route: string;
  url: string;
  query: Record<string, string>;
}
interface Answer {
  call: Call;
  /** the caller: `unscoped cno`, `hr limited to another network`… */
  role: string;
  status: number;
  contentType: string;
  pages: number;
}
interface Finding {
  route: string;
  role: string;
  request: string;
  status: number;
  where: string[];
}

const requestLabel = (url: string, query: Record<string, string>) => {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${url}?${qs}` : url;
};

function cartesian<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((v) => [...prefix, v])), [[]]);
}

describe('confidential groups (SPEC §4): counted, never shown to keys that may not see them', () => {
  let t: TestApp;
  let net: string;
  let p: string;
  let objectiveKey: string;
  let DEPT: string;
  let SITE: string;
  const G_PUBLIC = 'g1';
  const G_PRIVATE = 'g2';
  const G_CONF = 'g3';
  const CONF_PREFIX = 'x3';
  const PUB_PREFIX = 'x1';
  const CONF_GROUP_NAME = `${loud(SECRET)} Task Force`;
  const PUBLIC_GROUP_NAME = `${CONTROL} Guild`;

  // members
  const m = (i: number) => `${p}m${i}`;
  let ACTORS: string[]; // m1..m6: active in the public and the confidential group alike
  let CONF_LEADER: string; // leads only the confidential group
  let PUB_LEADER: string;
  let PRIV_LEADER: string;
  let PRIV_AUTHORS: string[];
  let ALL_MEMBERS: string[];
  /** Members whose link to the confidential group must stay hidden. */
  let CONF_PARTICIPANTS: string[];

  // dates: `at` is two days ago (UTC); every activity is in the 7 days ending `at`
  const atStart = Math.floor(Date.now() / DAY) * DAY - 2 * DAY;
  const AT = new Date(atStart).toISOString().slice(0, 10);
  const FROM = new Date(atStart - 27 * DAY).toISOString();
  const TO = new Date(atStart + DAY).toISOString();
  const when = (dayOffset: number, hour: number) => new Date(atStart + dayOffset * DAY + hour * HOUR).toISOString();

  const keys = {} as Record<Role, { id: string; secret: string }>;
  const scoped = {} as Record<Role, { id: string; secret: string }>;
  /** Keys limited to another network: they must see nothing of this one, on org-wide routes too (members, experts, HR). */
  const elsewhere = {} as Record<Role, { id: string; secret: string }>;

  /** The same thread shapes in `group`, written with word `w`. */
  function threads(prefix: string, group: string, w: string, who: string[]): RawRecord[] {
    const a = (id: string, kind: string, author: string, at: string, fields: RawRecord) =>
      newActivity(`${prefix}-${id}`, kind, author, at, { group, ...fields });
    const bare = (id: string, kind: string, author: string, at: string, fields: RawRecord) => newActivity(`${prefix}-${id}`, kind, author, at, fields);
    const id = (s: string) => `${prefix}-${s}`;
    return [
      a('q1', 'question', who[0], when(-4, 9), { text: `Comment déployer ${w} dans la ${KEYWORD} ?`, tags: [w] }),
      a('q2', 'question', who[1], when(-4, 10), { text: `${loud(w)} bloque la ${KEYWORD}`, tags: [loud(w)] }),
      a('q3', 'question', who[2], when(-3, 9), { text: `Qui connaît ${w} ?`, tags: [w] }), // stays unanswered
      a('p1', 'post', who[3], when(-3, 11), { text: `Point d'étape ${w} et ${KEYWORD}`, tags: [w] }),
      a('p2', 'post', who[4], when(-2, 9), { text: `Atelier ${w} jeudi`, tags: [w] }),
      a('p3', 'post', who[5], when(-2, 10), { text: `Notes ${w}`, tags: [w] }),
      a('r1', 'reply', who[1], when(-4, 11), { parent: id('q1'), text: `Voir la procédure ${w}`, tags: [w] }),
      a('r2', 'reply', who[2], when(-4, 12), { parent: id('q1'), text: `Moi aussi sur ${w}` }),
      a('r3', 'reply', who[2], when(-4, 13), { parent: id('q2'), text: `${w} : redémarrer le service`, tags: [w] }),
      a('r4', 'reply', who[0], when(-4, 14), { parent: id('r3'), text: `Merci, ${w} fonctionne` }),
      a('acc1', 'accept', who[0], when(-4, 15), { parent: id('r1'), text: `${w} résolu` }),
      a('acc2', 'accept', who[1], when(-4, 16), { parent: id('r3'), text: `${w} réglé`, tags: [w] }),
      a('re1', 'reaction', who[4], when(-4, 17), { parent: id('r1'), reaction: 'like', text: `Bravo ${w}` }),
      a('re2', 'reaction', who[5], when(-4, 18), { parent: id('r1'), reaction: 'like' }),
      a('re3', 'reaction', who[3], when(-4, 19), { parent: id('r3'), reaction: 'praise', tags: [w] }),
      a('s1', 'share', who[1], when(-2, 11), { parent: id('p1'), text: `À relayer : ${w}`, tags: [w] }),
      // sent without a group inside the thread (SPEC §4: they belong to the root's group for visibility)
      bare('gr1', 'reply', who[2], when(-4, 20), { parent: id('q2'), text: `Sans groupe : ${w}`, tags: [w] }),
      bare('gre1', 'reaction', who[4], when(-4, 21), { parent: id('gr1'), reaction: w, text: `Réaction ${w}` }),
      bare('gacc1', 'accept', who[1], when(-4, 22), { parent: id('r3'), text: `${w} accepté`, tags: [w] }),
      bare('gs1', 'share', who[3], when(-2, 12), { parent: id('p2'), text: `Partage ${w}`, tags: [w] }),
    ];
  }
  /** The same without a group, per `threads`: 1 reply, 1 reaction, 1 accept, 1 share (2 contributions), none with KEYWORD. */
  const GROUPLESS = { replies: 1, reactions: 1, accepts: 1, shares: 1, contributions: 2 };
  /** Per group of `threads`: 3 posts, 3 questions, 4 replies, 1 share (11 contributions), 3 reactions, 2 accepts; 3 hold KEYWORD. */
  const PER_GROUP = { posts: 3, questions: 3, replies: 4, shares: 1, reactions: 3, accepts: 2, contributions: 11, keywordMatches: 3 };
  let CONF_ACTIVITY_IDS: string[];
  let PUBLIC_ACTIVITY_IDS: string[];

  const auth = (secret: string) => ({ Authorization: `Bearer ${secret}` });
  const admin = () => auth(TEST_ADMIN_KEY);
  const get = (url: string, query: Record<string, string>, secret: string) =>
    t.http().get(url).query(query).set(auth(secret)).buffer(true).parse(untilFirstEvent).timeout({ deadline: 60_000 });

  async function createKey(role: Role, networks?: string[]): Promise<{ id: string; secret: string }> {
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set(admin())
      .send({ name: `confidentiality ${role} ${uniqueKey('k')}`, role, ...(networks ? { networks } : {}) });
    if (res.status !== 201) throw new Error(`cannot create key: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id, secret: res.body.secret };
  }

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t);
    p = uniqueKey('cf') + '-';
    DEPT = `${p}dept`;
    SITE = `${p}site`;
    ACTORS = [1, 2, 3, 4, 5, 6].map(m);
    CONF_LEADER = m(7);
    PUB_LEADER = m(8);
    PRIV_LEADER = m(9);
    PRIV_AUTHORS = [m(10), m(11)];
    ALL_MEMBERS = [...ACTORS, CONF_LEADER, PUB_LEADER, PRIV_LEADER, ...PRIV_AUTHORS];
    CONF_PARTICIPANTS = [...ACTORS, CONF_LEADER];

    objectiveKey = `${p}objective`;
    const obj = await t
      .http()
      .put(`/v1/objectives/${objectiveKey}`)
      .set(admin())
      .send({ name: 'Roadmap delivery', keywords: [{ term: KEYWORD, weight: 1 }], networks: [net], active: true });
    if (obj.status !== 201) throw new Error(`cannot create objective: ${obj.status} ${JSON.stringify(obj.body)}`);

    const conf = threads(CONF_PREFIX, G_CONF, SECRET, ACTORS);
    const pub = threads(PUB_PREFIX, G_PUBLIC, CONTROL, ACTORS);
    CONF_ACTIVITY_IDS = conf.map((r) => r.externalId as string);
    PUBLIC_ACTIVITY_IDS = pub.map((r) => r.externalId as string);
    const records: RawRecord[] = [
      ...ACTORS.map((id, i) => newMember(id, { displayName: `Actor ${i + 1}`, department: DEPT, site: SITE, jobTitle: 'Engineer' })),
      ...[CONF_LEADER, PUB_LEADER, PRIV_LEADER, ...PRIV_AUTHORS].map((id, i) =>
        newMember(id, { displayName: `Colleague ${i + 1}`, department: `${p}other`, site: `${p}elsewhere` }),
      ),
      newGroup(G_PUBLIC, { name: PUBLIC_GROUP_NAME, visibility: 'public', leaders: [PUB_LEADER] }),
      newGroup(G_PRIVATE, { name: 'Budget circle', visibility: 'private', leaders: [PRIV_LEADER] }),
      newGroup(G_CONF, { name: CONF_GROUP_NAME, visibility: 'confidential', leaders: [CONF_LEADER] }),
      ...ACTORS.flatMap((id) => [newMembership(G_PUBLIC, id, { role: 'member' }), newMembership(G_CONF, id, { role: 'member' })]),
      ...PRIV_AUTHORS.map((id) => newMembership(G_PRIVATE, id, { role: 'member' })),
      ...pub,
      ...conf,
      newActivity('x2-p1', 'post', PRIV_AUTHORS[0], when(-3, 9), { group: G_PRIVATE, text: 'Budget trimestriel à valider', tags: ['budget'] }),
      newActivity('x2-p2', 'post', PRIV_AUTHORS[1], when(-3, 10), { group: G_PRIVATE, text: 'Revue des dépenses', tags: ['budget'] }),
      newActivity('x2-p3', 'post', PRIV_AUTHORS[0], when(-2, 9), { group: G_PRIVATE, text: 'Planning des congés' }),
      newActivity('x2-p4', 'post', PRIV_AUTHORS[1], when(-2, 10), { group: G_PRIVATE, text: 'Inventaire du matériel' }),
    ];
    // nothing the service keeps outside the confidential group holds the secret
    for (const r of records) if (!['activity', 'group'].includes(r.type as string)) expect(fold(JSON.stringify(r))).not.toContain(SECRET_STEM);
    const res = await ingest(t, net, records);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });

    // a declared profile without the secret (the member has interests on record)
    const profile = await t
      .http()
      .put(`/v1/members/${encodeURIComponent(ACTORS[0])}/profile`)
      .set(admin())
      .send({ interests: [{ topic: KEYWORD }], expertise: [{ topic: 'Kubernetes', level: 3 }] });
    expect(profile.status).toBe(200);

    // the objective's matches are final
    let state = '';
    for (let i = 0; i < 400 && state !== 'done'; i++) {
      const o = await t.http().get(`/v1/objectives/${objectiveKey}`).set(admin());
      expect(o.status).toBe(200);
      state = o.body.rematch?.state;
      if (state === 'failed') throw new Error(`re-match failed: ${JSON.stringify(o.body.rematch)}`);
      if (state !== 'done') await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toBe('done');

    const index = await t.http().post(`/v1/networks/${net}/people-index`).set(admin());
    if (index.status !== 200) throw new Error(`people-index answered ${index.status}: ${JSON.stringify(index.body)}`);

    for (const role of ROLES) keys[role] = await createKey(role);
    for (const role of ROLES) scoped[role] = await createKey(role, [net]);
    const otherNet = await newNetwork(t);
    for (const role of ROLES) elsewhere[role] = await createKey(role, [otherNet]);
  }, 300_000);
  afterAll(() => t?.close());

  describe('the setup can fail: the same content in the public group shows through the same routes', () => {
    const contains = async (url: string, query: Record<string, string>, role: Role, word: string) => {
      const res = await get(url, query, keys[role].secret);
      expect({ url, role, status: res.status }).toEqual({ url, role, status: 200 });
      return locate(res, res.body as string, word);
    };

    it.each([
      ['/v1/networks/{key}/emerging-topics', { at: '', window: '7d' }, 'cno'],
      ['/v1/networks/{key}/expertise-coverage', { from: '', to: '' }, 'cno'],
      ['/v1/networks/{key}/comparisons/groups', { from: '', to: '' }, 'cno'],
      ['/v1/networks/{key}/indicators/alignment/drift', { from: '', to: '' }, 'cno'],
      ['/v1/hr/interest-profiles', { format: 'csv' }, 'hr'],
      ['/v1/hr/interest-map', { by: 'department' }, 'hr'],
      ['/v1/hr/interest-map', { by: 'site' }, 'hr'],
      ['/v1/members/{m2}/profile', {}, 'hr'],
      ['/v1/networks/{key}/groups/g1', {}, 'integrator'],
      ['/v1/networks/{key}/activities', { limit: '1000' }, 'integrator'],
    ] as [string, Record<string, string>, Role][])('%s (%j) shows the control word to an unscoped %s key', async (template, query, role) => {
      const url = template.replace('{key}', net).replace('{m2}', encodeURIComponent(ACTORS[1]));
      const filled = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v || ({ at: AT, from: FROM, to: TO } as Record<string, string>)[k]]));
      expect(await contains(url, filled, role, CONTROL)).not.toEqual([]);
    });

    it('experts on the control word: the public helpers are ranked with observed evidence', async () => {
      const res = await t
        .http()
        .get('/v1/experts')
        .query({ topic: loud(CONTROL), limit: 1000 })
        .set(auth(keys.cno.secret));
      expect(res.status).toBe(200);
      const mine = (res.body.items as { member: string; observed: { score: number } }[]).filter((i) => ALL_MEMBERS.includes(i.member));
      expect(mine.map((i) => i.member).sort()).toEqual([ACTORS[0], ACTORS[1], ACTORS[2]].sort());
      expect(mine.every((i) => i.observed.score > 0)).toBe(true);
    });

    it('the detector finds the secret where it may be shown: admin and keys limited to the network see the confidential group name', async () => {
      const seen = async (url: string, query: Record<string, string>, secret: string) => {
        const res = await get(url, query, secret);
        expect({ url, status: res.status }).toEqual({ url, status: 200 });
        return locate(res, res.body as string, SECRET_STEM);
      };
      const groupUrl = `/v1/networks/${net}/groups/${G_CONF}`;
      const comparisons = `/v1/networks/${net}/comparisons/groups`;
      expect(await seen(groupUrl, {}, TEST_ADMIN_KEY)).not.toEqual([]);
      expect(await seen(groupUrl, {}, scoped.integrator.secret)).not.toEqual([]);
      expect(await seen(comparisons, { from: FROM, to: TO }, TEST_ADMIN_KEY)).not.toEqual([]);
      expect(await seen(comparisons, { from: FROM, to: TO }, scoped.cno.secret)).not.toEqual([]);
      // the name exactly as ingested
      const g = await t.http().get(groupUrl).set(admin());
      expect(g.body).toMatchObject({ externalId: G_CONF, name: CONF_GROUP_NAME, visibility: 'confidential' });
      // and the texts of its activities
      const a = await t.http().get(`/v1/networks/${net}/activities/${CONF_PREFIX}-q1`).set(auth(scoped.integrator.secret));
      expect(a.status).toBe(200);
      expect(fold(JSON.stringify(a.body))).toContain(SECRET);
    });
  });

  describe('confidential activities are counted in totals (for an unscoped cno key)', () => {
    const cno = () => auth(keys.cno.secret);

    it('indicators/activity: network totals include them, and the group filter counts them alone', async () => {
      const all = await t.http().get(`/v1/networks/${net}/indicators/activity`).query({ from: FROM, to: TO, granularity: 'day' }).set(cno());
      expect(all.status).toBe(200);
      expect(all.body.totals).toMatchObject({
        posts: 2 * PER_GROUP.posts + 4,
        questions: 2 * PER_GROUP.questions,
        replies: 2 * (PER_GROUP.replies + GROUPLESS.replies),
        shares: 2 * (PER_GROUP.shares + GROUPLESS.shares),
        reactions: 2 * (PER_GROUP.reactions + GROUPLESS.reactions),
        accepts: 2 * (PER_GROUP.accepts + GROUPLESS.accepts),
        contributions: 2 * (PER_GROUP.contributions + GROUPLESS.contributions) + 4,
        activeMembers: ACTORS.length + PRIV_AUTHORS.length,
        contributors: ACTORS.length + PRIV_AUTHORS.length,
      });
      const conf = await t.http().get(`/v1/networks/${net}/indicators/activity`).query({ from: FROM, to: TO, granularity: 'day', group: G_CONF }).set(cno());
      expect(conf.status).toBe(200);
      expect(conf.body.totals).toMatchObject({
        posts: PER_GROUP.posts,
        questions: PER_GROUP.questions,
        replies: PER_GROUP.replies,
        shares: PER_GROUP.shares,
        reactions: PER_GROUP.reactions,
        accepts: PER_GROUP.accepts,
        contributions: PER_GROUP.contributions,
        contributors: ACTORS.length,
      });
    });

    it('indicators/alignment: keyword figures leave the confidential contributions out for this key, and count them for a key limited to the network (SPEC §4)', async () => {
      const all = await t.http().get(`/v1/networks/${net}/indicators/alignment`).query({ from: FROM, to: TO }).set(cno());
      expect(all.status).toBe(200);
      // the public group's threads, their groupless activities, and the 4 private posts
      expect(all.body.contributions).toBe(PER_GROUP.contributions + GROUPLESS.contributions + 4);
      const objective = (all.body.objectives as { key: string; matches: number }[]).find((o) => o.key === objectiveKey);
      expect(objective).toMatchObject({ matches: PER_GROUP.keywordMatches });
      const conf = await t.http().get(`/v1/networks/${net}/indicators/alignment`).query({ from: FROM, to: TO, group: G_CONF }).set(cno());
      expect(conf.status).toBe(404);
      const scopedAll = await t.http().get(`/v1/networks/${net}/indicators/alignment`).query({ from: FROM, to: TO }).set(auth(scoped.cno.secret));
      expect(scopedAll.body.contributions).toBe(2 * (PER_GROUP.contributions + GROUPLESS.contributions) + 4);
      expect((scopedAll.body.objectives as { key: string; matches: number }[]).find((o) => o.key === objectiveKey)).toMatchObject({
        matches: 2 * PER_GROUP.keywordMatches,
      });
      const scopedConf = await t
        .http()
        .get(`/v1/networks/${net}/indicators/alignment`)
        .query({ from: FROM, to: TO, group: G_CONF })
        .set(auth(scoped.cno.secret));
      expect(scopedConf.status).toBe(200);
      expect(scopedConf.body.contributions).toBe(PER_GROUP.contributions);
      expect((scopedConf.body.objectives as { key: string; matches: number }[]).find((o) => o.key === objectiveKey)).toMatchObject({
        matches: PER_GROUP.keywordMatches,
      });
    });

    it('comparisons/leaders: the leader of the confidential group only is not named; a key limited to the network sees them', async () => {
      const rows = async (secret: string) => {
        const res = await t.http().get(`/v1/networks/${net}/comparisons/leaders`).query({ from: FROM, to: TO, limit: 1000 }).set(auth(secret));
        expect(res.status).toBe(200);
        return (res.body.items as { member: string }[]).map((r) => r.member).sort();
      };
      expect(await rows(keys.cno.secret)).toEqual([PUB_LEADER, PRIV_LEADER].sort());
      expect(await rows(scoped.cno.secret)).toEqual([CONF_LEADER, PUB_LEADER, PRIV_LEADER].sort());
    });

    it('comparisons/groups: the confidential row is there, counted, without its name', async () => {
      const res = await t.http().get(`/v1/networks/${net}/comparisons/groups`).query({ from: FROM, to: TO, limit: 1000 }).set(cno());
      expect(res.status).toBe(200);
      const row = (res.body.items as Record<string, unknown>[]).find((r) => r.group === G_CONF);
      expect(row).toMatchObject({ contributions: PER_GROUP.contributions, name: null, alignedContributions: null, alignmentRate: null });
    });
  });

  describe('emerging topics and the people index leave the confidential group out, for every key', () => {
    const everyKey = () => [
      ['admin', TEST_ADMIN_KEY],
      ...ROLES.map((r) => [`unscoped ${r}`, keys[r].secret]),
      ...ROLES.map((r) => [`${r} limited to the network`, scoped[r].secret]),
    ];

    it('GET /v1/experts?topic=<secret> ranks nobody (no evidence comes from confidential threads)', async () => {
      for (const [label, secret] of everyKey()) {
        const res = await t.http().get('/v1/experts').query({ topic: SECRET, limit: 1000 }).set(auth(secret));
        if (res.status === 403) continue; // integrators
        expect({ label, status: res.status, items: res.body.items }).toEqual({ label, status: 200, items: [] });
      }
    });

    it('emerging topics, expertise coverage, animator candidates, profiles and the interest map never hold the secret', async () => {
      const found: string[] = [];
      const reads: [string, Record<string, string>][] = [
        [`/v1/networks/${net}/emerging-topics`, { at: AT, window: '7d', minMentions: '1', minAuthors: '1', minScore: '-1000000', limit: '1000' }],
        [`/v1/networks/${net}/expertise-coverage`, { from: FROM, to: TO, limit: '1000' }],
        [`/v1/networks/${net}/animator-candidates`, { limit: '1000' }],
        ['/v1/hr/interest-profiles', { format: 'csv' }],
        ['/v1/hr/interest-map', { by: 'department' }],
        ['/v1/hr/interest-map', { by: 'site' }],
        ...ACTORS.map((id) => [`/v1/members/${encodeURIComponent(id)}/profile`, {}] as [string, Record<string, string>]),
      ];
      for (const [label, secret] of everyKey()) {
        for (const [url, query] of reads) {
          const res = await get(url, query, secret);
          for (const w of locate(res, res.body as string, SECRET_STEM)) found.push(`${label} GET ${requestLabel(url, query)} (${res.status}): ${w}`);
        }
      }
      expect(found).toEqual([]);
    });
  });

  describe('every GET route of the OpenAPI document, with cno, hr and integrator keys unscoped and limited to another network', () => {
    const unfillable: string[] = [];
    const answers: Answer[] = [];
    const secretLeaks: Finding[] = [];
    const memberLeaks: Finding[] = [];
    let routes: string[] = [];

    /** Values for a path parameter, from the segment before it; undefined = unknown (the suite fails). */
    function pathValues(path: string, name: string): string[] | undefined {
      const before = path.split(`/{${name}}`)[0].split('/').pop();
      const rule = `${before}/{${name}}`;
      switch (rule) {
        case 'networks/{key}':
          return [net];
        case 'objectives/{key}':
          return [objectiveKey];
        case 'groups/{externalId}':
          return [G_CONF, G_PUBLIC, G_PRIVATE];
        case 'activities/{externalId}':
          return [...CONF_ACTIVITY_IDS, PUBLIC_ACTIVITY_IDS[0]];
        case 'members/{externalId}':
          return ALL_MEMBERS;
        case 'api-keys/{id}':
          return [keys.cno.id];
        default:
          return undefined;
      }
    }

    /** Values for a query parameter (undefined = omitted); null = unknown. */
    function queryValues(param: OpenApiParameter): (string | undefined)[] | null {
      switch (param.name) {
        case 'from':
          return [FROM];
        case 'to':
          return [TO];
        case 'granularity':
          return ['day'];
        case 'at':
          return [AT];
        case 'window':
          return ['7d', '28d'];
        case 'group':
          return [undefined, G_CONF];
        case 'limit':
          return [String(Math.min(1000, param.schema?.maximum ?? 1000))];
        case 'cursor':
          return [undefined]; // followed from nextCursor
        case 'topic':
          return [SECRET, loud(SECRET), CONTROL, KEYWORD];
        case 'by':
          return ['department', 'site'];
        case 'format':
          return [undefined, 'csv'];
        case 'objective':
          return [undefined, objectiveKey]; // change adoption: every objective, then the one whose keyword is the secret word
        // emerging topics: the defaults, and thresholds that let every term through
        case 'minMentions':
        case 'minAuthors':
          return [undefined, '1'];
        case 'minScore':
          return [undefined, '-1000000'];
        default:
          return param.required ? null : [undefined];
      }
    }

    /** Objects that name the confidential group next to one of its participants (author, member, leader…). */
    function membersNextToGroup(value: unknown, path = '$'): string[] {
      if (Array.isArray(value)) return value.flatMap((v, i) => membersNextToGroup(v, `${path}[${i}]`));
      if (value === null || typeof value !== 'object') return [];
      const entries = Object.entries(value as Record<string, unknown>);
      const here: string[] = [];
      if (entries.some(([, v]) => v === G_CONF)) {
        for (const [k, v] of entries) {
          const ids = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && CONF_PARTICIPANTS.includes(x));
          if (ids.length > 0) here.push(`${path}.${k} = ${JSON.stringify(v)} in ${JSON.stringify(value).slice(0, 300)}`);
        }
      }
      return [...here, ...entries.flatMap(([k, v]) => membersNextToGroup(v, `${path}.${k}`))];
    }

    beforeAll(async () => {
      const doc = await t.http().get('/docs-json');
      expect(doc.status).toBe(200);
      const calls: Call[] = [];
      for (const [path, item] of Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)) {
        if (!path.startsWith('/v1')) continue;
        const op = item.get as OpenApiOperation | undefined;
        if (!op) continue;
        routes.push(path);
        const params = [...((item.parameters as OpenApiParameter[] | undefined) ?? []), ...(op.parameters ?? [])];
        const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]);
        const pathLists: string[][] = [];
        for (const name of pathParams) {
          const values = pathValues(path, name);
          if (!values) unfillable.push(`GET ${path}: path parameter {${name}}`);
          else pathLists.push(values);
        }
        const queryNames: string[] = [];
        const queryLists: (string | undefined)[][] = [];
        for (const param of params.filter((x) => x.in === 'query')) {
          const values = queryValues(param);
          if (!values) unfillable.push(`GET ${path}: required query parameter ${param.name}`);
          else {
            queryNames.push(param.name);
            queryLists.push(values);
          }
        }
        if (pathLists.length !== pathParams.length) continue;
        for (const values of cartesian(pathLists)) {
          let i = 0;
          const url = path.replace(/\{(\w+)\}/g, () => encodeURIComponent(values[i++]));
          for (const combo of cartesian(queryLists)) {
            const query: Record<string, string> = {};
            combo.forEach((v, j) => {
              if (v !== undefined) query[queryNames[j]] = v;
            });
            calls.push({ route: path, url, query });
          }
        }
      }
      routes = [...new Set(routes)];

      for (const call of calls) {
        const echoes = Object.values(call.query)
          .filter((v) => fold(v).includes(SECRET_STEM))
          .map(normalise);
        const canPage = Object.keys(call.query).includes('limit');
        const callers = [...ROLES.map((r) => [`unscoped ${r}`, keys[r].secret]), ...ROLES.map((r) => [`${r} limited to another network`, elsewhere[r].secret])];
        for (const [role, secret] of callers) {
          let query = call.query;
          let pages = 0;
          let first: Response | undefined;
          for (;;) {
            const res = await get(call.url, query, secret);
            first ??= res;
            pages++;
            const raw = res.body as string;
            const request = requestLabel(call.url, query);
            const where = locate(res, raw, SECRET_STEM, echoes);
            if (where.length > 0) secretLeaks.push({ route: call.route, role, request, status: res.status, where });
            const json = parseJson(raw, String(res.headers['content-type'] ?? ''));
            if (json.ok) {
              const near = membersNextToGroup(json.value);
              // a list filtered on the confidential group that names its participants
              if (call.query.group === G_CONF && res.status === 200) {
                const named = new Set<string>();
                JSON.stringify(json.value, (_k, v) => {
                  if (typeof v === 'string' && CONF_PARTICIPANTS.includes(v)) named.add(v);
                  return v;
                });
                if (named.size > 0) near.push(`filtered on group=${G_CONF}, names ${JSON.stringify([...named].sort())}`);
              }
              if (near.length > 0) memberLeaks.push({ route: call.route, role, request, status: res.status, where: near });
            }
            const next = json.ok && json.value !== null && typeof json.value === 'object' ? (json.value as { nextCursor?: unknown }).nextCursor : undefined;
            if (res.status !== 200 || !canPage || typeof next !== 'string' || pages >= 200) break;
            query = { ...call.query, cursor: next };
          }
          answers.push({ call, role, status: first.status, contentType: String(first.headers['content-type'] ?? ''), pages });
        }
      }
    }, 1_800_000);

    it('every GET route has parameters this file knows how to fill (a new route cannot be skipped silently)', () => {
      expect(routes.length).toBeGreaterThan(20);
      expect(unfillable).toEqual([]);
    });

    it('every call was answered (200, or 403/404 where the role or the key may not see it): no 400 from a wrong request, no 5xx', () => {
      const bad = answers
        .filter((a) => ![200, 403, 404].includes(a.status))
        .map((a) => `${a.role} GET ${requestLabel(a.call.url, a.call.query)} → ${a.status}`);
      expect(bad).toEqual([]);
      // and each role reads something: the sweep is not a wall of 403s
      for (const role of ROLES)
        expect({ role, ok: answers.filter((a) => a.role === `unscoped ${role}` && a.status === 200).length > 10 }).toEqual({ role, ok: true });
      // every route was called
      expect(routes.filter((r) => !answers.some((a) => a.call.route === r))).toEqual([]);
    });

    it('the secret word (confidential group name, texts, tags) appears in no response, whatever the status', () => {
      expect(secretLeaks).toEqual([]);
    });

    it('the member detector fires where the key may see them (admin: memberships; key limited to the network: activity authors)', async () => {
      const memberships = await get(`/v1/networks/${net}/memberships`, { group: G_CONF, limit: '1000' }, TEST_ADMIN_KEY);
      expect(memberships.status).toBe(200);
      expect(membersNextToGroup(JSON.parse(memberships.body as string))).not.toEqual([]);
      const activities = await get(`/v1/networks/${net}/activities`, { group: G_CONF, limit: '1000' }, scoped.integrator.secret);
      expect(activities.status).toBe(200);
      expect(membersNextToGroup(JSON.parse(activities.body as string))).not.toEqual([]);
    });

    it("no response names one of the confidential group's participants next to it (SPEC §4: its members are not shown either)", () => {
      expect(memberLeaks).toEqual([]);
    });
  });
});
