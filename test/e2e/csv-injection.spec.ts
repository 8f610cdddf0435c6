import type { Response } from 'supertest';
import { ingest, newMember, newNetwork, uniqueKey } from '../support/factories';
import { binary, parseCsv } from '../support/csv';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * CSV formula injection (SPEC §4, OWASP "CSV Injection"): in GET /v1/hr/interest-profiles?format=csv
 * a cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with
 * a single quote; the JSON answer keeps the values as stored. The hr key is limited to this file's
 * network, so other files' members never appear.
 */
describe('CSV cells that would be formulas are neutralised', () => {
  let t: TestApp;
  const admin = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };
  let net: string;
  let hr: string;
  const p = uniqueKey('csv');
  const [m1, m2] = [`${p}-m1`, `${p}-m2`];

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t);
    const res = await ingest(t, net, [
      newMember(m1, { displayName: '=HYPERLINK("http://x","y")', department: '+1', site: '@SUM(1)', jobTitle: '-2' }),
      newMember(m2, { displayName: '\r=1+1', department: 'Sales', site: 'a=b', jobTitle: 'Chef de projet' }),
    ]);
    expect(res.body.rejected).toEqual([]);
    const put = (member: string, body: object) => t.http().put(`/v1/members/${member}/profile`).set(admin).send(body);
    expect(
      (
        await put(m1, {
          expertise: [{ topic: '=1+2', level: 3 }],
          competences: [{ topic: '@cmd', level: 2 }],
          interests: [{ topic: '\tcalc' }, { topic: '-x' }],
        })
      ).status,
    ).toBe(200);
    expect((await put(m2, { interests: [{ topic: 'Gardening' }] })).status).toBe(200);
    const key = await t
      .http()
      .post('/v1/api-keys')
      .set(admin)
      .send({ name: `csv-injection ${p}`, role: 'hr', networks: [net] });
    expect(key.status).toBe(201);
    hr = key.body.secret;
  });
  afterAll(() => t.close());

  it('the CSV holds each such cell with a leading single quote, other cells as they are', async () => {
    const res: Response = await t
      .http()
      .get('/v1/hr/interest-profiles')
      .query({ format: 'csv' })
      .set({ Authorization: `Bearer ${hr}` })
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const records = parseCsv((res.body as Buffer).toString('utf8'));
    expect(records).toEqual([
      ['member', 'displayName', 'department', 'site', 'jobTitle', 'expertise', 'competences', 'interests', 'inferredInterests'],
      [m1, `'=HYPERLINK("http://x","y")`, "'+1", "'@SUM(1)", "'-2", "'=1+2 (3)", "'@cmd (2)", "'\tcalc; -x", ''],
      [m2, "'\r=1+1", 'Sales', 'a=b', 'Chef de projet', '', '', 'Gardening', ''],
    ]);
  });

  it('JSON keeps the stored values', async () => {
    const res = await t
      .http()
      .get('/v1/hr/interest-profiles')
      .set({ Authorization: `Bearer ${hr}` });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: Record<string, unknown>) => [i.displayName, i.department, i.site, i.jobTitle, i.interests])).toEqual([
      ['=HYPERLINK("http://x","y")', '+1', '@SUM(1)', '-2', [{ topic: '\tcalc' }, { topic: '-x' }]],
      ['\r=1+1', 'Sales', 'a=b', 'Chef de projet', [{ topic: 'Gardening' }]],
    ]);
  });
});
