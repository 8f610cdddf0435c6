import { ingest, newActivity, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/** Thread links (parent, root) are kept right through late parents, edits that move a reply, and cycles. */
describe('thread links', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function links(key: string): Promise<Record<string, { parent: string | null; root: string | null }>> {
    const rows: { external_id: string; parent: string | null; root: string | null }[] = await t.db.query(
      `SELECT a.external_id, p.external_id AS parent, r.external_id AS root
       FROM activities a JOIN networks n ON n.id = a.network_id
       LEFT JOIN activities p ON p.network_id = a.network_id AND p.id = a.parent_id
       LEFT JOIN activities r ON r.network_id = a.network_id AND r.id = a.root_id
       WHERE n.key = $1`,
      [key],
    );
    return Object.fromEntries(rows.map((r) => [r.external_id, { parent: r.parent, root: r.root }]));
  }

  async function send(key: string, ...records: Record<string, unknown>[]) {
    const res = await ingest(t, key, records);
    expect(res.status).toBe(200);
    expect(res.body.rejected).toEqual([]);
    return res.body;
  }

  it('links a 3-level thread sent leaf first, one request per level', async () => {
    const key = await newNetwork(t);
    const u = uniqueKey('u');
    await send(key, newActivity('r3', 'reply', u, '2026-03-02T12:00:00Z', { parent: 'r2' }));
    expect(await links(key)).toEqual({ r3: { parent: null, root: null } });
    await send(key, newActivity('r2', 'reply', u, '2026-03-02T11:00:00Z', { parent: 'r1' }));
    await send(key, newActivity('r1', 'reply', u, '2026-03-02T10:30:00Z', { parent: 'q1' }));
    expect((await links(key)).r3).toEqual({ parent: 'r2', root: null });
    await send(key, newActivity('q1', 'question', u, '2026-03-02T10:00:00Z'));
    expect(await links(key)).toEqual({
      q1: { parent: null, root: 'q1' },
      r1: { parent: 'q1', root: 'q1' },
      r2: { parent: 'r1', root: 'q1' },
      r3: { parent: 'r2', root: 'q1' },
    });
  });

  it('moves a reply and its whole subtree when the reply is edited to answer another thread', async () => {
    const key = await newNetwork(t);
    const u = uniqueKey('u');
    await send(
      key,
      newActivity('q1', 'question', u, '2026-03-02T10:00:00Z'),
      newActivity('q2', 'question', u, '2026-03-02T10:00:00Z'),
      newActivity('r1', 'reply', u, '2026-03-02T10:10:00Z', { parent: 'q1' }),
      newActivity('r2', 'reply', u, '2026-03-02T10:20:00Z', { parent: 'r1' }),
      newActivity('r3', 'reply', u, '2026-03-02T10:30:00Z', { parent: 'r2' }),
    );
    const report = await send(key, newActivity('r1', 'reply', u, '2026-03-02T10:10:00Z', { parent: 'q2' }));
    expect(report).toMatchObject({ updated: 1 });
    const l = await links(key);
    expect([l.r1, l.r2, l.r3]).toEqual([
      { parent: 'q2', root: 'q2' },
      { parent: 'r1', root: 'q2' },
      { parent: 'r2', root: 'q2' },
    ]);
  });

  it('re-roots a subtree when a post becomes a reply, and back', async () => {
    const key = await newNetwork(t);
    const u = uniqueKey('u');
    await send(
      key,
      newActivity('q1', 'question', u, '2026-03-02T10:00:00Z'),
      newActivity('p1', 'post', u, '2026-03-02T10:05:00Z'),
      newActivity('c1', 'reply', u, '2026-03-02T10:10:00Z', { parent: 'p1' }),
    );
    await send(key, newActivity('p1', 'reply', u, '2026-03-02T10:05:00Z', { parent: 'q1' }));
    expect((await links(key)).c1).toEqual({ parent: 'p1', root: 'q1' });
    await send(key, newActivity('p1', 'post', u, '2026-03-02T10:05:00Z'));
    expect(await links(key)).toMatchObject({ p1: { parent: null, root: 'p1' }, c1: { parent: 'p1', root: 'p1' } });
  });

  it('terminates on a cycle and leaves it without a root', async () => {
    const key = await newNetwork(t);
    const u = uniqueKey('u');
    await send(
      key,
      newActivity('a', 'reply', u, '2026-03-02T10:00:00Z', { parent: 'b' }),
      newActivity('b', 'reply', u, '2026-03-02T10:01:00Z', { parent: 'a' }),
    );
    await send(key, newActivity('c', 'reply', u, '2026-03-02T10:02:00Z', { parent: 'a' }));
    expect(await links(key)).toEqual({ a: { parent: 'b', root: null }, b: { parent: 'a', root: null }, c: { parent: 'a', root: null } });
  });
});
