import type { DataSource } from 'typeorm';

/**
 * Everything stored for a network, read with plain SQL independent of the service's read code and
 * expressed in client identifiers only (no surrogate ids, no ingestion timestamps), so states reached
 * through different arrival orders can be compared with toEqual. `strip` removes a per-network prefix
 * from member ids (members are org-wide, so each network under test uses its own).
 */
export async function storedState(db: DataSource, networkKey: string, strip = '') {
  const [{ id: networkId }] = await db.query(`SELECT id FROM networks WHERE key = $1`, [networkKey]);
  const un = (s: string | null) => (s === null ? null : s.startsWith(strip) ? s.slice(strip.length) : s);
  const activities = await db.query(
    `SELECT a.external_id, a.kind, m.external_id AS author, g.external_id AS grp, a.parent_external_id, p.external_id AS parent_link,
            r.external_id AS root, a.occurred_at, a.text, a.tags, a.reaction, a.deleted_at IS NOT NULL AS deleted
     FROM activities a
     LEFT JOIN members m ON m.id = a.author_id
     LEFT JOIN groups g ON g.network_id = a.network_id AND g.id = a.group_id
     LEFT JOIN activities p ON p.network_id = a.network_id AND p.id = a.parent_id
     LEFT JOIN activities r ON r.network_id = a.network_id AND r.id = a.root_id
     WHERE a.network_id = $1 ORDER BY a.external_id`,
    [networkId],
  );
  const groups = await db.query(
    `SELECT external_id, name, visibility, source_created_at, is_placeholder FROM groups WHERE network_id = $1 ORDER BY external_id`,
    [networkId],
  );
  const memberships = await db.query(
    `SELECT g.external_id AS grp, m.external_id AS member, ms.role, ms.is_declared_leader, ms.has_record, ms.joined_at, ms.left_at
     FROM memberships ms JOIN groups g ON g.network_id = ms.network_id AND g.id = ms.group_id JOIN members m ON m.id = ms.member_id
     WHERE ms.network_id = $1 ORDER BY 1, 2`,
    [networkId],
  );
  const members = await db.query(
    `SELECT m.external_id, m.display_name, m.email, m.department, m.site, m.job_title, m.joined_at, m.is_placeholder,
            EXISTS (SELECT 1 FROM network_members nm WHERE nm.network_id = $1 AND nm.member_id = m.id) AS in_network
     FROM members m
     WHERE m.id IN (SELECT member_id FROM network_members WHERE network_id = $1
                    UNION SELECT author_id FROM activities WHERE network_id = $1
                    UNION SELECT member_id FROM memberships WHERE network_id = $1)
     ORDER BY m.external_id`,
    [networkId],
  );
  return {
    activities: activities.map((a: Record<string, unknown>) => ({ ...a, author: un(a.author as string | null) })),
    groups,
    memberships: memberships.map((m: Record<string, unknown>) => ({ ...m, member: un(m.member as string) })),
    members: members.map((m: Record<string, unknown>) => ({ ...m, external_id: un(m.external_id as string) })),
  };
}
