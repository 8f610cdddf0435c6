import type { Response } from 'supertest';
import { ingest, newActivity, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { binary, parseCsv } from '../support/csv';
import { expectProblem } from '../support/problems';

/**
 * HR (SPEC §3.8, §4; docs/people.md "HR"): GET /v1/hr/interest-profiles (JSON pages or CSV) and
 * GET /v1/hr/interest-map?by=department|site with k-anonymity.
 *
 * Every HR read uses an `hr` key limited to this file's own network, so the members of other files
 * (members are org-wide, the database is shared) never appear.
 */

const HEADER = 'member,displayName,department,site,jobTitle,expertise,competences,interests,inferredInterests';

/** SPEC §3.6 normalisation, to find a topic cell whatever written form it shows. */
const normalise = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((tok) => (tok.length > 3 && /[sx]$/.test(tok) ? tok.slice(0, -1) : tok))
    .join(' ');

interface Profile {
  member: string;
  displayName: string | null;
  department: string | null;
  site: string | null;
  jobTitle: string | null;
  expertise: { topic: string; level: number }[];
  competences: { topic: string; level: number }[];
  interests: { topic: string }[];
  inferredInterests: { term: string; weight: number }[];
}

/** The CSV row a profile becomes (docs/people.md: list cells "Kubernetes (4); Terraform (2)" and "term; term"). */
const csvRow = (p: Profile): string[] => [
  p.member,
  p.displayName ?? '',
  p.department ?? '',
  p.site ?? '',
  p.jobTitle ?? '',
  p.expertise.map((e) => `${e.topic} (${e.level})`).join('; '),
  p.competences.map((e) => `${e.topic} (${e.level})`).join('; '),
  p.interests.map((e) => e.topic).join('; '),
  p.inferredInterests.map((e) => e.term).join('; '),
];

describe('HR (SPEC §3.8, docs/people.md)', () => {
  let t: TestApp;
  const auth = (apiKey = TEST_ADMIN_KEY) => ({ Authorization: `Bearer ${apiKey}` });

  async function newKey(role: string, networks?: string[]): Promise<{ id: string; secret: string }> {
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set(auth())
      .send({ name: `hr-spec ${role} ${uniqueKey('k')}`, role, ...(networks ? { networks } : {}) });
    expect(res.status).toBe(201);
    return res.body;
  }
  const auditActions = async (actor: string): Promise<string[]> =>
    (await t.db.query(`SELECT action FROM audit_log WHERE actor = $1 ORDER BY id`, [actor])).map((r: { action: string }) => r.action);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('interest profiles', () => {
    /**
     * Network `net`:
     *   h1 `Dupont, "Jo" Éloïse`, R&D, Lyon, "Architecte cloud"; declared expertise Kubernetes 4, Terraform 2,
     *      competence Ansible 3, interests cybersécurité, Réseaux
     *   h2 "Ana Ruiz", R&D, no site, no job title; nothing declared, inferred interests only
     *   h3 "Zoë Martin", Sales, Paris, "Chef de projet"; declared interest only (with a comma and quotes)
     *   h4 "Bob", no department; posts (inferred interests)
     *   h5 "Nobody": nothing declared, no contribution → not listed
     *   ph placeholder (an author with no member record) → not listed, though it has inferred interests
     * Contributions (no group):
     *   e1 h1 "kubernetes helm" tags [kubernetes]; e2 h1 "kubernetes"; e3 h2 "helm"; e4 h4 "grafana";
     *   e5 h4 "grafana"; e6 ph "grafana zorglub"
     * N = 6.
     *   h1: kubernetes tf = 2 (e1 tag) + 1 (e2) = 3, df 2 → 3 ln 3 = 3.2958; helm tf 1, df 2 → ln 3 = 1.0986
     *   h2: helm → 1.0986
     *   h4: grafana tf 2, df 3 → 2 ln 2 = 1.3863
     */
    let net: string;
    let p: string;
    let hr: { id: string; secret: string };
    const h = (s: string) => `${p}${s}`;
    let expected: Profile[];

    beforeAll(async () => {
      net = await newNetwork(t);
      p = uniqueKey('hr') + ':';
      const res = await ingest(t, net, [
        newMember(h('h1'), { displayName: 'Dupont, "Jo" Éloïse', department: 'R&D', site: 'Lyon', jobTitle: 'Architecte cloud' }),
        newMember(h('h2'), { displayName: 'Ana Ruiz', department: 'R&D' }),
        newMember(h('h3'), { displayName: 'Zoë Martin', department: 'Sales', site: 'Paris', jobTitle: 'Chef de projet' }),
        newMember(h('h4'), { displayName: 'Bob' }),
        newMember(h('h5'), { displayName: 'Nobody', department: 'R&D' }),
        newActivity('e1', 'post', h('h1'), '2026-10-01T09:00:00Z', { text: 'kubernetes helm', tags: ['kubernetes'] }),
        newActivity('e2', 'post', h('h1'), '2026-10-02T09:00:00Z', { text: 'kubernetes' }),
        newActivity('e3', 'post', h('h2'), '2026-10-03T09:00:00Z', { text: 'helm' }),
        newActivity('e4', 'post', h('h4'), '2026-10-04T09:00:00Z', { text: 'grafana' }),
        newActivity('e5', 'post', h('h4'), '2026-10-05T09:00:00Z', { text: 'grafana' }),
        newActivity('e6', 'post', h('ph'), '2026-10-06T09:00:00Z', { text: 'grafana zorglub' }),
      ]);
      expect(res.body.rejected).toEqual([]);
      const put = (member: string, body: object) =>
        t
          .http()
          .put(`/v1/members/${encodeURIComponent(member)}/profile`)
          .set(auth())
          .send(body);
      const d1 = {
        expertise: [
          { topic: 'Kubernetes', level: 4 },
          { topic: 'Terraform', level: 2 },
        ],
        competences: [{ topic: 'Ansible', level: 3 }],
        interests: [{ topic: 'cybersécurité' }, { topic: 'Réseaux' }],
      };
      expect((await put(h('h1'), d1)).status).toBe(200);
      expect((await put(h('h3'), { interests: [{ topic: 'Gestion, "agile"' }] })).status).toBe(200);
      expect((await t.http().post(`/v1/networks/${net}/people-index`).set(auth())).status).toBe(200);
      hr = await newKey('hr', [net]);
      expected = [
        {
          member: h('h1'),
          displayName: 'Dupont, "Jo" Éloïse',
          department: 'R&D',
          site: 'Lyon',
          jobTitle: 'Architecte cloud',
          ...d1,
          inferredInterests: [
            { term: 'kubernetes', weight: 3.2958 },
            { term: 'helm', weight: 1.0986 },
          ], // 3 ln(6/2), 1 ln(6/2)
        },
        {
          member: h('h2'),
          displayName: 'Ana Ruiz',
          department: 'R&D',
          site: null,
          jobTitle: null,
          expertise: [],
          competences: [],
          interests: [],
          inferredInterests: [{ term: 'helm', weight: 1.0986 }],
        }, // ln(6/2)
        {
          member: h('h3'),
          displayName: 'Zoë Martin',
          department: 'Sales',
          site: 'Paris',
          jobTitle: 'Chef de projet',
          expertise: [],
          competences: [],
          interests: [{ topic: 'Gestion, "agile"' }],
          inferredInterests: [],
        },
        {
          member: h('h4'),
          displayName: 'Bob',
          department: null,
          site: null,
          jobTitle: null,
          expertise: [],
          competences: [],
          interests: [],
          inferredInterests: [{ term: 'grafana', weight: 1.3863 }],
        }, // 2 ln(6/3)
      ];
    });

    const profiles = (query: Record<string, string | number> = {}, apiKey?: string) =>
      t
        .http()
        .get('/v1/hr/interest-profiles')
        .query(query)
        .set(auth(apiKey ?? hr.secret));

    it('JSON: members with a declared profile or inferred interests, not placeholders, with the documented fields', async () => {
      const res = await profiles({ limit: 1000 });
      expect({ status: res.status, contentType: res.headers['content-type'] }).toEqual({
        status: 200,
        contentType: expect.stringMatching(/^application\/json/),
      });
      expect(res.body).toEqual({ items: expected, nextCursor: null });
    });

    it('JSON pages: limit=1 and the cursor walk the same list', async () => {
      const seen: Profile[] = [];
      let cursor: string | null = null;
      for (let pages = 0; ; pages++) {
        const res: Response = await profiles({ limit: 1, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(1);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
        if (cursor === null) break;
        if (pages > 20) throw new Error('pagination does not end');
      }
      expect(seen).toEqual(expected);
    });

    it('bad query → 400 (limit=0, format=xml, forged cursor)', async () => {
      expectProblem(await profiles({ limit: 0 }), 400, 'limit=0');
      expectProblem(await profiles({ format: 'xml' }), 400, 'format=xml');
      expectProblem(await profiles({ cursor: 'not-a-cursor' }), 400, 'cursor');
    });

    async function csvBytes(req: ReturnType<typeof profiles>): Promise<{ res: Response; buf: Buffer }> {
      const res = await req.buffer(true).parse(binary);
      expect(res.status).toBe(200);
      return { res, buf: res.body as Buffer };
    }

    it('CSV (format=csv): header line, CRLF, RFC 4180 quoting, UTF-8 without BOM, list cells', async () => {
      const { res, buf } = await csvBytes(profiles({ format: 'csv' }));
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      // UTF-8 without BOM
      expect([...buf.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      const text = buf.toString('utf8');
      expect(Buffer.from(text, 'utf8').equals(buf)).toBe(true); // valid UTF-8 (round-trips)
      expect(buf.includes(Buffer.from('Éloïse', 'utf8'))).toBe(true); // É = C3 89, ï = C3 AF
      expect(buf.includes(Buffer.from([0xc3, 0x89, 0x6c, 0x6f, 0xc3, 0xaf, 0x73, 0x65]))).toBe(true);
      expect(buf.includes(Buffer.from('Éloïse', 'latin1'))).toBe(false);
      // exactly one header line, CRLF
      expect(text.startsWith(HEADER + '\r\n')).toBe(true);
      expect(text.split(HEADER).length).toBe(2);
      expect(text.endsWith('\r\n')).toBe(true);
      // the row of h1, byte for byte: the display name quoted, its quotes doubled; list cells
      expect(text).toContain(
        `\r\n${h('h1')},"Dupont, ""Jo"" Éloïse",R&D,Lyon,Architecte cloud,Kubernetes (4); Terraform (2),Ansible (3),cybersécurité; Réseaux,kubernetes; helm\r\n`,
      );
      // empty list cells are empty fields; a topic with a comma and quotes is quoted, its quotes doubled
      expect(text).toContain(`\r\n${h('h3')},Zoë Martin,Sales,Paris,Chef de projet,,,"Gestion, ""agile""",\r\n`);
      // no bare LF: every record ends with CRLF (the strict parser refuses others)
      const records = parseCsv(text);
      expect(records[0]).toEqual(HEADER.split(','));
      for (const r of records) expect(r).toHaveLength(9);
      // parsed back, the same as the JSON
      expect(records.slice(1)).toEqual(expected.map(csvRow));
    });

    it('CSV with Accept: text/csv is the same document', async () => {
      const a = await csvBytes(profiles({ format: 'csv' }));
      const b = await csvBytes(profiles().set('Accept', 'text/csv'));
      expect(b.res.headers['content-type']).toMatch(/^text\/csv/);
      expect(b.buf.equals(a.buf)).toBe(true);
      // and Accept: application/json is JSON
      const json = await profiles({ limit: 1000 }).set('Accept', 'application/json');
      expect(json.headers['content-type']).toMatch(/^application\/json/);
    });

    it('CSV parsed back equals the JSON pages', async () => {
      const json = await profiles({ limit: 1000 });
      const { buf } = await csvBytes(profiles({ format: 'csv' }));
      expect(parseCsv(buf.toString('utf8')).slice(1)).toEqual(json.body.items.map(csvRow));
    });

    it('CSV: a field holding LF or CR is quoted (RFC 4180), so each record stays one CSV record', async () => {
      const other = await newNetwork(t);
      const q = uniqueKey('hrlf') + ':';
      const res = await ingest(t, other, [
        newMember(q + 'lf', { displayName: 'Line Feed', jobTitle: 'Chef de projet\nIT' }),
        newMember(q + 'cr', { displayName: 'Carriage\rReturn' }),
      ]);
      expect(res.body.rejected).toEqual([]);
      for (const s of ['lf', 'cr']) {
        expect(
          (
            await t
              .http()
              .put(`/v1/members/${q + s}/profile`)
              .set(auth())
              .send({ interests: [{ topic: 'Cloud' }] })
          ).status,
        ).toBe(200);
      }
      const key = await newKey('hr', [other]);
      // the JSON holds the values unchanged
      expect((await profiles({}, key.secret)).body.items.map((i: Profile) => [i.displayName, i.jobTitle])).toEqual([
        ['Line Feed', 'Chef de projet\nIT'],
        ['Carriage\rReturn', null],
      ]);
      const { buf } = await csvBytes(profiles({ format: 'csv' }, key.secret));
      const text = buf.toString('utf8');
      // members by id (ingestion order): lf, then cr
      expect(text).toBe(HEADER + '\r\n' + `${q}lf,Line Feed,,,"Chef de projet\nIT",,,Cloud,\r\n` + `${q}cr,"Carriage\rReturn",,,,,,Cloud,\r\n`);
      expect(
        parseCsv(text)
          .slice(1)
          .map((r) => [r[1], r[4]]),
      ).toEqual([
        ['Line Feed', 'Chef de projet\nIT'],
        ['Carriage\rReturn', ''],
      ]);
    });

    it('an hr key limited to a network with nobody in it gets an empty list and a header-only CSV', async () => {
      const empty = await newNetwork(t);
      const key = await newKey('hr', [empty]);
      const res = await profiles({}, key.secret);
      expect(res.body).toEqual({ items: [], nextCursor: null });
      const { buf } = await csvBytes(profiles({ format: 'csv' }, key.secret));
      expect(buf.toString('utf8')).toBe(HEADER + '\r\n');
    });

    it('roles: hr and admin read; cno and integrator get 403 (JSON and CSV)', async () => {
      expect((await profiles({ limit: 1 }, TEST_ADMIN_KEY)).status).toBe(200);
      for (const role of ['cno', 'integrator']) {
        const key = await newKey(role, [net]);
        expectProblem(await profiles({}, key.secret), 403, `${role} JSON`);
        expectProblem(await profiles({ format: 'csv' }, key.secret), 403, `${role} CSV`);
      }
      expectProblem(await t.http().get('/v1/hr/interest-profiles'), 401, 'no key');
    });

    it('every read is audited as hr.interest-profiles.read', async () => {
      const key = await newKey('hr', [net]);
      expect(await auditActions(key.id)).toEqual([]);
      expect((await profiles({ limit: 2 }, key.secret)).status).toBe(200);
      expect(await auditActions(key.id)).toEqual(['hr.interest-profiles.read']);
      await csvBytes(profiles({ format: 'csv' }, key.secret));
      const afterCsv = await auditActions(key.id);
      expect(afterCsv.length).toBeGreaterThanOrEqual(2);
      await csvBytes(profiles({}, key.secret).set('Accept', 'text/csv'));
      const afterAccept = await auditActions(key.id);
      expect(afterAccept.length).toBeGreaterThan(afterCsv.length);
      expect(new Set(afterAccept)).toEqual(new Set(['hr.interest-profiles.read']));
    });
  });

  describe('interest map, default k', () => {
    it('k is 5 by default; by=other or no `by` → 400; roles', async () => {
      const net = await newNetwork(t);
      const p = uniqueKey('hrk') + ':';
      const res = await ingest(
        t,
        net,
        ['a', 'b', 'c', 'd'].map((s) => newMember(p + s, { department: 'Dept-Four' })),
      );
      expect(res.body.rejected).toEqual([]);
      for (const s of ['a', 'b', 'c', 'd']) {
        expect(
          (
            await t
              .http()
              .put(`/v1/members/${p + s}/profile`)
              .set(auth())
              .send({ interests: [{ topic: 'Cloud' }] })
          ).status,
        ).toBe(200);
      }
      const hr = await newKey('hr', [net]);
      const map = await t.http().get('/v1/hr/interest-map').query({ by: 'department' }).set(auth(hr.secret));
      expect(map.status).toBe(200);
      // 4 members < k = 5: the unit is left out, and its one cell (Cloud, 4 members) too
      expect(map.body).toEqual({ by: 'department', k: 5, units: [], suppressedUnits: 1, suppressedCells: 1 });

      expectProblem(await t.http().get('/v1/hr/interest-map').query({ by: 'other' }).set(auth(hr.secret)), 400, 'by=other');
      expectProblem(await t.http().get('/v1/hr/interest-map').set(auth(hr.secret)), 400, 'no by');
      expect((await t.http().get('/v1/hr/interest-map').query({ by: 'site' }).set(auth())).status).toBe(200); // admin
      for (const role of ['cno', 'integrator']) {
        const key = await newKey(role, [net]);
        expectProblem(await t.http().get('/v1/hr/interest-map').query({ by: 'department' }).set(auth(key.secret)), 403, role);
      }
    });
  });

  describe('interest map with K_ANONYMITY=3', () => {
    /**
     * Network `net` (k = 3), every member's topics declared (written forms vary; one key after §3.6):
     *   m1 Dept-Three, Site-A: interest "Cybersécurité", expertise "cybersécurité" 3, "Kubernetes" 4
     *   m2 Dept-Three, Site-A: interest "cybersecurite", expertise "kubernetes" 2
     *   m3 Dept-Three, Site-B: interest "CYBERSÉCURITÉ", competence "Terraform" 2
     *   n1 Dept-Two,   Site-A: interest "Cybersécurité"
     *   n2 Dept-Two,   Site-B: interest "cybersécurité"
     *   o1 no department, no site: interests "cybersécurité", "Zorglub"; posts "réunion" (inferred: réunion)
     *   o2 no department, no site: interests "cybersécurité", "zorglub"
     *   o3 no department, no site: interest "cybersécurité"; posts "zorglub" (inferred: zorglub)
     *   corpus N = 2: réunion df 1 → ln 2 > 0 for o1; zorglub df 1 → ln 2 > 0 for o3
     *
     * by=department (k = 3):
     *   Dept-Three, 3 members (= k, kept): cybersécurité {m1, m2, m3} = 3 (m1 holds it twice, counted once) → shown;
     *     kubernetes {m1, m2} = 2 (k − 1) → suppressed; terraform {m3} = 1 → suppressed
     *   Dept-Two, 2 members (k − 1) → unit left out; its cell cybersécurité (2) suppressed with it
     *   null, 3 members: cybersécurité 3 → shown; zorglub {o1, o2 declared, o3 inferred} = 3 → shown;
     *     réunion {o1} = 1 → suppressed
     *   suppressedUnits = 1; suppressedCells = 2 (Dept-Three) + 1 (Dept-Two) + 1 (null) = 4
     * by=site:
     *   Site-A {m1, m2, n1} = 3 → kept: cybersécurité 3 → shown; kubernetes {m1, m2} 2 → suppressed
     *   Site-B {m3, n2} = 2 → left out; cells cybersécurité 2, terraform 1 → 2 suppressed
     *   null: as above (1 suppressed)
     *   suppressedUnits = 1; suppressedCells = 1 + 2 + 1 = 4
     * (suppressedCells counts those of suppressed units too — OpenAPI InterestMapView.suppressedCells)
     */
    let t3: TestApp;
    let net: string;
    let hr: { id: string; secret: string };

    beforeAll(async () => {
      t3 = await startTestApp({ K_ANONYMITY: '3' });
      net = await newNetwork(t3);
      const p = uniqueKey('hrm') + ':';
      const res = await ingest(t3, net, [
        newMember(p + 'm1', { department: 'Dept-Three', site: 'Site-A' }),
        newMember(p + 'm2', { department: 'Dept-Three', site: 'Site-A' }),
        newMember(p + 'm3', { department: 'Dept-Three', site: 'Site-B' }),
        newMember(p + 'n1', { department: 'Dept-Two', site: 'Site-A' }),
        newMember(p + 'n2', { department: 'Dept-Two', site: 'Site-B' }),
        newMember(p + 'o1'),
        newMember(p + 'o2'),
        newMember(p + 'o3'),
        newActivity('w1', 'post', p + 'o1', '2026-10-01T09:00:00Z', { text: 'réunion' }),
        newActivity('w2', 'post', p + 'o3', '2026-10-02T09:00:00Z', { text: 'zorglub' }),
      ]);
      expect(res.body.rejected).toEqual([]);
      const declared: Record<string, object> = {
        m1: {
          interests: [{ topic: 'Cybersécurité' }],
          expertise: [
            { topic: 'cybersécurité', level: 3 },
            { topic: 'Kubernetes', level: 4 },
          ],
        },
        m2: { interests: [{ topic: 'cybersecurite' }], expertise: [{ topic: 'kubernetes', level: 2 }] },
        m3: { interests: [{ topic: 'CYBERSÉCURITÉ' }], competences: [{ topic: 'Terraform', level: 2 }] },
        n1: { interests: [{ topic: 'Cybersécurité' }] },
        n2: { interests: [{ topic: 'cybersécurité' }] },
        o1: { interests: [{ topic: 'cybersécurité' }, { topic: 'Zorglub' }] },
        o2: { interests: [{ topic: 'cybersécurité' }, { topic: 'zorglub' }] },
        o3: { interests: [{ topic: 'cybersécurité' }] },
      };
      for (const [s, body] of Object.entries(declared)) {
        const put = await t3
          .http()
          .put(`/v1/members/${p + s}/profile`)
          .set(auth())
          .send(body);
        expect({ s, status: put.status }).toEqual({ s, status: 200 });
      }
      expect((await t3.http().post(`/v1/networks/${net}/people-index`).set(auth())).status).toBe(200);
      hr = await newKeyOn(t3, 'hr', [net]);
    });
    afterAll(() => t3.close());

    async function newKeyOn(app: TestApp, role: string, networks: string[]): Promise<{ id: string; secret: string }> {
      const res = await app
        .http()
        .post('/v1/api-keys')
        .set(auth())
        .send({ name: `hr-spec ${role} ${uniqueKey('k')}`, role, networks });
      expect(res.status).toBe(201);
      return res.body;
    }

    /** The map with units sorted by name (null last) and each unit's cells by topic key, labels normalised. */
    async function readMap(by: string, apiKey = hr.secret) {
      const res = await t3.http().get('/v1/hr/interest-map').query({ by }).set(auth(apiKey));
      expect(res.status).toBe(200);
      const body = res.body as {
        by: string;
        k: number;
        units: { unit: string | null; members: number; topics: { topic: string; members: number }[] }[];
        suppressedUnits: number;
        suppressedCells: number;
      };
      for (const u of body.units) {
        const counts = u.topics.map((c) => c.members);
        expect([...counts].sort((a, b) => b - a)).toEqual(counts); // most shared first
      }
      const units = body.units
        .map((u) => ({ ...u, topics: u.topics.map((c) => ({ topic: normalise(c.topic), members: c.members })).sort((a, b) => (a.topic < b.topic ? -1 : 1)) }))
        .sort((a, b) => (a.unit === null ? 1 : b.unit === null ? -1 : a.unit < b.unit ? -1 : 1));
      return { ...body, units };
    }

    it('by=department: a unit of k members is kept, a unit of k − 1 left out; cells of k shown, of k − 1 suppressed', async () => {
      expect(await readMap('department')).toEqual({
        by: 'department',
        k: 3,
        units: [
          { unit: 'Dept-Three', members: 3, topics: [{ topic: 'cybersecurite', members: 3 }] }, // kubernetes (2) and terraform (1) suppressed
          {
            unit: null,
            members: 3,
            topics: [
              { topic: 'cybersecurite', members: 3 },
              { topic: 'zorglub', members: 3 },
            ],
          }, // réunion (1) suppressed
        ],
        suppressedUnits: 1, // Dept-Two (2 members)
        suppressedCells: 4, // kubernetes, terraform (Dept-Three) + cybersécurité (Dept-Two) + réunion (null)
      });
    });

    it('by=site: the same rules per site', async () => {
      expect(await readMap('site')).toEqual({
        by: 'site',
        k: 3,
        units: [
          { unit: 'Site-A', members: 3, topics: [{ topic: 'cybersecurite', members: 3 }] }, // kubernetes (2) suppressed
          {
            unit: null,
            members: 3,
            topics: [
              { topic: 'cybersecurite', members: 3 },
              { topic: 'zorglub', members: 3 },
            ],
          }, // réunion (1) suppressed
        ],
        suppressedUnits: 1, // Site-B (2 members)
        suppressedCells: 4, // kubernetes (Site-A) + cybersécurité, terraform (Site-B) + réunion (null)
      });
    });

    it('no shown unit or cell is built on fewer than k members', async () => {
      for (const by of ['department', 'site']) {
        const map = await readMap(by);
        for (const u of map.units) {
          expect(u.members).toBeGreaterThanOrEqual(3);
          for (const c of u.topics) expect(c.members).toBeGreaterThanOrEqual(3);
        }
      }
    });

    it('by=other → 400; cno and integrator → 403; admin → 200', async () => {
      expectProblem(await t3.http().get('/v1/hr/interest-map').query({ by: 'other' }).set(auth(hr.secret)), 400, 'by=other');
      for (const role of ['cno', 'integrator']) {
        const key = await newKeyOn(t3, role, [net]);
        expectProblem(await t3.http().get('/v1/hr/interest-map').query({ by: 'department' }).set(auth(key.secret)), 403, role);
      }
      expect((await t3.http().get('/v1/hr/interest-map').query({ by: 'department' }).set(auth())).status).toBe(200);
    });

    it('every read is audited as hr.interest-map.read', async () => {
      const key = await newKeyOn(t3, 'hr', [net]);
      expect(await t3.db.query(`SELECT action FROM audit_log WHERE actor = $1`, [key.id])).toEqual([]);
      await readMap('department', key.secret);
      await readMap('site', key.secret);
      const rows = await t3.db.query(`SELECT action FROM audit_log WHERE actor = $1 ORDER BY id`, [key.id]);
      expect(rows.map((r: { action: string }) => r.action)).toEqual(['hr.interest-map.read', 'hr.interest-map.read']);
    });
  });
});
