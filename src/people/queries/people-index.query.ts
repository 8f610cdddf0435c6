import type { EntityManager } from 'typeorm';
import { arrayLiteral, execute, fragment, row, rows, sql, SqlExample } from '../../database/sql';

/**
 * The statements of a people-index run (src/people/people-index.service.ts): where a run starts, the
 * rows it writes as a new generation beside the current one, the switch to it and the clean-up.
 */

/** The tables a run writes, one generation at a time. */
export const INDEX_TABLES = ['thread_topics', 'member_interests', 'member_topic_evidence', 'animator_scores', 'topic_labels'] as const;
export type IndexTable = (typeof INDEX_TABLES)[number];

export interface RunStartRow {
  now: Date;
  generation: number;
  lastActivityId: string | null;
  /** Whether the network's terms are indexed (activity_terms): the run then reads them instead of stemming every text again. */
  termsIndexed: boolean;
}

/** The run's clock, the generation it writes (the current one + 1), the newest activity it covers and whether terms are indexed. */
export function runStartQuery(networkId: number) {
  return sql<RunStartRow>`SELECT now() AS now, coalesce((SELECT generation FROM people_index_runs WHERE network_id = ${networkId}), 0) + 1 AS generation,
              (SELECT max(id)::text FROM activities WHERE network_id = ${networkId}) AS last_activity_id,
              coalesce((SELECT terms_indexed FROM networks WHERE id = ${networkId}), false) AS terms_indexed`;
}

export const runStart = (db: EntityManager, networkId: number): Promise<RunStartRow> => row(db, runStartQuery(networkId));

/** Deletes a table's rows of one generation (`keep`: false) or of every other generation (`keep`: true). */
export function deleteGenerationQuery(table: IndexTable, networkId: number, generation: number, keep: boolean) {
  return sql`DELETE FROM ${fragment(table)} WHERE network_id = ${networkId} AND generation ${fragment(keep ? '<>' : '=')} ${generation}`;
}

export async function deleteGeneration(db: EntityManager, table: IndexTable, networkId: number, generation: number, keep: boolean): Promise<void> {
  await execute(db, deleteGenerationQuery(table, networkId, generation, keep));
}

/** Fresh planner statistics for a table (the embedded database has no autovacuum). */
export async function analyze(db: EntityManager, table: IndexTable): Promise<void> {
  await execute(db, sql`ANALYZE ${fragment(table)}`);
}

/** Every declared topic (any member), once per SPEC §3.6 key, with its first written form. */
export function declaredTopicKeysQuery() {
  return sql<{ topicKey: string; topic: string }>`SELECT DISTINCT ON (topic_key) topic_key, topic FROM profile_topics ORDER BY topic_key, topic`;
}

export const declaredTopicKeys = (db: EntityManager) => rows(db, declaredTopicKeysQuery());

export interface ThreadTopic {
  root: string;
  key: string;
  fromTag: boolean;
}

export function insertThreadTopicsQuery(networkId: number, generation: number, topics: readonly ThreadTopic[]) {
  return sql`INSERT INTO thread_topics (network_id, generation, root_id, topic_key, from_tag)
     SELECT ${networkId}::int, ${generation}::int, t.*
     FROM unnest(${topics.map((t) => t.root)}::bigint[], ${topics.map((t) => t.key)}::text[], ${topics.map((t) => t.fromTag)}::boolean[]) AS t`;
}

export async function insertThreadTopics(db: EntityManager, networkId: number, generation: number, topics: readonly ThreadTopic[]): Promise<void> {
  await execute(db, insertThreadTopicsQuery(networkId, generation, topics));
}

export interface InterestRow {
  member: string;
  key: string;
  term: string;
  /** The SPEC §3.6 key of the term as written. */
  topicKey: string;
  weight: number;
  activities: string[];
  rank: number;
}

/** Inferred interests; each row's supporting activities travel as one array literal (arrayLiteral). */
export function insertInterestsQuery(networkId: number, generation: number, interests: readonly InterestRow[]) {
  return sql`INSERT INTO member_interests (network_id, generation, member_id, term_key, term, topic_key, weight, activity_ids, rank)
     SELECT ${networkId}::int, ${generation}::int, t.member, t.key, t.term, t.topic, t.weight, t.activities::text[], t.rank
     FROM unnest(${interests.map((r) => r.member)}::bigint[], ${interests.map((r) => r.key)}::text[], ${interests.map((r) => r.term)}::text[],
                 ${interests.map((r) => r.topicKey)}::text[], ${interests.map((r) => r.weight)}::float8[], ${interests.map((r) => arrayLiteral(r.activities))}::text[],
                 ${interests.map((r) => r.rank)}::smallint[]) AS t(member, key, term, topic, weight, activities, rank)`;
}

export async function insertInterests(db: EntityManager, networkId: number, generation: number, interests: readonly InterestRow[]): Promise<void> {
  await execute(db, insertInterestsQuery(networkId, generation, interests));
}

export interface AnimatorScoreRow {
  memberId: string;
  peopleHelped: number;
  departmentsReached: number;
  groups: string[];
  acceptedAnswers: number;
  medianFirstResponse: number | string | null;
  centrality: number;
  score: number;
}

