import type { EntityManager } from 'typeorm';
import { CONTRIBUTION_KINDS_SQL } from '../../ingestion/activity.entity';
import { fragment, row, rows, sql, SqlExample } from '../../database/sql';
import { inScope, leadersCte, Scope, SQL_EXAMPLE_SCOPE } from '../indicator-scope';

export interface ConcentrationRow {
  contributors: number;
  contributions: number;
  /** Σᵢ (2i − n − 1)·c₍ᵢ₎ over counts sorted ascending: gini = this / (n · contributions). */
  giniNumerator: number;
  topDecileContributions: number;
  busFactor: number;
  leaderContributions: number;
}

/** The smallest k whose top-k contributors hold ≥ 50 % of contributions, over `ranked` rows (desc_rank, cumulative, total): one home for busFactor. */
const BUS_FACTOR = fragment('min(desc_rank) FILTER (WHERE 2 * cumulative >= total)');

/**
 * SPEC §3.4 over the contributors of the window and their contribution counts c₁…cₙ.
 * gini = Σᵢ Σⱼ |cᵢ − cⱼ| / (2 n² · mean), computed in one pass with the sorted-sum identity
 * Σᵢ Σⱼ |cᵢ − cⱼ| = 2 Σᵢ (2i − n − 1) c₍ᵢ₎ (c sorted ascending, i from 1), so gini =
 * Σᵢ (2i − n − 1) c₍ᵢ₎ / (n · Σ c). top10PercentShare uses the top ⌈0.1 n⌉ contributors; busFactor is
 * the smallest k whose top-k hold ≥ 50 % of contributions; leader contributions are those whose
 * author leads the group they were made in.
 */
export function concentrationQuery(scope: Scope) {
  return sql<ConcentrationRow>`WITH ${leadersCte(scope.networkId)}, counts AS (
       SELECT a.author_id, count(*) AS c, count(ld.member_id) AS leader_c
       FROM activities a LEFT JOIN leaders ld ON ld.group_id = a.group_id AND ld.member_id = a.author_id
       WHERE ${inScope(scope)} AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)}
       GROUP BY a.author_id
     ), ranked AS (
       SELECT c, leader_c,
              row_number() OVER (ORDER BY c ASC, author_id) AS asc_rank,
              row_number() OVER (ORDER BY c DESC, author_id) AS desc_rank,
              sum(c) OVER (ORDER BY c DESC, author_id ROWS UNBOUNDED PRECEDING) AS cumulative,
              count(*) OVER () AS n, sum(c) OVER () AS total
       FROM counts
     )
     SELECT count(*)::int AS contributors,
            coalesce(sum(c), 0)::int AS contributions,
            coalesce(sum((2 * asc_rank - n - 1) * c), 0)::float8 AS gini_numerator,
            coalesce(sum(c) FILTER (WHERE desc_rank <= ceil(0.1 * n)), 0)::int AS top_decile_contributions,
            coalesce(${BUS_FACTOR}, 0)::int AS bus_factor,
            coalesce(sum(leader_c), 0)::int AS leader_contributions
     FROM ranked`;
}

export function concentration(db: EntityManager, scope: Scope): Promise<ConcentrationRow> {
  return row(db, concentrationQuery(scope));
}

export interface GroupConcentrationRow {
  group: string;
  contributors: number;
  contributions: number;
  busFactor: number;
}

/**
 * SPEC §3.4 `contributors`, `contributions` and `busFactor` of every group of the network at once
 * (the scope's window; its group and department filters are not used): the same counts and the same
 * ranking as concentrationQuery with group=, partitioned by group in one scan of the window instead
 * of one query per group. Groups without contributions have no row (concentration's empty window:
 * contributors 0, busFactor 0). A test checks it against the endpoint.
 */
export function concentrationByGroupQuery(scope: Scope) {
  const network: Scope = { ...scope, groupIds: null, department: null };
  return sql<GroupConcentrationRow>`WITH counts AS (
       SELECT a.group_id, a.author_id, count(*) AS c
       FROM activities a
       WHERE ${inScope(network)} AND a.group_id IS NOT NULL AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)}
       GROUP BY a.group_id, a.author_id
     ), ranked AS (
       SELECT group_id, c,
              row_number() OVER (PARTITION BY group_id ORDER BY c DESC, author_id) AS desc_rank,
              sum(c) OVER (PARTITION BY group_id ORDER BY c DESC, author_id ROWS UNBOUNDED PRECEDING) AS cumulative,
              sum(c) OVER (PARTITION BY group_id) AS total
       FROM counts
     )
     SELECT g.external_id AS "group", count(*)::int AS contributors, sum(r.c)::int AS contributions, ${BUS_FACTOR}::int AS bus_factor
     FROM ranked r JOIN groups g ON g.network_id = ${scope.networkId} AND g.id = r.group_id
     GROUP BY g.external_id`;
}

export function concentrationByGroup(db: EntityManager, scope: Scope): Promise<GroupConcentrationRow[]> {
  return rows(db, concentrationByGroupQuery(scope));
}

const EXAMPLE_SCOPE = SQL_EXAMPLE_SCOPE;
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'concentration (network)', query: concentrationQuery(EXAMPLE_SCOPE) },
  { name: 'concentration (group and department)', query: concentrationQuery({ ...EXAMPLE_SCOPE, groupIds: ['7'], department: 'R&D' }) },
  { name: 'contributors, contributions and bus factor of every group', query: concentrationByGroupQuery(EXAMPLE_SCOPE) },
];
