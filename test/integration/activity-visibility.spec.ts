import { rows as queryRows, sql } from '../../src/database/sql';
import { activityVisibilitySql, confidentialActivitiesCte, isConfidentialActivity } from '../../src/governance/principal';
import { ingest, newActivity, newGroup, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §4, the one definition of a confidential activity, in SQL (activityVisibilitySql) and in
 * TypeScript (isConfidentialActivity), and its set form for scans (confidentialActivitiesCte): all agree with each other and with the hand-written
 * expectation for every shape of thread, including late roots and a root moved to another group.
 */
describe('confidential activity: one definition in SQL and TypeScript', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  interface Row {
    external_id: string;
    confidential: boolean;
    has_group: boolean;
    has_parent: boolean;
    root_known: boolean;
    governing_visibility: string | null;
    has_governing: boolean;
  }

  /** Per activity: the SQL answer, and the TypeScript answer from the same stored facts; the set form must hold exactly the confidential ones. */
  async function classify(key: string): Promise<Record<string, { sql: boolean; ts: boolean }>> {
    const v = activityVisibilitySql('a');
    const networkId = Number((await t.db.query(`SELECT id FROM networks WHERE key = $1`, [key]))[0].id);
    const set = (
      await queryRows<{ externalId: string }>(
        t.db.manager,
        sql`WITH ${confidentialActivitiesCte(networkId, new Date('2000-01-01T00:00:00Z'), new Date('2100-01-01T00:00:00Z'))}
            SELECT a.external_id FROM confidential_activities c JOIN activities a ON a.network_id = ${networkId} AND a.id = c.id WHERE a.deleted_at IS NULL`,
      )
    ).map((r) => ({ external_id: r.externalId }));
    const rows: Row[] = await t.db.query(
      `SELECT a.external_id, ${v.confidential} AS confidential, a.group_id IS NOT NULL AS has_group, a.parent_external_id IS NOT NULL AS has_parent,
              a.root_id IS NOT NULL AS root_known, vis.visibility AS governing_visibility, vis.id IS NOT NULL AS has_governing
       FROM activities a JOIN networks n ON n.id = a.network_id ${v.joins}
       WHERE n.key = $1 AND a.deleted_at IS NULL`,
      [key],
    );
    expect(set.map((r) => r.external_id).sort()).toEqual(
      rows
        .filter((r) => r.confidential)
        .map((r) => r.external_id)
        .sort(),
    );
    return Object.fromEntries(
      rows.map((r) => [
        r.external_id,
        {
          sql: r.confidential,
          ts: isConfidentialActivity({
            hasGroup: r.has_group,
            hasParent: r.has_parent,
            rootKnown: r.root_known,
            governingVisibility: r.has_governing ? r.governing_visibility : undefined,
          }),
        },
      ]),
    );
  }
  const expectAll = (got: Record<string, { sql: boolean; ts: boolean }>, expected: Record<string, boolean>) => {
    expect(Object.fromEntries(Object.entries(got).map(([k, x]) => [k, x.sql]))).toEqual(expected);
    expect(Object.fromEntries(Object.entries(got).map(([k, x]) => [k, x.ts]))).toEqual(expected);
  };

  it('classifies every thread shape', async () => {
    const key = await newNetwork(t);
    const u = uniqueKey('u');
    const at = (m: number) => new Date(Date.UTC(2026, 2, 2, 10, m)).toISOString();
    const res = await ingest(t, key, [
      newGroup('pub', { visibility: 'public' }),
      newGroup('priv', { visibility: 'private' }),
      newGroup('conf', { visibility: 'confidential' }),
      // a confidential thread: the root and everything sent without a group in it
      newActivity('cq', 'question', u, at(0), { group: 'conf', text: 'secret' }),
      newActivity('cr', 'reply', u, at(1), { parent: 'cq', text: 'groupless reply' }),
      newActivity('crr', 'reply', u, at(2), { parent: 'cr', text: 'reply to the reply' }),
      newActivity('cre', 'reaction', u, at(3), { parent: 'crr', reaction: 'like' }),
      newActivity('cacc', 'accept', u, at(4), { parent: 'cr' }),
      newActivity('cs', 'share', u, at(5), { parent: 'cq', text: 'shared without a group' }),
      // its own group wins: a reply posted into a public group, and a share into one
      newActivity('cpr', 'reply', u, at(6), { parent: 'cq', group: 'pub', text: 'in public' }),
      newActivity('cps', 'share', u, at(7), { parent: 'cq', group: 'pub' }),
      // a public and a private thread
      newActivity('pq', 'post', u, at(8), { group: 'pub' }),
      newActivity('pr', 'reply', u, at(9), { parent: 'pq' }),
      newActivity('vq', 'post', u, at(10), { group: 'priv' }),
      newActivity('vr', 'reaction', u, at(11), { parent: 'vq' }),
      // a reply into the confidential group inside a public thread
      newActivity('pcr', 'reply', u, at(12), { parent: 'pq', group: 'conf' }),
      // a thread without any group
      newActivity('nq', 'question', u, at(13)),
      newActivity('nr', 'reply', u, at(14), { parent: 'nq' }),
      // a group not known yet (placeholder) and a groupless reply in its thread
      newActivity('hq', 'question', u, at(15), { group: 'later' }),
      newActivity('hr', 'reply', u, at(16), { parent: 'hq' }),
      // a reply whose thread root has not arrived
      newActivity('orphan', 'reply', u, at(17), { parent: 'late-root' }),
    ]);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
    expectAll(await classify(key), {
      cq: true,
      cr: true,
      crr: true,
      cre: true,
      cacc: true,
      cs: true,
      cpr: false,
      cps: false,
      pq: false,
      pr: false,
      vq: false,
      vr: false,
      pcr: true,
      nq: false,
      nr: false,
      hq: true,
      hr: true,
      orphan: true,
    });

    // the late root arrives in a public group, the placeholder becomes public, the confidential root moves to a public group
    const later = await ingest(t, key, [
      newActivity('late-root', 'post', u, at(0), { group: 'pub' }),
      newGroup('later', { visibility: 'public' }),
      newActivity('cq', 'question', u, at(0), { group: 'priv', text: 'secret' }),
    ]);
    expect({ status: later.status, rejected: later.body.rejected }).toEqual({ status: 200, rejected: [] });
    const after = await classify(key);
    expect(after.orphan).toEqual({ sql: false, ts: false });
    expect(after['late-root']).toEqual({ sql: false, ts: false });
    expect(after.hr).toEqual({ sql: false, ts: false });
    expect(after.hq).toEqual({ sql: false, ts: false });
    for (const id of ['cq', 'cr', 'crr', 'cre', 'cacc', 'cs']) expect({ id, ...after[id] }).toEqual({ id, sql: false, ts: false });
    expect(after.pcr).toEqual({ sql: true, ts: true });
  });
});