/** Animator signals and scores; each row's groups travel as one array literal (arrayLiteral). */
export function insertAnimatorScoresQuery(networkId: number, generation: number, scores: readonly AnimatorScoreRow[]) {
  return sql`INSERT INTO animator_scores (network_id, generation, member_id, people_helped, departments_reached, groups, accepted_answers, median_first_response, centrality, score)
     SELECT ${networkId}::int, ${generation}::int, t.member, t.helped, t.departments, t.groups::bigint[], t.accepted, t.median, t.centrality, t.score
     FROM unnest(${scores.map((r) => r.memberId)}::bigint[], ${scores.map((r) => r.peopleHelped)}::int[], ${scores.map((r) => r.departmentsReached)}::int[],
                 ${scores.map((r) => arrayLiteral(r.groups))}::text[], ${scores.map((r) => r.acceptedAnswers)}::int[], ${scores.map((r) => r.medianFirstResponse)}::float8[],
                 ${scores.map((r) => r.centrality)}::float8[], ${scores.map((r) => r.score)}::float8[]) AS t(member, helped, departments, groups, accepted, median, centrality, score)`;
}

export async function insertAnimatorScores(db: EntityManager, networkId: number, generation: number, scores: readonly AnimatorScoreRow[]): Promise<void> {
  await execute(db, insertAnimatorScoresQuery(networkId, generation, scores));
}

export function insertTopicLabelsQuery(networkId: number, generation: number, labels: readonly { key: string; label: string }[]) {
  return sql`INSERT INTO topic_labels (network_id, generation, topic_key, label)
     SELECT ${networkId}::int, ${generation}::int, t.* FROM unnest(${labels.map((l) => l.key)}::text[], ${labels.map((l) => l.label)}::text[]) AS t`;
}

export async function insertTopicLabels(
  db: EntityManager,
  networkId: number,
  generation: number,
  labels: readonly { key: string; label: string }[],
): Promise<void> {
  await execute(db, insertTopicLabelsQuery(networkId, generation, labels));
}

export interface IndexRunRow {
  networkId: number;
  generation: number;
  computedAt: Date;
  durationMs: number;
  contributions: number;
  threads: number;
  membersWithInterests: number;
  animatorCandidates: number;
  lastActivityId: string | null;
}

/** Makes the run's generation the current one of its network, with its figures. */
export function switchGenerationQuery(run: IndexRunRow) {
  return sql`INSERT INTO people_index_runs (network_id, generation, computed_at, duration_ms, contributions, threads, members_with_interests, animator_candidates, last_activity_id)
         VALUES (${run.networkId}, ${run.generation}, ${run.computedAt}, ${run.durationMs}, ${run.contributions}, ${run.threads}, ${run.membersWithInterests},
                 ${run.animatorCandidates}, ${run.lastActivityId})
         ON CONFLICT (network_id) DO UPDATE SET generation = excluded.generation, computed_at = excluded.computed_at, duration_ms = excluded.duration_ms,
           contributions = excluded.contributions, threads = excluded.threads, members_with_interests = excluded.members_with_interests,
           animator_candidates = excluded.animator_candidates, last_activity_id = excluded.last_activity_id`;
}

export async function switchGeneration(db: EntityManager, run: IndexRunRow): Promise<void> {
  await execute(db, switchGenerationQuery(run));
}

/** The figures of a network's current run. */
export function currentRunQuery(networkId: number) {
  return sql<
    Omit<IndexRunRow, 'networkId' | 'generation' | 'lastActivityId'>
  >`SELECT computed_at, duration_ms, contributions, threads, members_with_interests, animator_candidates
     FROM people_index_runs WHERE network_id = ${networkId}`;
}

export const currentRun = (db: EntityManager, networkId: number) => row(db, currentRunQuery(networkId));

/** Networks whose activities or profiles changed since their last run (or never indexed). */
export function staleNetworksQuery() {
  return sql<{ id: number }>`SELECT n.id FROM networks n LEFT JOIN people_index_runs r ON r.network_id = n.id
         WHERE r.network_id IS NULL
            OR (SELECT max(a.id) FROM activities a WHERE a.network_id = n.id) IS DISTINCT FROM r.last_activity_id
            OR (SELECT max(p.updated_at) FROM member_profiles p) > r.computed_at
         ORDER BY n.id`;
}

export const staleNetworks = (db: EntityManager) => rows(db, staleNetworksQuery());

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'start of a run', query: runStartQuery(1) },
  { name: 'rows of an unfinished earlier run of this generation', query: deleteGenerationQuery('member_interests', 1, 2, false) },
  { name: 'rows of the other generations, after the switch', query: deleteGenerationQuery('member_interests', 1, 2, true) },
  { name: 'declared topics', query: declaredTopicKeysQuery() },
  { name: 'thread topics', query: insertThreadTopicsQuery(1, 2, [{ root: '10', key: 'cybersecurite', fromTag: true }]) },
  {
    name: 'inferred interests',
    query: insertInterestsQuery(1, 2, [{ member: '42', key: 'cyber', term: 'cyber', topicKey: 'cyber', weight: 6.9, activities: ['a1', 'a "2"'], rank: 1 }]),
  },
  {
    name: 'animator scores',
    query: insertAnimatorScoresQuery(1, 2, [
      { memberId: '42', peopleHelped: 4, departmentsReached: 2, groups: ['7', '9'], acceptedAnswers: 1, medianFirstResponse: 1800, centrality: 0.6, score: 1 },
    ]),
  },
  { name: 'topic labels', query: insertTopicLabelsQuery(1, 2, [{ key: 'cybersecurite', label: 'Cybersécurité' }]) },
  {
    name: 'switch to the new generation',
    query: switchGenerationQuery({
      networkId: 1,
      generation: 2,
      computedAt: new Date('2026-03-29T00:00:00Z'),
      durationMs: 1200,
      contributions: 100,
      threads: 20,
      membersWithInterests: 10,
      animatorCandidates: 5,
      lastActivityId: '1234',
    }),
  },
  { name: 'figures of the current run', query: currentRunQuery(1) },
  { name: 'networks to refresh', query: staleNetworksQuery() },
];
