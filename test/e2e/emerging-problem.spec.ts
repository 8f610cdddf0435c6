import { ingest, newActivity, newNetwork, RawRecord, uniqueKey } from '../support/factories';
import { networkGet } from '../support/indicators';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §3.8: an emerging term is a `problem` when more than half of its mentions belong to question
 * threads — the contribution is a question, or a reply/share whose thread root is a question — so a
 * week of questions whose many replies repeat the term is a problem, not a topic.
 *
 * Network in UTC, at=2026-03-29, window 7d: W0 = [03-23, 03-30). "vpn" appears nowhere before W0.
 */
describe('emerging topics: a problem is a problem', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('replies and shares in question threads count as question-thread mentions', async () => {
    const key = await newNetwork(t);
    const p = uniqueKey('vpn') + ':';
    const m = (n: number) => `${p}m${n}`;
    const records: RawRecord[] = [];
    // 4 questions q1..q4 by m1..m4, each answered by 3 replies repeating the term (12 replies by m5..m7)
    for (let q = 1; q <= 4; q++) {
      records.push(newActivity(`q${q}`, 'question', m(q), `2026-03-2${3 + q}T09:00:00Z`, { text: 'Le VPN ne répond plus' }));
      for (let r = 1; r <= 3; r++)
        records.push(newActivity(`q${q}r${r}`, 'reply', m(4 + r), `2026-03-2${3 + q}T1${r}:00:00Z`, { parent: `q${q}`, text: 'Redémarre le vpn' }));
    }
    // a reply to a reply is still in the question's thread; a share of a question too
    records.push(newActivity('q1r1r', 'reply', m(1), '2026-03-24T18:00:00Z', { parent: 'q1r1', text: 'Merci, le vpn marche' }));
    records.push(newActivity('s1', 'share', m(8), '2026-03-25T18:00:00Z', { parent: 'q2', text: 'Même souci de vpn ici' }));
    // outside question threads: 2 posts and a reply to one of them
    records.push(newActivity('p1', 'post', m(8), '2026-03-26T08:00:00Z', { text: 'Maintenance du vpn ce soir' }));
    records.push(newActivity('p2', 'post', m(9), '2026-03-27T08:00:00Z', { text: 'Nouveau client vpn' }));
    records.push(newActivity('p1r', 'reply', m(1), '2026-03-26T09:00:00Z', { parent: 'p1', text: 'Merci pour le vpn' }));
    await ingest(t, key, records).expect(200);

    const res = await networkGet(t, key, 'emerging-topics', { at: '2026-03-29' });
    expect(res.status).toBe(200);
    // mentions: 4 questions + 12 replies + q1r1r + s1 + p1 + p2 + p1r = 21; question threads: 4 + 12 + 1 + 1 = 18 > 21/2
    // (questions alone, 4, are fewer than half: counting only them said `topic`)
    expect(res.body.items.find((i: { term: string }) => i.term === 'vpn')).toEqual(
      expect.objectContaining({ term: 'vpn', mentions: 21, questions: 4, questionThreadMentions: 18, kind: 'problem' }),
    );
  });

  it('replies to posts do not make a problem', async () => {
    const key = await newNetwork(t);
    const p = uniqueKey('cant') + ':';
    const m = (n: number) => `${p}m${n}`;
    const records: RawRecord[] = [newActivity('q1', 'question', m(1), '2026-03-24T09:00:00Z', { text: 'La cantine ferme ?' })];
    for (let r = 1; r <= 4; r++) {
      records.push(newActivity(`p${r}`, 'post', m(r + 1), `2026-03-2${4 + r}T08:00:00Z`, { text: 'Menu de la cantine' }));
      records.push(newActivity(`p${r}r`, 'reply', m(r + 2), `2026-03-2${4 + r}T09:00:00Z`, { parent: `p${r}`, text: 'La cantine est bonne' }));
    }
    await ingest(t, key, records).expect(200);
    const res = await networkGet(t, key, 'emerging-topics', { at: '2026-03-29' });
    // mentions 9, question threads 1 → topic
    expect(res.body.items.find((i: { term: string }) => i.term === 'cantine')).toEqual(
      expect.objectContaining({ mentions: 9, questions: 1, questionThreadMentions: 1, kind: 'topic' }),
    );
  });
});
