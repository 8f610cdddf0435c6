import type { ApiClient } from '../src/client';
import { type DemoActivity, type DemoDataset, liveActivities, seededRandom } from './generator';

/** What the loader reports as it goes: a phase, its done and total counts. */
export type Progress = (phase: 'setup' | 'history' | 'live', done: number, total: number) => void;

export interface LoadOptions {
  /** records per POST /events (≤ 10 000) */
  batchSize?: number;
  /** how long to keep ingesting "now" activities after the history, so live counters move (0: none) */
  liveSeconds?: number;
  seed?: number;
  progress?: Progress;
}

export interface LoadReport {
  network: string;
  records: number;
  rejected: number;
  liveActivities: number;
}

export class DemoError extends Error {}

async function ok<T>(what: string, request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok || data === undefined) {
    const detail = error && typeof error === 'object' && 'detail' in error ? String(error.detail) : response.statusText;
    throw new DemoError(`${what}: ${response.status} ${detail}`);
  }
  return data;
}

/**
 * Loads a generated dataset into a running service through its public API (the typed client):
 * the network, the objectives, members, groups and memberships, then the activities in time
 * order, the declared profiles, and finally `liveSeconds` of activities dated now.
 */
export async function loadDemo(api: ApiClient, dataset: DemoDataset, options: LoadOptions = {}): Promise<LoadReport> {
  const key = dataset.network.key;
  const progress = options.progress ?? (() => undefined);
  const batchSize = options.batchSize ?? 1000;
  let rejected = 0;

  const created = await api.POST('/v1/networks', { body: dataset.network });
  if (created.response.status === 409) throw new DemoError(`network "${key}" already exists: pass another one with --network`);
  if (!created.response.ok) await ok('create the network', Promise.resolve(created));

  const setupTotal = dataset.objectives.length + 1;
  progress('setup', 0, setupTotal);
  for (const [i, objective] of dataset.objectives.entries()) {
    await ok(`objective ${objective.key}`, api.PUT('/v1/objectives/{key}', { params: { path: { key: objective.key } }, body: objective.body }));
    progress('setup', i + 1, setupTotal);
  }
  const ingest = async (records: DemoDataset['directory']) => {
    const report = await ok('ingest', api.POST('/v1/networks/{key}/events', { params: { path: { key } }, body: records }));
    rejected += report.rejected.length;
    if (report.rejected.length) throw new DemoError(`records rejected: ${JSON.stringify(report.rejected.slice(0, 3))}`);
  };
  await ingest(dataset.directory);
  progress('setup', setupTotal, setupTotal);

  const total = dataset.activities.length + dataset.profiles.length;
  progress('history', 0, total);
  for (let i = 0; i < dataset.activities.length; i += batchSize) {
    await ingest(dataset.activities.slice(i, i + batchSize));
    progress('history', Math.min(i + batchSize, dataset.activities.length), total);
  }
  for (const [i, profile] of dataset.profiles.entries()) {
    await ok(
      `profile of ${profile.member}`,
      api.PUT('/v1/members/{externalId}/profile', { params: { path: { externalId: profile.member } }, body: profile.body }),
    );
    progress('history', dataset.activities.length + i + 1, total);
  }

  let live = 0;
  const seconds = options.liveSeconds ?? 0;
  if (seconds > 0) {
    const random = seededRandom((options.seed ?? 42) + 1);
    const roots: string[] = [];
    const end = Date.now() + seconds * 1000;
    progress('live', 0, seconds);
    while (Date.now() < end) {
      const batch: DemoActivity[] = liveActivities(dataset, random, 1 + Math.floor(random() * 4), new Date(), roots);
      await ingest(batch);
      live += batch.length;
      await new Promise((resolve) => setTimeout(resolve, 700 + Math.floor(random() * 900)));
      progress('live', Math.min(seconds, seconds - Math.max(0, Math.round((end - Date.now()) / 1000))), seconds);
    }
    progress('live', seconds, seconds);
  }
  return { network: key, records: dataset.directory.length + dataset.activities.length + live, rejected, liveActivities: live };
}
