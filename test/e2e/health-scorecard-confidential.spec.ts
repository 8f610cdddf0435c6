import { ingest, newActivity, newGroup, newMember, newMembership, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * SPEC §3.10 / §4: confidential groups in the scorecard. Network N (UTC), `at` = 3 days before today.
 *   gPub  (public)       leader lp posts in the window; 3 questions by asker, never answered → answer-unanswered:group:gPub.
 *   gConf (confidential) leader lc wrote nothing in the window → leaderInactive; 3 questions by asker, never answered.
 * An admin key and a cno key limited to N may see gConf: groups [gConf, gPub] (both act: unanswered 3 ≥ 3), adjustments
 *   answer-unanswered gConf and gPub (high, 3 each, by id) then revive-leadership gConf (high, 1 member: lc).
 * An unscoped cno key may not: no gConf row, no adjustment naming it; the network's totals still count its questions
 *   (unanswered 6, as indicators/responsiveness answers that key) and `leadership` counts the groups shown (0).
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TODAY = Math.floor(Date.now() / DAY) * DAY;
const TO = TODAY - 2 * DAY;
const FROM = TO - 28 * DAY;
const AT = new Date(TO - DAY).toISOString().slice(0, 10);
const C = (d: number) => new Date(FROM + d * DAY + 10 * HOUR).toISOString();

describe('health scorecard: confidential groups', () => {
  let t: TestApp;
  let net: string;
  const keys = { cno: '', scoped: '' };
  const p = uniqueKey('hc');

  async function newKey(role: string, networks?: string[]): Promise<string> {
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set({ Authorization: `Bearer ${TEST_ADMIN_KEY}` })
      .send({ name: `${role} ${uniqueKey('k')}`, role, ...(networks ? { networks } : {}) });
    expect(res.status).toBe(201);
    return res.body.secret as string;
  }
  async function health(apiKey: string) {
    const res = await t
      .http()
      .get(`/v1/networks/${net}/health?at=${AT}`)
      .set({ Authorization: `Bearer ${apiKey}` });
    expect(res.status).toBe(200);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    net = await newNetwork(t);
    keys.cno = await newKey('cno');
    keys.scoped = await newKey('cno', [net]);
    const res = await ingest(t, net, [
      newMember(`${p}-lp`),
      newMember(`${p}-lc`),
      newMember(`${p}-asker`),
      newGroup('gPub', { leaders: [`${p}-lp`] }),
      newGroup('gConf', { name: 'Secret merger', visibility: 'confidential', leaders: [`${p}-lc`] }),
      newMembership('gPub', `${p}-lp`, { role: 'leader' }),
      newMembership('gConf', `${p}-lc`, { role: 'leader', joinedAt: new Date(FROM - 60 * DAY).toISOString() }),
      newActivity('lp1', 'post', `${p}-lp`, C(1), { group: 'gPub' }),
      ...[1, 2, 3].map((i) => newActivity(`qp${i}`, 'question', `${p}-asker`, C(2 + i), { group: 'gPub' })),
      ...[1, 2, 3].map((i) => newActivity(`qc${i}`, 'question', `${p}-asker`, C(5 + i), { group: 'gConf' })),
    ]);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
  });
  afterAll(() => t.close());

  it.each(['admin', 'scoped'] as const)('a key that may see confidential groups (%s) gets gConf and its adjustments', async (who) => {
    const h = await health(who === 'admin' ? TEST_ADMIN_KEY : keys.scoped);
    expect(h.groups.map((g: { group: string; name: string; status: string }) => [g.group, g.name, g.status])).toEqual([
      ['gConf', 'Secret merger', 'act'],
      ['gPub', 'Group gPub', 'act'],
    ]);
    expect(h.adjustments.map((a: { id: string }) => a.id)).toEqual([
      'answer-unanswered:group:gConf',
      'answer-unanswered:group:gPub',
      'revive-leadership:group:gConf',
    ]);
    expect(h.dimensions.find((d: { key: string }) => d.key === 'leadership').value).toBe(1);
  });

  it('an unscoped cno key gets neither its row nor anything naming it; totals still count it', async () => {
    const h = await health(keys.cno);
    expect(h.groups.map((g: { group: string }) => g.group)).toEqual(['gPub']);
    expect(h.adjustments.map((a: { id: string }) => a.id)).toEqual(['answer-unanswered:group:gPub']);
    expect(JSON.stringify(h)).not.toMatch(/gConf|Secret merger|qc[123]/);
    const window = `from=${encodeURIComponent(new Date(FROM).toISOString())}&to=${encodeURIComponent(new Date(TO).toISOString())}`;
    const responsiveness = await t
      .http()
      .get(`/v1/networks/${net}/indicators/responsiveness?${window}`)
      .set({ Authorization: `Bearer ${keys.cno}` });
    const unanswered = h.dimensions.find((d: { key: string }) => d.key === 'unanswered');
    expect(unanswered.value).toBe(6);
    expect(unanswered.value).toBe(responsiveness.body.unansweredQuestions);
    expect(h.dimensions.find((d: { key: string }) => d.key === 'leadership').value).toBe(0);
  });
});
