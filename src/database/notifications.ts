import type { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { compileSql, execute, sql } from './sql';

/**
 * PostgreSQL notification channels (LISTEN/NOTIFY), one registry like advisory-locks.ts. A NOTIFY
 * sent inside a transaction is delivered when, and only if, it commits, to every session listening
 * on that database — so every instance of the service learns of a commit made by any of them.
 * Payloads are at most 8000 bytes: they carry ids and ranges, never records.
 */
export const CHANNELS = {
  /** An ingestion transaction committed: payload an IngestionNotice (JSON). */
  INGESTION: 'cno_ingestion',
} as const;

/**
 * What an ingestion transaction announces at its commit: the network it wrote, and the range of
 * activity ids `(after, upTo]` in which the activities it inserted lie (ids come from one sequence
 * shared by every network: the range may hold other networks' ids, so readers filter by network too).
 */
export interface IngestionNotice {
  network: number;
  after: string;
  upTo: string;
}

/** The activity ids' high-water mark as SQL: the last id handed out so far by any session ('0' before the first). */
const activityIdMark = sql<string>`coalesce(pg_sequence_last_value(pg_get_serial_sequence('activities', 'id')::regclass), 0)::text`;

/** The current mark: every activity inserted after this read gets a larger id. */
export async function readActivityIdMark(db: EntityManager): Promise<string> {
  const [{ mark }] = (await execute<{ mark: string }>(db, sql`SELECT ${activityIdMark} AS mark`)).rows;
  return mark;
}

/**
 * Sends the notice of an ingestion transaction (`db` is its manager): the ids after `after` up to
 * the current mark. Delivered at commit; nothing is sent if the transaction rolls back.
 */
export async function notifyIngestion(db: EntityManager, networkId: number, after: string): Promise<void> {
  await execute(
    db,
    sql`SELECT pg_notify(${CHANNELS.INGESTION}, json_build_object('network', ${networkId}::int, 'after', ${after}::text, 'upTo', ${activityIdMark})::text)`,
  );
}

/** A notice read back from its payload, or null when it is not one (a foreign or malformed payload is ignored). */
export function parseIngestionNotice(payload: string | undefined): IngestionNotice | null {
  if (payload === undefined) return null;
  try {
    const value = JSON.parse(payload) as Partial<IngestionNotice>;
    if (!Number.isInteger(value.network) || !/^\d+$/.test(String(value.after)) || !/^\d+$/.test(String(value.upTo))) return null;
    return { network: value.network as number, after: String(value.after), upTo: String(value.upTo) };
  } catch {
    return null;
  }
}

/** Starts listening on `channel` on a dedicated connection of its own (a pg Client outside the pool, which a listener needs). */
export async function listenOn(client: Client, channel: (typeof CHANNELS)[keyof typeof CHANNELS]): Promise<void> {
  await client.query(compileSql(sql`LISTEN ${sql.id(channel)}`).sql);
}
