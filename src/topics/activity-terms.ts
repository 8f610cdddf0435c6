import type { EntityManager } from 'typeorm';
import { execute, sql, SqlExample } from '../database/sql';
import { isContribution } from '../ingestion/activity.entity';
import { termsOf } from '../common/text/terms';

/** What term indexing needs of a written activity (ids as PostgreSQL returns bigints: strings). */
export interface TermSourceActivity {
  id: string;
  kind: string | null;
  text: string | null;
  tags: string[] | null;
  deleted: boolean;
}

/**
 * Rewrites the `activity_terms` rows of these activities (migration ActivityTerms): their old rows go,
 * and every live contribution gets one row per term of its text and tags (termsOf: one per term key,
 * the first form written, whether a tag holds it). Called by the ingestion transaction for every activity it inserts or
 * changes, and by the terms-index job for activities stored before the table existed; the caller
 * holds the network's write lock (NETWORK_WRITE_LOCK). Returns the number of rows written.
 */
export async function rewriteTerms(db: EntityManager, networkId: number, activities: readonly TermSourceActivity[]): Promise<number> {
  if (activities.length === 0) return 0;
  await execute(
    db,
    deleteActivityTermsQuery(
      networkId,
      activities.map((a) => a.id),
    ),
  );
  const terms: ActivityTermRow[] = [];
  for (const a of activities) {
    if (a.deleted || !isContribution(a.kind)) continue;
    for (const { key, form, inTag } of termsOf(a.text, a.tags)) terms.push({ activityId: a.id, term: key, form, inTag });
  }
  if (terms.length === 0) return 0;
  await execute(db, insertTermsQuery(networkId, terms));
  return terms.length;
}

interface ActivityTermRow {
  activityId: string;
  term: string;
  form: string;
  inTag: boolean;
}

/** The term rows of some activities (by id) go. */
export function deleteActivityTermsQuery(networkId: number, activityIds: string[]) {
  return sql`DELETE FROM activity_terms t USING unnest(${activityIds}::bigint[]) AS a(id) WHERE t.network_id = ${networkId} AND t.activity_id = a.id`;
}

/** One `activity_terms` row per (activity, term), the batch sent as one array per column. */
export function insertTermsQuery(networkId: number, terms: ActivityTermRow[]) {
  return sql`INSERT INTO activity_terms (network_id, activity_id, term, form, in_tag)
     SELECT ${networkId}, t.* FROM unnest(${terms.map((t) => t.activityId)}::bigint[], ${terms.map((t) => t.term)}::text[], ${terms.map((t) => t.form)}::text[], ${terms.map((t) => t.inTag)}::boolean[]) AS t`;
}

/** Removes the term rows of activities deleted by externalId (tombstoned). */
export async function deleteTermsOf(db: EntityManager, networkId: number, externalIds: string[]): Promise<void> {
  if (externalIds.length === 0) return;
  await execute(db, deleteTermsOfQuery(networkId, externalIds));
}

export function deleteTermsOfQuery(networkId: number, externalIds: string[]) {
  return sql`DELETE FROM activity_terms t USING activities a
     WHERE a.network_id = ${networkId} AND a.external_id = ANY(${externalIds}::text[]) AND t.network_id = ${networkId} AND t.activity_id = a.id`;
}

/** Removes the term rows of a member's activities (GDPR erasure: terms are words of their texts). */
export function deleteTermsOfAuthorQuery(memberId: string) {
  return sql`DELETE FROM activity_terms t USING activities a WHERE a.author_id = ${memberId} AND t.network_id = a.network_id AND t.activity_id = a.id`;
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'old terms of a batch of activities go (ingestion, terms-index job)', query: deleteActivityTermsQuery(1, ['1001', '1002']) },
  {
    name: 'terms of a batch',
    query: insertTermsQuery(1, [
      { activityId: '1001', term: 'vpn', form: 'vpn', inTag: true },
      { activityId: '1001', term: 'coup', form: 'coupé', inTag: false },
    ]),
  },
  { name: 'terms of tombstoned activities go', query: deleteTermsOfQuery(1, ['post-17']) },
  { name: 'terms of an erased member go', query: deleteTermsOfAuthorQuery('42') },
];
