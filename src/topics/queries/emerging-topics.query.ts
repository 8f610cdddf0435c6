import type { EntityManager } from 'typeorm';
import { fragment, rows, sql, SqlExample } from '../../database/sql';
import { activityVisibility } from '../../governance/principal';
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
  /** SPEC §3.8: a question, or a reply/share whose thread root is a question (the root is itself for a root). */
  inQuestionThread: boolean;
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
  const starts = await rows(db, windowStartsQuery(p));
  return starts.slice(1).map((r, i) => ({ from: new Date(r.start), to: new Date(starts[i].start) }));
}

/** The start of window k, for k from 0 (the current window's end) to BASELINE_WINDOWS + 1. */
export function windowStartsQuery(p: EmergingTopicsParams) {
  return sql<{
    k: number;
    start: Date;
  }>`SELECT k, ((${p.at}::date + 1 - ${p.days}::int * k)::timestamp AT TIME ZONE ${p.timezone}) AS start FROM generate_series(0, ${BASELINE_WINDOWS + 1}::int) AS k ORDER BY k`;
}

/**
 * The live contributions of one window that carry text or tags, from public and private groups and
 * from no group, each with whether it belongs to a question thread (its resolved thread root — itself
 * for a root — is a question; a reply whose chain is not yet resolved up to its root is not). Confidential activities (isConfidentialActivity: in a confidential or placeholder
 * group, or sent without a group in such a group's thread) are left out entirely: their words must
 * not surface as topics, for any key.
 */
export function termSources(db: EntityManager, networkId: number, window: WindowBounds): Promise<TermSourceRow[]> {
  return rows(db, termSourcesQuery(networkId, window));
}

export function termSourcesQuery(networkId: number, window: WindowBounds) {
  const visibility = activityVisibility('a');
  return sql<TermSourceRow>`SELECT a.external_id, a.kind, COALESCE(qr.kind = 'question', false) AS in_question_thread,
       a.author_id::text AS author_id, a.occurred_at, a.text, a.tags
     FROM activities a ${visibility.joins}
     LEFT JOIN activities qr ON qr.network_id = a.network_id AND qr.id = a.root_id
     WHERE a.network_id = ${networkId} AND a.deleted_at IS NULL AND a.occurred_at >= ${window.from} AND a.occurred_at < ${window.to}
       AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)}
       AND (a.text IS NOT NULL OR a.tags IS NOT NULL)
       AND NOT ${visibility.confidential}`;
}

export const SQL_EXAMPLES: SqlExample[] = [
  {
    name: 'bounds of the current window and the baseline windows (7 days to 2026-03-28)',
    query: windowStartsQuery({ networkId: 1, timezone: 'Europe/Paris', at: '2026-03-28', days: 7 }),
  },
  {
    name: 'contributions of one window that may carry terms',
    query: termSourcesQuery(1, { from: new Date('2026-03-21T23:00:00Z'), to: new Date('2026-03-28T23:00:00Z') }),
  },
];
