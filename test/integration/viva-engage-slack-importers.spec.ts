import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { directorySource } from '../../src/importers/export-source';
import type { ImportedRecord, Importer } from '../../src/importers/importer';
import { slackImporter } from '../../src/importers/slack/slack.importer';
import { vivaEngageImporter } from '../../src/importers/viva-engage/viva-engage.importer';
import { ingest, newNetwork } from '../support/factories';
import { TEST_ADMIN_KEY, startTestApp, type TestApp } from '../support/test-app';

const fixture = (name: string) => directorySource(join(__dirname, '..', 'fixtures', name));

async function collect(importer: Importer, dir: string): Promise<ImportedRecord[]> {
  const out: ImportedRecord[] = [];
  for await (const r of importer.records(fixture(dir), { network: 'n' })) out.push(r);
  return out;
}

const where = (records: ImportedRecord[]) =>
  records.map((r) => `${r.file}:${r.line} ${String(r.record.type)} ${String(r.record.externalId ?? `${String(r.record.group)}/${String(r.record.member)}`)}`);

describe('viva-engage and slack importers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const get = async (key: string, path: string) => {
    const res = await t
      .http()
      .get(`/v1/networks/${key}/indicators/${path}?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z`)
      .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    expect(res.status).toBe(200);
    return res.body as { totals?: Record<string, unknown> } & Record<string, unknown>;
  };
  const state = async (key: string) => ({ activity: (await get(key, 'activity')).totals, responsiveness: await get(key, 'responsiveness') });

  /** Ingests the records (all accepted), twice (all duplicates the second time), and in two halves into another network. */
  async function checkIngestion(records: ImportedRecord[]) {
    const key = await newNetwork(t);
    const first = await ingest(
      t,
      key,
      records.map((r) => r.record),
    );
    expect(first.status).toBe(200);
    expect(first.body.rejected).toEqual([]);
    const before = await state(key);
    const again = await ingest(
      t,
      key,
      records.map((r) => r.record),
    );
    expect(again.body).toEqual({ received: records.length, inserted: 0, updated: 0, duplicates: records.length, rejected: [] });
    expect(await state(key)).toEqual(before);
    const halves = await newNetwork(t);
    const middle = Math.floor(records.length / 2);
    for (const part of [records.slice(middle), records.slice(0, middle)]) {
      const res = await ingest(
        t,
        halves,
        part.map((r) => r.record),
      );
      expect(res.body.rejected).toEqual([]);
    }
    expect(await state(halves)).toEqual(before);
    return before;
  }

  it('maps a Viva Engage export to SPEC §2 records with their file and line', async () => {
    const records = await collect(vivaEngageImporter, 'viva-engage-mini');
    expect(where(records)).toEqual([
      'Users.csv:2 member 1',
      'Users.csv:3 member 2',
      'Users.csv:4 member 3',
      'Groups.csv:2 group 10',
      'Groups.csv:3 group 11',
      'Messages.csv:2 activity 1000', // its quoted body spans lines 2 and 3
      'Messages.csv:4 activity 1001',
      'Messages.csv:5 activity 1002',
      'Messages.csv:6 activity 1003',
      'Messages.csv:7 activity 1004',
    ]);
    const byId = new Map(records.map((r) => [r.record.externalId, r.record]));
    expect(records[1].record).toEqual({
      type: 'member',
      externalId: '2',
      displayName: 'Éloïse Müller',
      email: 'eloise@example.com',
      department: 'Sales',
      site: 'Paris',
      jobTitle: 'Manager, Sales',
    });
    expect(records[4].record).toEqual({ type: 'group', externalId: '11', name: 'Secret Café', visibility: 'private' });
    expect(byId.get('1000')).toEqual({
      type: 'activity',
      externalId: '1000',
      kind: 'question',
      author: '1',
      group: '10',
      occurredAt: '2026-03-02T10:00:00Z',
      text: 'Quel quota VPN ?\nMerci Éloïse Müller, "urgent"', // [[user:2]] replaced by the member's name
      tags: ['vpn'],
    });
    expect(byId.get('1001')).toMatchObject({ kind: 'reply', parent: '1000', occurredAt: '2026-03-02T11:00:00+00:00' });
    expect(byId.get('1002')).toMatchObject({ kind: 'reply', parent: '1001', author: '3', occurredAt: '2026-03-02T13:00:00Z' });
    expect(byId.get('1003')).toEqual({ type: 'activity', externalId: '1003', kind: 'post', author: '2', occurredAt: '2026-03-03T09:00:00Z', text: 'Annonce' });
    expect(byId.get('1004')).toEqual({ type: 'activity', externalId: '1004', deleted: true });
  });

  it('ingests a Viva Engage export: indicators, re-import and halves', async () => {
    const s = await checkIngestion(await collect(vivaEngageImporter, 'viva-engage-mini'));
    expect(s.activity).toMatchObject({
      posts: 1, // 1003
      questions: 1, // 1000
      replies: 2, // 1001, 1002
      contributions: 4, // 1 + 1 + 2 (1004 deleted)
      contributors: 3, // members 1, 2, 3
    });
    expect(s.responsiveness).toMatchObject({
      roots: 2, // 1000 and 1003
      respondedRoots: 1, // 1000, answered by member 2
      responseRate: 0.5, // 1 / 2
      medianTimeToFirstResponse: 3600, // 11:00 − 10:00
    });
  });

  it('maps a Slack export to SPEC §2 records with their file and line', async () => {
    const records = await collect(slackImporter, 'slack-mini');
    expect(where(records)).toEqual([
      'users.json:2 member U1',
      'users.json:3 member U2', // B1 is a bot: skipped
      'channels.json:1 group C1',
      'channels.json:1 membership C1/U1',
      'channels.json:1 membership C1/U2',
      'groups.json:1 group G1',
      'groups.json:1 membership G1/U1',
      // line 2: channel_join skipped
      'general/2026-03-02.json:3 activity C1-1772445600.000200',
      'general/2026-03-02.json:3 activity C1-1772445600.000200-thumbsup-U2',
      'general/2026-03-02.json:3 activity C1-1772445600.000200-thumbsup-U1',
      'general/2026-03-02.json:12 activity C1-1772449200.000300',
      'general/2026-03-02.json:20 activity C1-1772452800.000400',
      // line 21: bot_message skipped; secret line 2: channel_purpose skipped
      'secret/2026-03-03.json:3 activity G1-1772528400.000200',
    ]);
    const byId = new Map(records.map((r) => [r.record.externalId, r.record]));
    expect(records[0].record).toEqual({ type: 'member', externalId: 'U1', displayName: 'Ana Ruiz', jobTitle: 'Engineer' });
    expect(records[5].record).toEqual({ type: 'group', externalId: 'G1', name: 'secret', visibility: 'private' });
    expect(records[3].record).toEqual({ type: 'membership', group: 'C1', member: 'U1', role: 'member' });
    expect(byId.get('C1-1772445600.000200')).toEqual({
      type: 'activity',
      externalId: 'C1-1772445600.000200',
      kind: 'post',
      author: 'U1',
      group: 'C1',
      occurredAt: '2026-03-02T10:00:00.000Z', // ts 1772445600
      text: 'Hello Éloïse Müller\nwhere is the "VPN" [doc]?',
    });
    expect(byId.get('C1-1772445600.000200-thumbsup-U2')).toEqual({
      type: 'activity',
      externalId: 'C1-1772445600.000200-thumbsup-U2',
      kind: 'reaction',
      author: 'U2',
      group: 'C1',
      parent: 'C1-1772445600.000200',
      occurredAt: '2026-03-02T10:00:00.000Z', // the message's time: reactions have none
      reaction: 'thumbsup',
    });
    expect(byId.get('C1-1772449200.000300')).toMatchObject({
      kind: 'reply',
      parent: 'C1-1772445600.000200',
      text: 'Réponse corrigée',
      occurredAt: '2026-03-02T11:00:00.000Z',
    });
    expect(byId.get('C1-1772452800.000400')).toMatchObject({ kind: 'reply', parent: 'C1-1772445600.000200', author: 'U1' }); // thread_broadcast
  });

  it('reads the same records whatever the chunks the files arrive in (elements, strings and UTF-8 cut across chunks)', async () => {
    const root = join(__dirname, '..', 'fixtures', 'slack-mini');
    const whole = await collect(slackImporter, 'slack-mini');
    for (const size of [1, 7, 64]) {
      const base = directorySource(root);
      const chunked = {
        list: () => base.list(),
        open: (path: string) => Promise.resolve(createReadStream(join(root, ...path.split('/')), { highWaterMark: size })),
      };
      const out: ImportedRecord[] = [];
      for await (const r of slackImporter.records(chunked, { network: 'n' })) out.push(r);
      expect(out).toEqual(whole);
    }
  });

  it('ingests a Slack export: indicators, re-import and halves', async () => {
    const s = await checkIngestion(await collect(slackImporter, 'slack-mini'));
    expect(s.activity).toMatchObject({
      posts: 2, // general's thread root, secret's post
      replies: 2, // U2's reply, U1's broadcast
      reactions: 2, // thumbsup by U2 and U1
      contributions: 4, // 2 + 2
      activeMembers: 2, // U1, U2
      contributors: 2, // U1, U2
      members: 0, // the export gives no joinedAt: members count from ingestion, after this window's `to`
    });
    expect(s.responsiveness).toMatchObject({
      roots: 2, // general's root and secret's post
      respondedRoots: 1, // general's root, first answered by U2 (U1's broadcast is its own author's)
      responseRate: 0.5, // 1 / 2
      medianTimeToFirstResponse: 3600, // 1772449200 − 1772445600
    });
  });
});
