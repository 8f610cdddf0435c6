import type { EntityManager } from 'typeorm';
import { NotFound } from '../common/errors/domain-errors';
import { memberInNetworksSql, networkLimit, Principal } from '../governance/principal';

export interface MemberRow {
  id: string;
  external_id: string;
  display_name: string | null;
  department: string | null;
  site: string | null;
  job_title: string | null;
}

/**
 * An org-wide member the key may read: any member for unscoped keys, a member ingested through one
 * of its networks for a key limited to networks; otherwise 404 (not 403: whether a member exists
 * elsewhere is not the key's business).
 */
export async function requireMember(db: EntityManager, principal: Principal, externalId: string): Promise<MemberRow> {
  const [row]: MemberRow[] = await db.query(
    `SELECT m.id::text, m.external_id, m.display_name, m.department, m.site, m.job_title FROM members m
     WHERE m.external_id = $1
       AND ${memberInNetworksSql('m.id', '$2')}`,
    [externalId, networkLimit(principal)],
  );
  if (!row) throw new NotFound(`No member with externalId "${externalId}"`);
  return row;
}

/**
 * SQL condition on network id column `column` for the networks a key may read ($n: the key's network
 * keys or null).
 */
export const readableNetwork = (column: string, param: string) =>
  `(${param}::text[] IS NULL OR ${column} IN (SELECT id FROM networks WHERE key = ANY(${param}::text[])))`;

/** Current generation of the people index: join `people_index_runs r` on this. */
export const CURRENT_GENERATION = (alias: string) => `JOIN people_index_runs r ON r.network_id = ${alias}.network_id AND r.generation = ${alias}.generation`;
