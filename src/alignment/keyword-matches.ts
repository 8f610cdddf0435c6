import type { EntityManager } from 'typeorm';
import { execute, rows, sql, SqlExample } from '../database/sql';
import { isContribution } from '../ingestion/activity.entity';
import { KeywordMatcher } from '../common/text/keyword-matcher';

/** What matching needs of an activity (ids as PostgreSQL returns bigints: strings). */
export interface MatchableActivity {
  id: string;
  kind: string | null;
  text: string | null;
  tags: string[] | null;
  occurredAt: string | Date | null;
  groupId: string | null;
  authorId: string | null;
  deleted: boolean;
}

/**
 * The keywords of the objectives that apply to a network (all of them, active or not: switching
 * `active` then needs no re-matching), or of one objective only.
 */
export async function loadMatcher(db: EntityManager, networkId: number, objectiveId?: number): Promise<KeywordMatcher> {
  return new KeywordMatcher(await rows(db, matcherKeywordsQuery(networkId, objectiveId ?? null)));
}

export function matcherKeywordsQuery(networkId: number, objectiveId: number | null) {
  return sql<{ id: number; tokens: string }>`SELECT k.id, k.tokens FROM objective_keywords k JOIN objectives o ON o.id = k.objective_id
     WHERE (o.network_ids IS NULL OR ${networkId} = ANY(o.network_ids))${objectiveId === null ? sql`` : sql` AND o.id = ${objectiveId}`}`;
}

/**
 * Rewrites the `keyword_matches` rows of these activities for the matcher's keywords: their old rows
 * go, and every live contribution gets one row per keyword it matches. The caller holds the network's
 * write lock (NETWORK_WRITE_LOCK), so no other writer changes these activities meanwhile.
 * `onlyKeywords` limits the delete to one objective's keywords (the re-match job); otherwise every
 * row of the activities goes, which is right because the matcher then holds every keyword that can
 * have rows in this network.
 */
export async function rewriteMatches(
  db: EntityManager,
  networkId: number,
  activities: readonly MatchableActivity[],
  matcher: KeywordMatcher,
  onlyKeywords: number[] | null = null,
): Promise<number> {
  if (activities.length === 0 || matcher.isEmpty) return 0;
  // joined to the ids so that the primary key is probed per activity: with `keyword_id = ANY(…)` in
  // the condition the planner preferred the keyword index, which scans every match of the keyword
  // (a re-match of 6 M activities slowed from 20 000 to 3 000 per second as the matches grew)
  await execute(
    db,
    deleteActivityMatchesQuery(
      networkId,
      activities.map((a) => a.id),
      onlyKeywords,
    ),
  );
  const matches: { activity: MatchableActivity; keywordId: number }[] = [];
  for (const a of activities) {
    if (a.deleted || !isContribution(a.kind)) continue;
    for (const keywordId of matcher.match(a.text, a.tags)) matches.push({ activity: a, keywordId });
  }
  if (matches.length === 0) return 0;
  await execute(db, insertMatchesQuery(networkId, matches));
  return matches.length;
}

/** The matches of the activities (`activityIds`) go, all of them or those of `onlyKeywords`. */
export function deleteActivityMatchesQuery(networkId: number, activityIds: string[], onlyKeywords: number[] | null) {
  return sql`DELETE FROM keyword_matches km USING unnest(${activityIds}::bigint[]) AS a(id)
     WHERE km.network_id = ${networkId} AND km.activity_id = a.id${onlyKeywords === null ? sql`` : sql` AND km.keyword_id + 0 = ANY(${onlyKeywords}::integer[])`}`;
}

/** One `keyword_matches` row per match, the batch sent as one array per column. */
export function insertMatchesQuery(networkId: number, matches: { activity: MatchableActivity; keywordId: number }[]) {
  return sql`INSERT INTO keyword_matches (network_id, activity_id, keyword_id, occurred_at, group_id, author_id)
     SELECT ${networkId}, t.* FROM unnest(${matches.map((r) => r.activity.id)}::bigint[], ${matches.map((r) => r.keywordId)}::integer[], ${matches.map((r) => r.activity.occurredAt)}::timestamptz[], ${matches.map((r) => r.activity.groupId)}::bigint[], ${matches.map((r) => r.activity.authorId)}::bigint[]) AS t`;
}

/** Removes the matches of activities deleted by externalId (tombstoned). */
export async function deleteMatchesOf(db: EntityManager, networkId: number, externalIds: string[]): Promise<void> {
  if (externalIds.length === 0) return;
  await execute(db, deleteMatchesOfQuery(networkId, externalIds));
}

export function deleteMatchesOfQuery(networkId: number, externalIds: string[]) {
  return sql`DELETE FROM keyword_matches km USING activities a
     WHERE a.network_id = ${networkId} AND a.external_id = ANY(${externalIds}::text[]) AND km.network_id = ${networkId} AND km.activity_id = a.id`;
}

const EXAMPLE_ACTIVITY: MatchableActivity = {
  id: '1001',
  kind: 'post',
  text: 'Cloud migration plan',
  tags: ['cloud'],
  occurredAt: new Date('2026-03-02T09:00:00Z'),
  groupId: '7',
  authorId: '42',
  deleted: false,
};
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'keywords of the objectives applying to a network (ingestion)', query: matcherKeywordsQuery(1, null) },
  { name: 'keywords of one objective applying to a network (re-match job)', query: matcherKeywordsQuery(1, 3) },
  { name: 'old matches of a batch of activities go (ingestion)', query: deleteActivityMatchesQuery(1, ['1001', '1002'], null) },
  { name: 'old matches of a batch of activities for one objective go (re-match job)', query: deleteActivityMatchesQuery(1, ['1001', '1002'], [11, 12]) },
  {
    name: 'new matches of a batch',
    query: insertMatchesQuery(1, [
      { activity: EXAMPLE_ACTIVITY, keywordId: 11 },
      { activity: { ...EXAMPLE_ACTIVITY, id: '1002', groupId: null }, keywordId: 12 },
    ]),
  },
  { name: 'matches of tombstoned activities go', query: deleteMatchesOfQuery(1, ['post-17']) },
];
