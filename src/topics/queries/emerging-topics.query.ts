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

/** What the current window knows of a term that has the support asked for (indexed terms). */
export interface IndexedTermRow {
  term: string;
  mentions: number;
  questions: number;
  questionThreadMentions: number;
  authors: number;
  /** The form written most often (ties: code-point order). */
  form: string;
  /** The most recent mentions' activities, most recent first (ties: code-point order of externalId), at most `samples`. */
  samples: string[];
}

/**
 * The mentions of a window from `activity_terms`: one row per (live contribution, term) with the
 * same conditions as termSourcesQuery (contributions with text or tags, not deleted, not
 * confidential for any key), and whether the contribution belongs to a question thread.
 */
function mentionsCte(networkId: number, from: Date, to: Date, terms: readonly string[] | null) {
  const visibility = activityVisibility('a');
  // the window's contributions first (activities_window_idx), then their terms by primary key: each
  // activity is checked once, not once per term
  return sql`mentions AS (
  SELECT t.term, t.form, a.external_id, a.kind, a.author_id, a.occurred_at, COALESCE(qr.kind = 'question', false) AS in_question_thread
  FROM activities a
  ${visibility.joins}
  LEFT JOIN activities qr ON qr.network_id = a.network_id AND qr.id = a.root_id
  JOIN activity_terms t ON t.network_id = a.network_id AND t.activity_id = a.id${terms === null ? sql`` : sql` AND t.term = ANY(${[...terms]}::text[])`}
  WHERE a.network_id = ${networkId} AND a.deleted_at IS NULL AND a.occurred_at >= ${from} AND a.occurred_at < ${to}
    AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)} AND (a.text IS NOT NULL OR a.tags IS NOT NULL)
    AND NOT ${visibility.confidential}
)`;
}

/**
 * The terms of the current window with at least `minMentions` mentions by `minAuthors` authors, with
 * their counts, their most written form and their latest mentions. Times are compared to the
 * millisecond, as the API writes them.
 */
export function windowTermsQuery(networkId: number, window: WindowBounds, support: { minMentions: number; minAuthors: number; samples: number }) {
  // grouped by hashing (term, author) then term, not by sorting every mention by term; each term's
  // samples are sorted within the term only
  return sql<IndexedTermRow>`WITH ${mentionsCte(networkId, window.from, window.to, null)},
per_author AS (
  SELECT term, author_id, count(*) AS mentions, count(*) FILTER (WHERE kind = 'question') AS questions,
         count(*) FILTER (WHERE in_question_thread) AS question_thread_mentions
  FROM mentions GROUP BY term, author_id
), supported AS (
  SELECT term, sum(mentions)::int AS mentions, sum(questions)::int AS questions, sum(question_thread_mentions)::int AS question_thread_mentions,
         count(*)::int AS authors
  FROM per_author GROUP BY term
  HAVING sum(mentions) >= ${support.minMentions} AND count(*) >= ${support.minAuthors}
), forms AS (
  SELECT DISTINCT ON (f.term) f.term, f.form
  FROM (SELECT m.term, m.form, count(*) AS n FROM mentions m JOIN supported s ON s.term = m.term GROUP BY m.term, m.form) f
  ORDER BY f.term, f.n DESC, f.form COLLATE "C"
), samples AS (
  SELECT m.term, (array_agg(m.external_id ORDER BY date_trunc('milliseconds', m.occurred_at) DESC, m.external_id COLLATE "C"))[1:${support.samples}] AS samples
  FROM mentions m JOIN supported s ON s.term = m.term GROUP BY m.term
)
SELECT s.term, s.mentions, s.questions, s.question_thread_mentions, s.authors, f.form, sa.samples
FROM supported s JOIN forms f ON f.term = s.term JOIN samples sa ON sa.term = s.term`;
}

/** Mentions of these terms over [from, to) (the baseline windows, which are contiguous). */
export function termMentionsQuery(networkId: number, from: Date, to: Date, terms: readonly string[]) {
  return sql<{ term: string; mentions: number }>`WITH ${mentionsCte(networkId, from, to, terms)}
SELECT term, count(*)::int AS mentions FROM mentions GROUP BY term`;
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
  {
    name: 'indexed terms of the current window with enough support',
    query: windowTermsQuery(1, { from: new Date('2026-03-21T23:00:00Z'), to: new Date('2026-03-28T23:00:00Z') }, { minMentions: 3, minAuthors: 2, samples: 5 }),
  },
  {
    name: 'mentions of candidate terms in the 4 baseline windows',
    query: termMentionsQuery(1, new Date('2026-02-21T23:00:00Z'), new Date('2026-03-21T23:00:00Z'), ['vpn', 'kubernet']),
  },
];
