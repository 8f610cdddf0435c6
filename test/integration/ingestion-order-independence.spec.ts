import { ingest, newActivity, newGroup, newMember, newMembership, newNetwork, RawRecord, shuffled, uniqueKey } from '../support/factories';
import { storedState } from '../support/stored-state';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * One small network with every kind of reference: leaders, memberships, a 3-level thread, a
 * reaction, an accept, a share across groups, a group only ever referenced (placeholder), an
 * author with no member record (placeholder), a reply whose parent never arrives, a deletion of an
 * activity and a deletion of an activity never sent (tombstone). Member ids carry a per-network
 * prefix because members are org-wide.
 */
function dataset(p: string): RawRecord[] {
  return [
    newMember(`${p}u1`, { displayName: 'Ana', department: 'R&D', site: 'Lyon' }),
    newMember(`${p}u2`, { displayName: 'Bo', department: 'Sales', email: 'u2@example.com' }),
    newMember(`${p}u3`, { displayName: 'Cy', department: 'R&D', joinedAt: '2025-01-01T00:00:00Z' }),
    newGroup('g1', { leaders: [`${p}u1`] }),
    newGroup('g2', { visibility: 'confidential', leaders: [`${p}u2`, `${p}u3`] }),
    newMembership('g1', `${p}u2`, { joinedAt: '2026-01-05T09:00:00Z' }),
    newMembership('g1', `${p}u1`, { role: 'member' }),
    newMembership('g2', `${p}u3`, { role: 'leader' }),
    newMembership('g3', `${p}u1`, { joinedAt: '2026-02-01T00:00:00+01:00', leftAt: '2026-03-01T00:00:00+01:00' }),
    newActivity('q1', 'question', `${p}u2`, '2026-03-02T10:15:00+01:00', { group: 'g1', text: 'Quel quota VPN ?', tags: ['vpn'] }),
    newActivity('r1', 'reply', `${p}u1`, '2026-03-02T10:20:00+01:00', { group: 'g1', parent: 'q1', text: '50 Go' }),
    newActivity('r2', 'reply', `${p}u2`, '2026-03-02T11:00:00+01:00', { group: 'g1', parent: 'r1', text: 'Merci' }),
    newActivity('r3', 'reply', `${p}u3`, '2026-03-02T12:00:00+01:00', { group: 'g1', parent: 'r2' }),
    newActivity('x1', 'reaction', `${p}u3`, '2026-03-02T10:25:00+01:00', { group: 'g1', parent: 'r1', reaction: 'like' }),
    newActivity('acc1', 'accept', `${p}u2`, '2026-03-02T10:30:00+01:00', { group: 'g1', parent: 'r1' }),
    newActivity('p1', 'post', `${p}u4`, '2026-03-03T08:00:00Z', { group: 'g3', text: 'Release notes' }),
    newActivity('s1', 'share', `${p}u1`, '2026-03-03T09:00:00Z', { group: 'g2', parent: 'p1' }),
    newActivity('r4', 'reply', `${p}u3`, '2026-03-03T09:30:00Z', { group: 'g3', parent: 'p1', text: 'to be deleted' }),
    { type: 'activity', externalId: 'r4', deleted: true },
    { type: 'activity', externalId: 'ghost', deleted: true },
    newActivity('o1', 'reply', `${p}u3`, '2026-03-04T09:00:00Z', { parent: 'never-sent' }),
  ];
}

