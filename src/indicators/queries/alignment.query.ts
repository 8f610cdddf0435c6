import type { EntityManager } from 'typeorm';
import type { Granularity } from '../dto/indicator-query.dto';
import { CONTRIBUTION_KINDS_SQL, Scope, SCOPED_ACTIVITIES, windowParams } from '../indicator-scope';

/**
 * CTE `m(activity_id, keyword_id, objective_id, occurred_at, group_id)`: the keyword matches of the
 * scope's contributions in [from, to) — $1 network, $2 from, $3 to, $4 group ids or null, $5
 * department or null — restricted to active objectives that apply to the network. Matches are
 * written at ingestion for live contributions only (src/alignment/keyword-matches.ts), so no
 * activity row is read here.
 */
const SCOPED_MATCHES_CTE = `m AS MATERIALIZED (
  SELECT km.activity_id, km.keyword_id, k.objective_id, km.occurred_at, km.group_id
  FROM keyword_matches km
  JOIN objective_keywords k ON k.id = km.keyword_id
  JOIN objectives o ON o.id = k.objective_id AND o.active AND (o.network_ids IS NULL OR $1 = ANY(o.network_ids))
  WHERE km.network_id = $1 AND km.occurred_at >= $2 AND km.occurred_at < $3
    AND ($4::bigint[] IS NULL OR km.group_id = ANY($4::bigint[]))
    AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM members mm WHERE mm.id = km.author_id AND mm.department = $5))
)`;

export interface AlignmentMatchCounts {
  /** Contributions matching ≥ 1 keyword of ≥ 1 active objective that applies to the network. */
  alignedContributions: number;
  /** objective id → contributions matching ≥ 1 of its keywords. */
  byObjective: Map<number, number>;
  /** keyword id → contributions matching it. */
  byKeyword: Map<number, number>;
}

/**
 * SPEC §3.6 numerators over a scope: `alignedContributions`, and per objective and per keyword the
 * contributions that match. A contribution counts once per keyword, once per objective and once in
 * the total, whatever the number of places (text, tags) where a keyword occurs. The denominator,
 * `contributions`, is the §3.1 count of the same scope (activity.query.ts).
 */
export async function alignmentMatchCounts(db: EntityManager, scope: Scope): Promise<AlignmentMatchCounts> {
  const rows: { level: 'all' | 'objective' | 'keyword'; id: number | null; n: number }[] = await db.query(
    `WITH ${SCOPED_MATCHES_CTE}
     SELECT 'all' AS level, NULL::integer AS id, count(DISTINCT activity_id)::int AS n FROM m
     UNION ALL SELECT 'objective', objective_id, count(DISTINCT activity_id)::int FROM m GROUP BY objective_id
     UNION ALL SELECT 'keyword', keyword_id, count(*)::int FROM m GROUP BY keyword_id`,
    windowParams(scope),
  );
  return {
    alignedContributions: rows.find((r) => r.level === 'all')?.n ?? 0,
    byObjective: new Map(rows.filter((r) => r.level === 'objective').map((r) => [r.id as number, r.n])),
    byKeyword: new Map(rows.filter((r) => r.level === 'keyword').map((r) => [r.id as number, r.n])),
  };
}

/** Aligned contributions per bucket start (network time zone, as activitySeries cuts them), ISO string → count. */
export async function alignedSeries(db: EntityManager, scope: Scope, granularity: Granularity): Promise<Map<string, number>> {
  const rows: { start: Date; n: number }[] = await db.query(
    `WITH ${SCOPED_MATCHES_CTE}
     SELECT date_trunc($7, occurred_at AT TIME ZONE $6) AT TIME ZONE $6 AS start, count(DISTINCT activity_id)::int AS n
     FROM m GROUP BY 1`,
    [...windowParams(scope), scope.timezone, granularity],
  );
  return new Map(rows.map((r) => [new Date(r.start).toISOString(), r.n]));
}

/** Aligned contributions per group of the network (group id → count); activities without a group are left out. */
export async function alignedByGroup(db: EntityManager, scope: Scope): Promise<Map<string, number>> {
  const rows: { group_id: string; n: number }[] = await db.query(
    `WITH ${SCOPED_MATCHES_CTE}
     SELECT group_id::text, count(DISTINCT activity_id)::int AS n FROM m WHERE group_id IS NOT NULL GROUP BY group_id`,
    windowParams(scope),
  );
  return new Map(rows.map((r) => [r.group_id, r.n]));
}

/** The active objectives that apply to the network, with their keywords in declared order. */
export async function objectivesInForce(
  db: EntityManager,
  networkId: number,
): Promise<{ id: number; key: string; name: string; rematchState: string; keywords: { id: number; term: string; weight: number }[] }[]> {
  const rows: { id: number; key: string; name: string; rematch_state: string; keyword_id: number; term: string; weight: number }[] = await db.query(
    `SELECT o.id, o.key, o.name, o.rematch_state, k.id AS keyword_id, k.term, k.weight
     FROM objectives o JOIN objective_keywords k ON k.objective_id = o.id
     WHERE o.active AND (o.network_ids IS NULL OR $1 = ANY(o.network_ids))
     ORDER BY o.key COLLATE "C", k.position`,
    [networkId],
  );
  const byId = new Map<number, { id: number; key: string; name: string; rematchState: string; keywords: { id: number; term: string; weight: number }[] }>();
  for (const r of rows) {
    const o = byId.get(r.id) ?? { id: r.id, key: r.key, name: r.name, rematchState: r.rematch_state, keywords: [] };
    o.keywords.push({ id: r.keyword_id, term: r.term, weight: Number(r.weight) });
    byId.set(r.id, o);
  }
  return [...byId.values()];
}

/** alignedContributions alone, for comparison rows. */
export async function alignedContributions(db: EntityManager, scope: Scope): Promise<number> {
  const [row]: { n: number }[] = await db.query(`WITH ${SCOPED_MATCHES_CTE} SELECT count(DISTINCT activity_id)::int AS n FROM m`, windowParams(scope));
  return row.n;
}

/** Contributions per group of the scope (group id → count): the denominators of the drift rows. */
export async function contributionsByGroup(db: EntityManager, scope: Scope): Promise<Map<string, number>> {
  const rows: { group_id: string; n: number }[] = await db.query(
    `SELECT a.group_id::text, count(*)::int AS n FROM ${SCOPED_ACTIVITIES} AND a.kind IN ${CONTRIBUTION_KINDS_SQL} AND a.group_id IS NOT NULL GROUP BY a.group_id`,
    windowParams(scope),
  );
  return new Map(rows.map((r) => [r.group_id, r.n]));
}
