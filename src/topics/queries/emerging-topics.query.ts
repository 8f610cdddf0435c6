import type { EntityManager } from 'typeorm';
import { activityVisibilitySql } from '../../governance/principal';
import { CONTRIBUTION_KINDS_SQL } from '../../ingestion/activity.entity';

export interface EmergingTopicsParams {
  networkId: number;
  timezone: string;
  /** Last day of the window, YYYY-MM-DD in the network's time zone. */
  at: string;
  /** Window length in days. */
  days: number;
}

export interface WindowBounds {
  from: Date;
  to: Date;
}

/** A contribution that may carry terms. */
export interface TermSourceRow {
  externalId: string;
  kind: string;
  authorId: string;
  occurredAt: Date;
  text: string | null;
  tags: string[] | null;
}

/** Number of windows before the current one that make the baseline (SPEC §3.8: the 4 previous windows). */
export const BASELINE_WINDOWS = 4;

/**
 * The current window and the BASELINE_WINDOWS before it, most recent first: window k is
 * [at + 1 day − (k + 1)·n days, at + 1 day − k·n days), cut at local midnights of the network's time
 * zone (so a window across a DST change lasts n·24 ± 1 hours).
 */
export async function windowBounds(db: EntityManager, p: EmergingTopicsParams): Promise<WindowBounds[]> {
  const rows: { k: number; start: Date }[] = await db.query(
    `SELECT k, (($1::date + 1 - $2::int * k)::timestamp AT TIME ZONE $3) AS start FROM generate_series(0, $4::int) AS k ORDER BY k`,
    [p.at, p.days, p.timezone, BASELINE_WINDOWS + 1],
  );
  return rows.slice(1).map((r, i) => ({ from: new Date(r.start), to: new Date(rows[i].start) }));
}

/**
 * The live contributions of one window that carry text or tags, from public and private groups and
 * from no group. Confidential activities (isConfidentialActivity: in a confidential or placeholder
 * group, or sent without a group in such a group's thread) are left out entirely: their words must
 * not surface as topics, for any key.
 */
export async function termSources(db: EntityManager, networkId: number, window: WindowBounds): Promise<TermSourceRow[]> {
  const visibility = activityVisibilitySql('a');
  return db.query(
    `SELECT a.external_id AS "externalId", a.kind, a.author_id::text AS "authorId", a.occurred_at AS "occurredAt", a.text, a.tags
     FROM activities a ${visibility.joins}
     WHERE a.network_id = $1 AND a.deleted_at IS NULL AND a.occurred_at >= $2 AND a.occurred_at < $3
       AND a.kind IN ${CONTRIBUTION_KINDS_SQL}
       AND (a.text IS NOT NULL OR a.tags IS NOT NULL)
       AND NOT ${visibility.confidential}`,
    [networkId, window.from, window.to],
  );
}
