import type { TestApp } from './test-app';
import { TEST_ADMIN_KEY } from './test-app';

let counter = 0;

/** A key unique to this worker and test run, so tests share a database without seeing each other. */
export function uniqueKey(prefix = 'n'): string {
  counter += 1;
  return `${prefix}-${process.env.JEST_WORKER_ID ?? '0'}-${process.pid.toString(36)}-${Date.now().toString(36)}-${counter.toString(36)}`;
}

export async function newNetwork(t: TestApp, fields: { timezone?: string; key?: string } = {}): Promise<string> {
  const key = fields.key ?? uniqueKey();
  const res = await t
    .http()
    .post('/v1/networks')
    .set('Authorization', `Bearer ${TEST_ADMIN_KEY}`)
    .send({ key, name: `Network ${key}`, ...(fields.timezone ? { timezone: fields.timezone } : {}) });
  if (res.status !== 201) throw new Error(`cannot create network: ${res.status} ${JSON.stringify(res.body)}`);
  return key;
}

export type RawRecord = Record<string, unknown>;

/** The body of a 200 ingestion answer (SPEC §2). */
export interface IngestionReport {
  received: number;
  inserted: number;
  updated: number;
  duplicates: number;
  rejected: { line: number; externalId?: string; error: string }[];
}

export const newMember = (externalId: string, fields: RawRecord = {}): RawRecord => ({
  type: 'member',
  externalId,
  displayName: `Member ${externalId}`,
  ...fields,
});
export const newGroup = (externalId: string, fields: RawRecord = {}): RawRecord => ({
  type: 'group',
  externalId,
  name: `Group ${externalId}`,
  visibility: 'public',
  ...fields,
});
export const newMembership = (group: string, member: string, fields: RawRecord = {}): RawRecord => ({ type: 'membership', group, member, ...fields });
export const newActivity = (externalId: string, kind: string, author: string, occurredAt: string, fields: RawRecord = {}): RawRecord => ({
  type: 'activity',
  externalId,
  kind,
  author,
  occurredAt,
  ...fields,
});

export function toNdjson(records: unknown[]): string {
  return records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
}

/** POSTs records to the bulk endpoint as NDJSON (default) or a JSON array. */
export function ingest(t: TestApp, networkKey: string, records: unknown[], options: { format?: 'ndjson' | 'json'; apiKey?: string } = {}) {
  const req = t
    .http()
    .post(`/v1/networks/${networkKey}/events`)
    .set('Authorization', `Bearer ${options.apiKey ?? TEST_ADMIN_KEY}`);
  return options.format === 'json' ? req.send(records as object[]) : req.set('Content-Type', 'application/x-ndjson').send(toNdjson(records));
}

/** A small deterministic PRNG (mulberry32), so shuffled orders are reproducible from their seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A new network holding `records`, every one of them accepted (the test fails otherwise). */
export async function loadNetwork(t: TestApp, records: unknown[], fields: { timezone?: string } = {}): Promise<string> {
  const key = await newNetwork(t, fields);
  const res = await ingest(t, key, records);
  if (res.status !== 200 || res.body.rejected.length > 0) throw new Error(`ingestion refused records: ${res.status} ${JSON.stringify(res.body)}`);
  return key;
}

/**
 * A stream of edits cut into requests holding one record per externalId each, in order: the later
 * edit of a key always comes in a later request, so it wins as it would in a stream.
 */
export function oneRecordPerKeyPerRequest(records: RawRecord[]): RawRecord[][] {
  const batches: RawRecord[][] = [];
  for (const r of records) {
    const batch = batches.find((b) => !b.some((x) => x.externalId === r.externalId));
    if (batch) batch.push(r);
    else batches.push([r]);
  }
  return batches;
}
