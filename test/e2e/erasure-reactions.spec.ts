import { ingest, newActivity, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

const admin = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };

/** SPEC §4: erasure takes a member's reaction labels too, and later records of the member cannot bring them back. */
describe('GDPR erasure of reaction labels', () => {
  let t: TestApp;
  let net: string;
  const p = uniqueKey('er');
  const xavier = `${p}-x`;
  const yann = `${p}-y`;
  const window = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

  async function activities(): Promise<Record<string, { author: string | null; reaction: string | null }>> {
    const res = await t.http().get(`/v1/networks/${net}/activities`).query({ limit: 100 }).set(admin);
    expect(res.status).toBe(200);
    return Object.fromEntries(
      res.body.items.map((a: { externalId: string; author: string | null; reaction: string | null }) => [
        a.externalId,
        { author: a.author, reaction: a.reaction },
      ]),
    );
  }

  async function storedReactions(): Promise<{ external_id: string; reaction: string | null }[]> {
    return t.db.query(
      `SELECT a.external_id, a.reaction FROM activities a JOIN networks n ON n.id = a.network_id WHERE n.key = $1 AND a.kind = 'reaction' ORDER BY a.external_id`,
      [net],
    );
  }

  async function activityIndicator(): Promise<Record<string, unknown>> {
    const res = await t.http().get(`/v1/networks/${net}/indicators/activity`).query(window).set(admin);
    expect(res.status).toBe(200);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t);
    const res = await ingest(t, net, [
      newMember(xavier, { displayName: 'Xavier' }),
      newMember(yann, { displayName: 'Yann' }),
      newActivity('p1', 'post', yann, '2026-03-02T10:00:00Z', { text: 'Our new cloud offer' }),
      newActivity('l1', 'reaction', xavier, '2026-03-02T11:00:00Z', { parent: 'p1', reaction: 'love' }),
      newActivity('l2', 'reaction', yann, '2026-03-02T12:00:00Z', { parent: 'p1', reaction: 'like' }),
    ]);
    expect(res.body.rejected).toEqual([]);
  });
  afterAll(() => t.close());

  it("erasure removes the member's reaction labels; the reactions still count", async () => {
    const before = await activityIndicator();
    expect((before.totals as { reactions: number }).reactions).toBe(2);
    expect((await activities()).l1).toEqual({ author: xavier, reaction: 'love' });

    const erased = await t.http().delete(`/v1/members/${xavier}`).set(admin);
    expect(erased.status).toBe(200);
    expect(erased.body.erased.activityTexts).toBe(1); // l1: its label

    expect(await activities()).toEqual({
      p1: { author: yann, reaction: null },
      l1: { author: xavier, reaction: null },
      l2: { author: yann, reaction: 'like' },
    });
    expect(await storedReactions()).toEqual([
      { external_id: 'l1', reaction: null },
      { external_id: 'l2', reaction: 'like' },
    ]);
    expect(await activityIndicator()).toEqual(before);
  });

  it('a later reaction record of the erased member is stored without its label, and counted', async () => {
    const res = await ingest(t, net, [
      newActivity('l3', 'reaction', xavier, '2026-03-03T09:00:00Z', { parent: 'p1', reaction: 'insightful' }),
      newActivity('l1', 'reaction', xavier, '2026-03-02T11:00:00Z', { parent: 'p1', reaction: 'love' }), // a re-send of the erased one
    ]);
    expect(res.body).toEqual({ received: 2, inserted: 1, updated: 0, duplicates: 1, rejected: [] });
    expect(await storedReactions()).toEqual([
      { external_id: 'l1', reaction: null },
      { external_id: 'l2', reaction: 'like' },
      { external_id: 'l3', reaction: null },
    ]);
    expect((await activities()).l3).toEqual({ author: xavier, reaction: null });
    expect(((await activityIndicator()).totals as { reactions: number }).reactions).toBe(3);
  });
});
