import type { EntityManager } from 'typeorm';
import { NotFound } from '../common/errors/domain-errors';
import { fragment, RawBuilder, rows, sql } from '../database/sql';
import { memberInNetworks, networkLimit, Principal } from '../governance/principal';

export interface MemberRow {
  id: string;
  externalId: string;
  displayName: string | null;
  department: string | null;
  site: string | null;
  jobTitle: string | null;
}

/**
 * An org-wide member the key may read: any member for unscoped keys, a member ingested through one
 * of its networks for a key limited to networks; otherwise 404 (not 403: whether a member exists
 * elsewhere is not the key's business).
 */
export async function requireMember(db: EntityManager, principal: Principal, externalId: string): Promise<MemberRow> {
  const [found] = await rows(
    db,
    sql<MemberRow>`SELECT m.id::text, m.external_id, m.display_name, m.department, m.site, m.job_title FROM members m
     WHERE m.external_id = ${externalId}
       AND ${memberInNetworks('m.id', networkLimit(principal))}`,
  );
  if (!found) throw new NotFound(`No member with externalId "${externalId}"`);
  return found;
}

/**
 * SQL condition on network id column `column` (trusted text, e.g. `e.network_id`) for the networks a
 * key may read (`networks`: the key's network keys, or null for every network).
 */
export const inReadableNetworks = (column: string, networks: readonly string[] | null): RawBuilder<unknown> =>
  networks === null ? sql`TRUE` : sql`${fragment(column)} IN (SELECT id FROM networks WHERE key = ANY(${[...networks]}::text[]))`;

/** Current generation of the people index: join `people_index_runs r` on this. */
export const CURRENT_GENERATION = (alias: string) => `JOIN people_index_runs r ON r.network_id = ${alias}.network_id AND r.generation = ${alias}.generation`;