describe('ingestion is order-independent and idempotent', () => {
  let t: TestApp;
  beforeAll(async () => {
    // tiny chunks so that parents and children land in different transactions
    t = await startTestApp({ INGEST_CHUNK_SIZE: '3' });
  });
  afterAll(() => t.close());

  async function load(records: RawRecord[], requestSizes: number[] = [records.length]) {
    const key = await newNetwork(t);
    let offset = 0;
    for (const size of requestSizes) {
      const res = await ingest(t, key, records.slice(offset, offset + size));
      expect(res.status).toBe(200);
      expect(res.body.rejected).toEqual([]);
      offset += size;
    }
    return key;
  }

  it('stores the expected links, placeholders and tombstones in the natural order', async () => {
    const p = uniqueKey('m') + ':';
    const key = await load(dataset(p));
    const state = await storedState(t.db, key, p);
    const byId = Object.fromEntries(state.activities.map((a: Record<string, unknown>) => [a.external_id, a]));
    expect(byId.r3).toMatchObject({ parent_link: 'r2', root: 'q1', deleted: false });
    expect(byId.x1).toMatchObject({ parent_link: 'r1', root: 'q1', reaction: 'like' });
    expect(byId.s1).toMatchObject({ parent_link: 'p1', root: 'p1', grp: 'g2' });
    expect(byId.q1).toMatchObject({ root: 'q1', tags: ['vpn'] });
    expect(byId.r4).toMatchObject({ deleted: true, root: 'p1' });
    expect(byId.ghost).toMatchObject({ deleted: true, kind: null });
    expect(byId.o1).toMatchObject({ parent_external_id: 'never-sent', parent_link: null, root: null });
    expect(state.groups.find((g: Record<string, unknown>) => g.external_id === 'g3')).toMatchObject({ is_placeholder: true, visibility: null });
    expect(state.members.find((m: Record<string, unknown>) => m.external_id === 'u4')).toMatchObject({
      is_placeholder: true,
      display_name: null,
      in_network: false,
    });
    expect(state.members.filter((m: Record<string, unknown>) => m.in_network).map((m: Record<string, unknown>) => m.external_id)).toEqual(['u1', 'u2', 'u3']);
    expect(state.memberships.find((m: Record<string, unknown>) => m.grp === 'g1' && m.member === 'u1')).toMatchObject({
      role: 'member',
      is_declared_leader: true,
      has_record: true,
    });
  });

  it('reaches the same stored state whatever the arrival order and request split', async () => {
    const p0 = uniqueKey('m') + ':';
    const reference = await storedState(t.db, await load(dataset(p0)), p0);
    const orders: { name: string; build: (p: string) => RawRecord[]; sizes?: number[] }[] = [
      { name: 'reversed', build: (p) => [...dataset(p)].reverse() },
      { name: 'shuffle 1', build: (p) => shuffled(dataset(p), 1) },
      { name: 'shuffle 2, one record per request', build: (p) => shuffled(dataset(p), 2), sizes: Array(21).fill(1) },
      { name: 'shuffle 3, uneven requests', build: (p) => shuffled(dataset(p), 3), sizes: [5, 1, 7, 8] },
      { name: 'shuffle 4', build: (p) => shuffled(dataset(p), 4) },
    ];
    for (const order of orders) {
      const p = uniqueKey('m') + ':';
      const key = await load(order.build(p), order.sizes);
      expect({ order: order.name, state: await storedState(t.db, key, p) }).toEqual({ order: order.name, state: reference });
    }
  });

  it('a replay changes nothing and counts every record as a duplicate', async () => {
    const p = uniqueKey('m') + ':';
    const records = dataset(p);
    const key = await load(records);
    const before = await storedState(t.db, key, p);
    const replay = await ingest(t, key, records);
    expect(replay.body).toEqual({ received: 21, inserted: 0, updated: 0, duplicates: 21, rejected: [] });
    expect(await storedState(t.db, key, p)).toEqual(before);
    const shuffledReplay = await ingest(t, key, shuffled(records, 9), { format: 'json' });
    // the deletion of r4 and r4 itself: both already applied, so both duplicates whatever the order
    expect(shuffledReplay.body).toEqual({ received: 21, inserted: 0, updated: 0, duplicates: 21, rejected: [] });
    expect(await storedState(t.db, key, p)).toEqual(before);
  });
});
