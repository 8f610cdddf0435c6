import type { EntityManager } from 'typeorm';
import { fragment, row, rows, sql, SqlExample } from '../../database/sql';
import { activityVisibility } from '../../governance/principal';
import { CONTRIBUTION_KINDS_SQL } from '../../ingestion/activity.entity';

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

/** A page of the corpus contributions with words, by id after `afterId` (first pass: document frequencies and thread topics). */
export function corpusPageQuery(networkId: number, afterId: string, limit: number) {
  return sql<CorpusRow>`${withWords(networkId)} AND a.id > ${afterId}::bigint ORDER BY a.id LIMIT ${limit}`;
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

export function corpusPage(db: EntityManager, networkId: number, afterId: string, limit: number): Promise<CorpusRow[]> {
  return rows(db, corpusPageQuery(networkId, afterId, limit));
}

export function corpusByAuthorPage(db: EntityManager, networkId: number, afterAuthor: string, afterId: string, limit: number): Promise<CorpusRow[]> {
  return rows(db, corpusByAuthorPageQuery(networkId, afterAuthor, afterId, limit));
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'corpus size of a network', query: corpusSizeQuery(1) },
  { name: 'a page of the corpus by id', query: corpusPageQuery(1, '0', 5000) },
  { name: 'a page of the corpus by author, then id', query: corpusByAuthorPageQuery(1, '42', '1234', 5000) },
];
