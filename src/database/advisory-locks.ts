/**
 * Every PostgreSQL advisory-lock id the service uses, in one place, so no two features pick the same
 * number. A lock is taken as `pg_advisory[_xact]_lock(id)` or, per row of something, as
 * `pg_advisory[_xact]_lock(id, row id)`.
 *
 * Retired ids are listed too and must not be reused: an old instance still running during a rolling
 * upgrade may take them.
 */
export const ADVISORY_LOCKS = {
  /** Instances starting together take turns to apply migrations (session lock, src/database/migrate.ts). */
  MIGRATION: 727_001,
  /**
   * Per-network write lock, `pg_advisory_xact_lock(NETWORK_WRITE_LOCK, network id)` (src/database/network-locks.ts).
   * Migration ActivityRollups keeps its own copy of the number (migrations never import runtime code).
   */
  NETWORK_WRITE: 727_002,
  /** Retired: one people-index run per network; the jobs table's lease gives that now. */
  RETIRED_PEOPLE_INDEX: 727_003,
  /** Retired: one re-match run per objective; the jobs table's lease gives that now. */
  RETIRED_REMATCH: 727_004,
} as const;
