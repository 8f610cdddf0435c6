import { RawBuilder, sql } from '../../database/sql';

/**
 * CTE `accepted(root_id, reply_id)`: for each thread of the network whose root id is in `roots` (SQL
 * returning root ids), its accepted reply — the live reply of the same thread named by the latest
 * live accept (SPEC §3.3).
 */
export function acceptedRepliesCte(networkId: number, roots: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`accepted AS (
  SELECT DISTINCT ON (acc.root_id) acc.root_id, rep.id AS reply_id
  FROM activities acc JOIN activities rep ON rep.network_id = acc.network_id AND rep.id = acc.parent_id AND rep.kind = 'reply' AND rep.deleted_at IS NULL AND rep.root_id = acc.root_id
  WHERE acc.network_id = ${networkId} AND acc.kind = 'accept' AND acc.deleted_at IS NULL AND acc.root_id IN (${roots})
  ORDER BY acc.root_id, acc.occurred_at DESC, acc.id DESC
)`;
}
