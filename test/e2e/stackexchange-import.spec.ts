import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { directorySource } from '../../src/importers/export-source';
import type { SpecRecord } from '../../src/importers/importer';
import { stackexchangeImporter } from '../../src/importers/stackexchange/stackexchange.importer';
import { ingest, newNetwork } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

/**
 * The real Quantum Computing Stack Exchange dump of 2018 (CC BY-SA, attribution in the fixture's README),
 * imported with the stackexchange importer through the events endpoint: every figure of
 * expected-indicators.json — computed from the XML independently of the service — must come back from the API.
 */
const DUMP = join(__dirname, '..', 'fixtures', 'stackexchange-quantumcomputing-2018');
type Figures = Record<string, number | null>;
interface Period {
  from: string;
  to: string;
  activity: Figures;
  responsiveness: Figures;
  concentration: Figures;
}
const expected = JSON.parse(readFileSync(join(DUMP, 'expected-indicators.json'), 'utf8')) as Period & {
  window: { from: string; to: string };
  monthly: Record<string, Period>;
  expectedRecords: { members: number; groups: number; activities: number; records: number };
};

/**
 * Counts exactly; the reference rounds rates to 4 decimals (equal to the digits it gives) and gives durations
 * unrounded while the API gives them to the millisecond (equal to ±0.0005 s).
 */
function expectFigure(name: string, actual: unknown, reference: number | null): void {
  if (reference === null || Number.isInteger(reference)) {
    expect({ [name]: actual }).toEqual({ [name]: reference });
    return;
  }
  const decimals = (String(reference).split('.')[1] ?? '').length;
  const tolerance = (name.includes('Time') ? 0.0005 : 0.5 * 10 ** -decimals) + 1e-9;
  if (typeof actual !== 'number' || Math.abs(actual - reference) > tolerance) expect({ [name]: actual }).toEqual({ [name]: reference });
}

describe('stackexchange import of a real dump (Quantum Computing, 2018)', () => {
  let t: TestApp;
  let key: string;
  const counts = { members: 0, groups: 0, activities: 0, records: 0 };

  beforeAll(async () => {
    t = await startTestApp();
    key = await newNetwork(t, { timezone: 'UTC' });
    let batch: SpecRecord[] = [];
    const rejected: unknown[] = [];
    const send = async (): Promise<void> => {
      const res = await ingest(t, key, batch);
      if (res.status !== 200) throw new Error(`ingestion failed: ${res.status} ${JSON.stringify(res.body)}`);
      rejected.push(...(res.body as { rejected: unknown[] }).rejected);
      batch = [];
    };
    for await (const { record } of stackexchangeImporter.records(directorySource(DUMP), { network: key })) {
      counts.records++;
      if (record.type === 'member') counts.members++;
      if (record.type === 'group') counts.groups++;
      if (record.type === 'activity') counts.activities++;
      batch.push(record);
      if (batch.length === 1000) await send();
    }
    if (batch.length > 0) await send();
    expect(rejected).toEqual([]);
  });
  afterAll(() => t.close());

  it('produces the records the reference counts', () => {
    expect(counts).toEqual(expected.expectedRecords); // 334 members, 1 group, 2 061 activities (612 + 1 060 + 389)
  });

  const periods: [string, Period][] = [['2018-03 … 2018-09', expected], ...Object.entries(expected.monthly)];
  it.each(periods)('gives the reference figures for %s', async (_, period) => {
    const from = period === expected ? expected.window.from : period.from;
    const to = period === expected ? expected.window.to : period.to;
    for (const indicator of ['activity', 'responsiveness', 'concentration'] as const) {
      const res = await t.http().get(`/v1/networks/${key}/indicators/${indicator}`).query({ from, to }).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
      expect(res.status).toBe(200);
      const body = (indicator === 'activity' ? res.body.totals : res.body) as Record<string, unknown>;
      for (const [name, reference] of Object.entries(period[indicator])) expectFigure(`${indicator}.${name}`, body[name], reference);
    }
  });
});
