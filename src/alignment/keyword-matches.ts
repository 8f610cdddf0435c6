import type { EntityManager } from 'typeorm';
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
  const keywords: { id: number; tokens: string }[] = await db.query(
    `SELECT k.id, k.tokens FROM objective_keywords k JOIN objectives o ON o.id = k.objective_id
     WHERE (o.network_ids IS NULL OR $1 = ANY(o.network_ids)) AND ($2::integer IS NULL OR o.id = $2)`,
    [networkId, objectiveId ?? null],
  );
  return new KeywordMatcher(keywords);
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
  await db.query(
    `DELETE FROM keyword_matches km USING unnest($2::bigint[]) AS a(id)
     WHERE km.network_id = $1 AND km.activity_id = a.id AND ($3::integer[] IS NULL OR km.keyword_id + 0 = ANY($3::integer[]))`,
    [networkId, activities.map((a) => a.id), onlyKeywords],
  );
  const rows: { activity: MatchableActivity; keywordId: number }[] = [];
  for (const a of activities) {
    if (a.deleted || !isContribution(a.kind)) continue;
    for (const keywordId of matcher.match(a.text, a.tags)) rows.push({ activity: a, keywordId });
  }
  if (rows.length === 0) return 0;
  await db.query(
    `INSERT INTO keyword_matches (network_id, activity_id, keyword_id, occurred_at, group_id, author_id)
     SELECT $1, t.* FROM unnest($2::bigint[], $3::integer[], $4::timestamptz[], $5::bigint[], $6::bigint[]) AS t`,
    [
      networkId,
      rows.map((r) => r.activity.id),
      rows.map((r) => r.keywordId),
      rows.map((r) => r.activity.occurredAt),
      rows.map((r) => r.activity.groupId),
      rows.map((r) => r.activity.authorId),
    ],
  );
  return rows.length;
}

/** Removes the matches of activities deleted by externalId (tombstoned). */
export async function deleteMatchesOf(db: EntityManager, networkId: number, externalIds: string[]): Promise<void> {
  if (externalIds.length === 0) return;
  await db.query(
    `DELETE FROM keyword_matches km USING activities a
     WHERE a.network_id = $1 AND a.external_id = ANY($2::text[]) AND km.network_id = $1 AND km.activity_id = a.id`,
    [networkId, externalIds],
  );
}
