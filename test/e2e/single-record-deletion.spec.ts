import { ingest, newActivity, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problems';

/**
 * SPEC §2: the single-record convenience POST /v1/networks/{key}/activities follows the bulk rules,
 * so `{"externalId": …, "deleted": true}` (with or without `"type": "activity"`) deletes the activity
 * exactly like the same record sent to /events.
 */

const T0 = '2026-03-02T10:15:00+01:00';
const auth = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };

describe('deleting through POST /v1/networks/{key}/activities', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const ids = async (key: string): Promise<string[]> =>
    ((await t.http().get(`/v1/networks/${key}/activities`).query({ limit: 100 }).set(auth)).body.items as { externalId: string }[])
      .map((a) => a.externalId)
      .sort();

  it('a deletion body, with or without type, removes the activity like the bulk path', async () => {
    const key = await newNetwork(t);
    const u = uniqueKey('m');
    await ingest(t, key, [newActivity('a1', 'post', u, T0), newActivity('a2', 'post', u, T0), newActivity('a3', 'post', u, T0)]);
    expect(await ids(key)).toEqual(['a1', 'a2', 'a3']);
    const path = `/v1/networks/${key}/activities`;

    const plain = await t.http().post(path).set(auth).send({ externalId: 'a1', deleted: true });
    expect({ status: plain.status, body: plain.body }).toEqual({ status: 200, body: { outcome: 'updated', activity: null } });
    const typed = await t.http().post(path).set(auth).send({ type: 'activity', externalId: 'a2', deleted: true });
    expect({ status: typed.status, body: typed.body }).toEqual({ status: 200, body: { outcome: 'updated', activity: null } });
    expect(await ids(key)).toEqual(['a3']);

    // idempotent like the bulk path: a second deletion is a duplicate; an unseen id leaves a tombstone
    expect((await t.http().post(path).set(auth).send({ externalId: 'a1', deleted: true })).body).toEqual({ outcome: 'duplicate', activity: null });
    expect((await t.http().post(path).set(auth).send({ externalId: 'never', deleted: true })).body).toEqual({ outcome: 'inserted', activity: null });
    await t.http().post(path).set(auth).send({ externalId: 'never', kind: 'post', author: u, occurredAt: T0 }).expect(200);
    expect(await ids(key)).toEqual(['a3']);
  });

  it('the same deletion rules as bulk: only type, externalId and deleted; type must be activity', async () => {
    const key = await newNetwork(t);
    const u = uniqueKey('m');
    await ingest(t, key, [newActivity('a1', 'post', u, T0)]);
    const path = `/v1/networks/${key}/activities`;
    const withFields = expectProblem(await t.http().post(path).set(auth).send({ externalId: 'a1', deleted: true, kind: 'post' }), 400);
    expect(withFields.errors).toEqual([{ path: 'kind', message: 'a deletion carries only type, externalId and deleted' }]);
    const wrongType = expectProblem(await t.http().post(path).set(auth).send({ type: 'member', externalId: 'a1', deleted: true }), 400);
    expect((wrongType.errors as { path: string }[]).map((e) => e.path)).toEqual(['type']);
    const noId = expectProblem(await t.http().post(path).set(auth).send({ deleted: true }), 400);
    expect((noId.errors as { path: string }[]).map((e) => e.path)).toContain('externalId');
    expect(await ids(key)).toEqual(['a1']);
  });
});
