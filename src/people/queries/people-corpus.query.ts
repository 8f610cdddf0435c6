import type { EntityManager } from 'typeorm';
import { fragment, row, rows, sql, SqlExample } from '../../database/sql';
import { activityVisibility } from '../../governance/principal';
import { CONTRIBUTION_KINDS_SQL, ROOT_KINDS_SQL } from '../../ingestion/activity.entity';

/**
 * The corpus of the people index: live contributions of a network with text or tags, from public
 * and private groups and from no group. Confidential activities (isConfidentialActivity: in a
 * confidential or placeholder group, or sent without a group in such a group's thread) are left
 * out, so inferred interests, topics and evidence never reveal their content, whatever the key.
 */
function corpus(networkId: number) {
  const visibility = activityVisibility('a');
  return sql`activities a ${visibility.joins}
  WHERE a.network_id = ${networkId} AND a.deleted_at IS NULL AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)}
    AND NOT ${visibility.confidential}`;
}

export interface CorpusRow {
  id: string;
  externalId: string;
  kind: string;
  authorId: string;
  occurredAt: Date;
  text: string | null;
  tags: string[] | null;
}

/** Corpus contributions with words (not the ones without text or tags). */
const withWords = (
  networkId: number,
) => sql`SELECT a.id::text, a.external_id, a.kind, a.author_id::text, a.occurred_at, a.text, a.tags FROM ${corpus(networkId)}
  AND (a.text IS NOT NULL OR a.tags IS NOT NULL)`;

/**
 * A page of the corpus contributions with words, by id after `afterId` (first pass: document
 * frequencies and thread topics); only the thread roots (posts and questions) when `rootsOnly`.
 */
export function corpusPageQuery(networkId: number, afterId: string, limit: number, rootsOnly = false) {
  return sql<CorpusRow>`${withWords(networkId)}${rootsOnly ? sql` AND a.kind IN ${fragment(ROOT_KINDS_SQL)}` : sql``} AND a.id > ${afterId}::bigint ORDER BY a.id LIMIT ${limit}`;
}

/** The corpus's terms (activity_terms) with their document frequency: how many corpus contributions hold each. */
export function corpusDocumentFrequencyQuery(networkId: number) {
  return sql<{ term: string; documents: number }>`SELECT t.term, count(*)::int AS documents
  FROM (SELECT a.id FROM ${corpus(networkId)}) c JOIN activity_terms t ON t.network_id = ${networkId} AND t.activity_id = c.id
  GROUP BY t.term`;
}

/** The last of the next `limit` authors of live activities after `afterAuthor` (null: none left). */
export function nextAuthorsQuery(networkId: number, afterAuthor: string, limit: number) {
  return sql<{ last: string | null }>`SELECT max(author_id)::text AS last FROM (
  SELECT DISTINCT a.author_id FROM activities a
  WHERE a.network_id = ${networkId} AND a.deleted_at IS NULL AND a.author_id > ${afterAuthor}::bigint ORDER BY a.author_id LIMIT ${limit}) x`;
}

/** A member's term in their corpus contributions, as the interests pass reads it from activity_terms. */
export interface AuthorTermRow {
  authorId: string;
  term: string;
  /** Σ over their contributions holding it of tagWeight (a tag holds it) or 1. */
  tf: number;
  /** The form they wrote most often (ties: code-point order). */
  form: string;
  /** Their most recent contributions holding it (externalIds, most recent first; ties: code-point order), at most `supporting`. */
  activities: string[];
}

/** The terms of the authors in (`afterAuthor`, `lastAuthor`], by author (second pass, for a network whose terms are indexed). */
export function authorTermsQuery(networkId: number, afterAuthor: string, lastAuthor: string, weights: { tagWeight: number; supporting: number }) {
  return sql<AuthorTermRow>`WITH mentions AS (
  SELECT c.author_id, c.external_id, c.occurred_at, t.term, t.form, t.in_tag
  FROM (SELECT a.id, a.author_id, a.external_id, a.occurred_at FROM ${corpus(networkId)}
          AND a.author_id > ${afterAuthor}::bigint AND a.author_id <= ${lastAuthor}::bigint) c
  JOIN activity_terms t ON t.network_id = ${networkId} AND t.activity_id = c.id
), forms AS (
  SELECT DISTINCT ON (f.author_id, f.term) f.author_id, f.term, f.form
  FROM (SELECT author_id, term, form, count(*) AS n FROM mentions GROUP BY author_id, term, form) f
  ORDER BY f.author_id, f.term, f.n DESC, f.form COLLATE "C"
), terms AS (
  SELECT author_id, term, sum(CASE WHEN in_tag THEN ${weights.tagWeight}::int ELSE 1 END)::int AS tf,
         (array_agg(external_id::text ORDER BY date_trunc('milliseconds', occurred_at) DESC, external_id COLLATE "C"))[1:${weights.supporting}::int] AS activities
  FROM mentions GROUP BY author_id, term
)
SELECT t.author_id::text AS author_id, t.term, t.tf, f.form, t.activities
FROM terms t JOIN forms f ON f.author_id = t.author_id AND f.term = t.term
ORDER BY t.author_id`;
}

/** The same by author, then id, after (`afterAuthor`, `afterId`) (second pass: each member's terms). */
export function corpusByAuthorPageQuery(networkId: number, afterAuthor: string, afterId: string, limit: number) {
  return sql<CorpusRow>`${withWords(networkId)} AND (a.author_id, a.id) > (${afterAuthor}::bigint, ${afterId}::bigint) ORDER BY a.author_id, a.id LIMIT ${limit}`;
}

/** How many corpus contributions there are, with or without words: N of the IDF. */
export function corpusSizeQuery(networkId: number) {
  return sql<{ n: number }>`SELECT count(*)::int AS n FROM ${corpus(networkId)}`;
}

export async function corpusSize(db: EntityManager, networkId: number): Promise<number> {
  return (await row(db, corpusSizeQuery(networkId))).n;
}

export function corpusPage(db: EntityManager, networkId: number, afterId: string, limit: number, rootsOnly = false): Promise<CorpusRow[]> {
  return rows(db, corpusPageQuery(networkId, afterId, limit, rootsOnly));
}

export function corpusByAuthorPage(db: EntityManager, networkId: number, afterAuthor: string, afterId: string, limit: number): Promise<CorpusRow[]> {
  return rows(db, corpusByAuthorPageQuery(networkId, afterAuthor, afterId, limit));
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'corpus size of a network', query: corpusSizeQuery(1) },
  { name: 'a page of the corpus by id', query: corpusPageQuery(1, '0', 5000) },
  { name: 'a page of the corpus by author, then id', query: corpusByAuthorPageQuery(1, '42', '1234', 5000) },
  { name: 'a page of the corpus thread roots by id', query: corpusPageQuery(1, '0', 5000, true) },
  { name: 'document frequencies of the corpus terms (indexed terms)', query: corpusDocumentFrequencyQuery(1) },
  { name: 'the last of the next authors', query: nextAuthorsQuery(1, '42', 1000) },
  { name: 'terms of a range of authors (indexed terms)', query: authorTermsQuery(1, '42', '1042', { tagWeight: 2, supporting: 5 }) },
];
