import type { EntityManager } from 'typeorm';
import { lockNetwork } from '../database/network-locks';
import { notifyIngestion, readActivityIdMark } from '../database/notifications';
import type { WriteOutcome } from './record-writer';

/**
 * Runs one ingestion transaction's writes (`db` is its manager) and, when they changed anything,
 * announces the commit on CHANNELS.INGESTION (database/notifications.ts) with the range of activity
 * ids it inserted: the live streams of every instance (GET /v1/networks/{key}/live) refresh from
 * the database when it commits. The network's write lock is taken first (the writer takes it again,
 * which PostgreSQL allows), so no other writer of the network inserts between the two marks; the
 * marks and the notice cost two small statements per transaction. `networkId` null (org-wide member
 * writes) changes no network's counters: nothing is announced.
 */
export async function writeAndAnnounce(db: EntityManager, networkId: number | null, write: () => Promise<WriteOutcome[]>): Promise<WriteOutcome[]> {
  if (networkId === null) return write();
  await lockNetwork(db, networkId);
  const after = await readActivityIdMark(db);
  const outcomes = await write();
  if (outcomes.some((o) => o === 'inserted' || o === 'updated')) await notifyIngestion(db, networkId, after);
  return outcomes;
}
