import type { Response } from 'supertest';
import { ingest, newActivity, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * The audit log (SPEC §4, README "Audit log"): paging returns every entry once, newest first; the
 * people reads (experts, animator candidates, expertise coverage, HR interest profiles) are recorded
 * with their filter and what they returned; every entry carries the service's own request id, the
 * caller's X-Request-Id only beside it.
 *
 * The database is shared: every check filters on an actor (a key created here) or a target unique to
 * this file.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Entry {
  id: string;
  occurredAt: string;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
  requestId: string | null;
}

describe('audit log', () => {
  let t: TestApp;
  const admin = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };

  async function newKey(role: string, networks?: string[]): Promise<{ id: string; secret: string }> {
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set(admin)
      .send({ name: `audit-spec ${role} ${uniqueKey('k')}`, role, ...(networks ? { networks } : {}) });
    if (res.status !== 201) throw new Error(`cannot create key: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Every entry matching `filter`, read page by page with `limit`. */
  async function readAll(filter: Record<string, string>, limit: number): Promise<{ items: Entry[]; pages: number }> {
    const items: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Response = await t
        .http()
        .get('/v1/audit')
        .query({ ...filter, limit, ...(cursor ? { cursor } : {}) })
        .set(admin);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 1000);
    return { items, pages };
  }

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('paging', () => {
    it('more than 100 entries, read with small pages: each exactly once, newest first, across a change in the number of digits of the ids', async () => {
      // Entry ids order numerically; sorted as text, "99" comes before "100". Make this file's entries
      // straddle a power of ten: when the next 1000 ids stay below the next one, move the identity forward
      // to just below it (forward only, so no id is reused; never beyond 10^9 on a long-lived database).
      const [{ seq }] = await t.db.query(`SELECT pg_get_serial_sequence('audit_log', 'id') AS seq`);
      const [{ max }] = await t.db.query(`SELECT coalesce(max(id), 0)::text AS max FROM audit_log`);
      const boundary = 10 ** String(Number(max) + 1000).length;
      if (boundary <= 1e9) await t.db.query(`SELECT setval($1, greatest($2::bigint, (SELECT last_value FROM ${seq})))`, [seq, boundary - 40]);

      const actor = await newKey('admin');
      const as = { Authorization: `Bearer ${actor.secret}` };
      const expected: { action: string; target: string }[] = [];
      for (let i = 0; i < 60; i++) {
        const res = await t
          .http()
          .post('/v1/api-keys')
          .set(as)
          .send({ name: `audit paging ${i}`, role: 'cno' });
        expect(res.status).toBe(201);
        expected.push({ action: 'api-key.create', target: res.body.id });
        expect((await t.http().delete(`/v1/api-keys/${res.body.id}`).set(as)).status).toBe(204);
        expected.push({ action: 'api-key.revoke', target: res.body.id });
      }
      expected.reverse();
      const stored: { id: string }[] = await t.db.query(`SELECT id::text FROM audit_log WHERE actor = $1 ORDER BY audit_log.id DESC`, [actor.id]);
      expect(stored).toHaveLength(120);
      if (boundary <= 1e9) expect(stored.map((r) => r.id.length).filter((n, i, all) => all.indexOf(n) === i).length).toBeGreaterThan(1);

      for (const limit of [7, 50, 1000]) {
        const { items, pages } = await readAll({ actor: actor.id }, limit);
        expect({ limit, pages }).toEqual({ limit, pages: Math.ceil(120 / limit) });
        expect(items.map((e) => e.id)).toEqual(stored.map((r) => r.id));
        expect(items.map((e) => ({ action: e.action, target: e.target }))).toEqual(expected);
        expect(items.every((e) => e.actor === actor.id)).toBe(true);
      }
    });
  });

  describe('request ids', () => {
    it("an entry holds the service's own request id (the one answered in X-Request-Id), the caller's X-Request-Id only beside it in details", async () => {
      const actor = await newKey('admin');
      const clientId = `client-${uniqueKey('r')}`;
      const created = await t
        .http()
        .post('/v1/api-keys')
        .set({ Authorization: `Bearer ${actor.secret}` })
        .set('X-Request-Id', clientId)
        .send({ name: 'request ids', role: 'cno' });
      expect(created.status).toBe(201);
      const own = created.headers['x-request-id'];
      expect(own).toMatch(UUID);
      expect(own).not.toBe(clientId);
      const { items } = await readAll({ actor: actor.id }, 10);
      expect(items).toEqual([
        expect.objectContaining({
          action: 'api-key.create',
          target: created.body.id,
          requestId: own,
          details: { name: 'request ids', role: 'cno', networks: null, clientRequestId: clientId },
        }),
      ]);

      // without X-Request-Id (or with an unusable one): the service's id, and nothing beside it
      const plain = await t
        .http()
        .delete(`/v1/api-keys/${created.body.id}`)
        .set({ Authorization: `Bearer ${actor.secret}` })
        .set('X-Request-Id', 'has spaces <script>');
      expect(plain.status).toBe(204);
      const [revoke] = (await readAll({ actor: actor.id, action: 'api-key.revoke' }, 10)).items;
      expect(revoke).toMatchObject({ requestId: plain.headers['x-request-id'], details: { name: 'request ids', role: 'cno' } });
      expect(revoke.requestId).toMatch(UUID);
      expect(revoke.details).not.toHaveProperty('clientRequestId');
    });
  });

  describe('people reads', () => {
    /**
     * Network `net`: q1 by A tagged T, r1 by H (accepted by A), q2 by B tagged T, r2 by H.
     * H is T's only expert and the only animator candidate who helped anyone (A and B).
     */
    let net: string;
    const p = uniqueKey('au');
    const [H, A, B] = ['h', 'a', 'b'].map((x) => `${p}-${x}`);
    const T = `plorb${Math.random()
      .toString(36)
      .slice(2, 7)
      .replace(/[^a-z]/g, 'k')}q`;
    let hr: { id: string; secret: string };
    let cno: { id: string; secret: string };

    beforeAll(async () => {
      net = await newNetwork(t);
      const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
      const res = await ingest(t, net, [
        newMember(H, { displayName: 'H', department: 'Ops' }),
        newMember(A, { displayName: 'A', department: 'R&D' }),
        newMember(B, { displayName: 'B', department: 'Sales' }),
        newActivity('q1', 'question', A, day(10), { text: `about ${T}`, tags: [T] }),
        newActivity('r1', 'reply', H, day(9), { parent: 'q1', text: 'an answer' }),
        newActivity('x1', 'accept', A, day(8), { parent: 'r1' }),
        newActivity('q2', 'question', B, day(7), { text: `more ${T}`, tags: [T] }),
        newActivity('r2', 'reply', H, day(6), { parent: 'q2', text: 'another answer' }),
      ]);
      expect(res.body.rejected).toEqual([]);
      expect(
        (
          await t
            .http()
            .put(`/v1/members/${A}/profile`)
            .set(admin)
            .send({ interests: [{ topic: 'Gardening' }] })
        ).status,
      ).toBe(200);
      expect((await t.http().post(`/v1/networks/${net}/people-index`).set(admin)).status).toBe(200);
      hr = await newKey('hr', [net]);
      cno = await newKey('cno', [net]);
    });

    const entriesOf = async (actor: string, action: string) => (await readAll({ actor, action }, 100)).items;

    it('GET /v1/experts by hr and by cno: experts.read with the topic, the networks read, the count and the members listed', async () => {
      for (const key of [hr, cno]) {
        const res = await t
          .http()
          .get('/v1/experts')
          .query({ topic: T.toUpperCase() })
          .set({ Authorization: `Bearer ${key.secret}` })
          .set('X-Request-Id', 'experts-by-client');
        expect(res.status).toBe(200);
        expect(res.body.items.map((i: { member: string }) => i.member)).toEqual([H]);
        expect(await entriesOf(key.id, 'experts.read')).toEqual([
          {
            id: expect.any(String),
            occurredAt: expect.any(String),
            actor: key.id,
            action: 'experts.read',
            target: null,
            details: { topic: T, networks: [net], members: 1, memberIds: [H], clientRequestId: 'experts-by-client' },
            requestId: res.headers['x-request-id'],
          },
        ]);
      }
    });

    it('GET …/animator-candidates: animator-candidates.read with the network, the filters, the count and the members listed', async () => {
      const res = await t
        .http()
        .get(`/v1/networks/${net}/animator-candidates`)
        .query({ department: 'Ops', limit: 5 })
        .set({ Authorization: `Bearer ${hr.secret}` });
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { member: string }) => i.member)).toEqual([H]);
      expect(await entriesOf(hr.id, 'animator-candidates.read')).toEqual([
        expect.objectContaining({
          actor: hr.id,
          target: null,
          // the window the candidates were ranked over (the index's 365 days by default), as answered
          details: { network: net, group: null, department: 'Ops', from: res.body.from, to: res.body.to, members: 1, memberIds: [H] },
          requestId: res.headers['x-request-id'],
        }),
      ]);
      const byCno = await t
        .http()
        .get(`/v1/networks/${net}/animator-candidates`)
        .set({ Authorization: `Bearer ${cno.secret}` });
      expect(byCno.status).toBe(200);
      const [entry] = await entriesOf(cno.id, 'animator-candidates.read');
      expect(entry.details).toEqual({
        network: net,
        group: null,
        department: null,
        from: byCno.body.from,
        to: byCno.body.to,
        members: byCno.body.items.length,
        memberIds: byCno.body.items.map((i: { member: string }) => i.member),
      });
    });

    it('GET …/expertise-coverage: expertise-coverage.read with the network, the window and the count of topics', async () => {
      const window = { from: new Date(Date.now() - 30 * 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
      for (const key of [hr, cno]) {
        const res = await t
          .http()
          .get(`/v1/networks/${net}/expertise-coverage`)
          .query(window)
          .set({ Authorization: `Bearer ${key.secret}` });
        expect(res.status).toBe(200);
        expect(res.body.items.map((i: { topicKey: string }) => i.topicKey)).toEqual([T]);
        expect(await entriesOf(key.id, 'expertise-coverage.read')).toEqual([
          expect.objectContaining({
            actor: key.id,
            target: null,
            details: { network: net, from: window.from, to: window.to, topics: 1 },
            requestId: res.headers['x-request-id'],
          }),
        ]);
      }
    });

    it('GET /v1/hr/interest-profiles: the filter (networks, format) and the count, with the members listed for JSON pages', async () => {
      const json = await t
        .http()
        .get('/v1/hr/interest-profiles')
        .query({ limit: 2 })
        .set({ Authorization: `Bearer ${hr.secret}` });
      expect(json.status).toBe(200);
      const listed = json.body.items.map((i: { member: string }) => i.member);
      expect(listed).toEqual([H, A]);
      const next = await t
        .http()
        .get('/v1/hr/interest-profiles')
        .query({ limit: 2, cursor: json.body.nextCursor })
        .set({ Authorization: `Bearer ${hr.secret}` });
      expect(next.body.items.map((i: { member: string }) => i.member)).toEqual([B]);
      const csv = await t
        .http()
        .get('/v1/hr/interest-profiles')
        .query({ format: 'csv' })
        .set({ Authorization: `Bearer ${hr.secret}` });
      expect(csv.status).toBe(200);
      const entries = await entriesOf(hr.id, 'hr.interest-profiles.read');
      expect(entries.map((e) => [e.details, e.requestId])).toEqual([
        [{ format: 'csv', networks: [net], members: 3 }, csv.headers['x-request-id']],
        [{ format: 'json', networks: [net], members: 1, memberIds: [B] }, next.headers['x-request-id']],
        [{ format: 'json', networks: [net], members: 2, memberIds: [H, A] }, json.headers['x-request-id']],
      ]);
    });
  });
});
