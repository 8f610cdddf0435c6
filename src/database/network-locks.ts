import type { EntityManager } from 'typeorm';
import { ADVISORY_LOCKS } from './advisory-locks';
import { rows, sql } from './sql';

const NETWORK_WRITE_LOCK = ADVISORY_LOCKS.NETWORK_WRITE;

/**
 * Writers of a network's activities (and of what is derived from them) take turns under a
 * transaction-level advisory lock per network, taken before any row lock: the rollup triggers then
 * recompute from what is committed, and concurrent writers cannot deadlock.
 */
export async function lockNetwork(db: EntityManager, networkId: number): Promise<void> {
  await rows(db, sql`SELECT pg_advisory_xact_lock(${NETWORK_WRITE_LOCK}, ${networkId})`);
}

/** Every network's lock, in id order (the order every multi-network writer uses): for changes that touch all of them. */
export async function lockAllNetworks(db: EntityManager): Promise<void> {
  await rows(db, sql`SELECT pg_advisory_xact_lock(${NETWORK_WRITE_LOCK}, id) FROM (SELECT id FROM networks ORDER BY id) AS n`);
}
