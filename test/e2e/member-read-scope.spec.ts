import { ingest, newMember, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/** A key limited to networks reads org-wide members only when they were ingested through one of them. */
describe('GET /v1/members/{externalId} for network-limited keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("shows members of the key's networks and answers 404 for the others", async () => {
    const [a, b] = [await newNetwork(t), await newNetwork(t)];
    const [inA, inB] = [uniqueKey('ma'), uniqueKey('mb')];
    expect((await ingest(t, a, [newMember(inA)])).body.inserted).toBe(1);
    expect((await ingest(t, b, [newMember(inB)])).body.inserted).toBe(1);
    const created = await t
      .http()
      .post('/v1/api-keys')
      .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
      .send({ name: 'scoped', role: 'integrator', networks: [a] });
    const scoped = created.body.secret as string;

    const own = await t.http().get(`/v1/members/${inA}`).set('Authorization', `Bearer ${scoped}`);
    expect(own.status).toBe(200);
    expect(own.body.externalId).toBe(inA);
    const other = await t.http().get(`/v1/members/${inB}`).set('Authorization', `Bearer ${scoped}`);
    expect(other.status).toBe(404);
    const admin = await t.http().get(`/v1/members/${inB}`).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    expect(admin.status).toBe(200);
  });
});
