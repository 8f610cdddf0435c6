import type { EntityManager } from 'typeorm';
import { CONTRIBUTION_KINDS_SQL, IN_SCOPE, LEADERS_CTE, Scope, windowParams } from '../indicator-scope';

export interface ConcentrationRow {
  contributors: number;
  contributions: number;
  /** Σᵢ (2i − n − 1)·c₍ᵢ₎ over counts sorted ascending: gini = this / (n · contributions). */
  giniNumerator: number;
  topDecileContributions: number;
  busFactor: number;
  leaderContributions: number;
}

/**
 * SPEC §3.4 over the contributors of the window and their contribution counts c₁…cₙ.
 * gini = Σᵢ Σⱼ |cᵢ − cⱼ| / (2 n² · mean), computed in one pass with the sorted-sum identity
 * Σᵢ Σⱼ |cᵢ − cⱼ| = 2 Σᵢ (2i − n − 1) c₍ᵢ₎ (c sorted ascending, i from 1), so gini =
 * Σᵢ (2i − n − 1) c₍ᵢ₎ / (n · Σ c). top10PercentShare uses the top ⌈0.1 n⌉ contributors; busFactor is
 * the smallest k whose top-k hold ≥ 50 % of contributions; leader contributions are those whose
 * author leads the group they were made in.
 */
export async function concentration(db: EntityManager, scope: Scope): Promise<ConcentrationRow> {
  const [row] = await db.query(
    `WITH ${LEADERS_CTE}, counts AS (
       SELECT a.author_id, count(*) AS c, count(ld.member_id) AS leader_c
       FROM activities a LEFT JOIN leaders ld ON ld.group_id = a.group_id AND ld.member_id = a.author_id
       WHERE ${IN_SCOPE} AND a.kind IN ${CONTRIBUTION_KINDS_SQL}
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
            coalesce(sum((2 * asc_rank - n - 1) * c), 0)::float8 AS "giniNumerator",
            coalesce(sum(c) FILTER (WHERE desc_rank <= ceil(0.1 * n)), 0)::int AS "topDecileContributions",
            coalesce(min(desc_rank) FILTER (WHERE 2 * cumulative >= total), 0)::int AS "busFactor",
            coalesce(sum(leader_c), 0)::int AS "leaderContributions"
     FROM ranked`,
    windowParams(scope),
  );
  return row;
}
