import type { EntityManager } from 'typeorm';
import { lockNetwork } from '../database/network-locks';
import { arrayLiteral, execute, fragment, rows, sql, SqlExample } from '../database/sql';
import { deleteMatchesOf, loadMatcher, MatchableActivity, rewriteMatches } from '../alignment/keyword-matches';
import { deleteTermsOf, rewriteTerms } from '../topics/activity-terms';
import { ActivityKind, ROOT_KINDS, ROOT_KINDS_SQL } from './activity.entity';
import type { ActivityDeletionRow, ActivityRow, GroupRow, MemberRow, MembershipRow, RecordRow } from './record-parser';

export type Outcome = 'inserted' | 'updated' | 'duplicate';
/** A record the writer refuses for who sends it (SPEC §4), reported with its line like a bad record. */
export interface Refusal {
  rejected: string;
}
export type WriteOutcome = Outcome | Refusal;

/**
 * SPEC §4: a key limited to networks may create members and add an existing member to its network,
 * but may not change a member who is not only in its networks (one who also belongs to another
 * network, or an org-wide member written in no network). Placeholders may be filled in.
 */
export const OUT_OF_SCOPE_MEMBER =
  'this key is limited to networks and this member also belongs to a network outside them (or was written org-wide): a limited key may add an existing member to its network with an unchanged record, but may not change the member';

interface OutcomeRow {
  key: string;
  existed: boolean;
  wasStub: boolean;
  written: boolean;
}

interface MemberOutcomeRow extends OutcomeRow {
  linked: boolean;
  refused: boolean;
}

interface KeyedId {
  id: string;
  externalId: string;
}

interface StoredActivity {
  externalId: string;
  id: string;
  kind: string | null;
  parentExternalId: string | null;
  rootId: string | null;
}

/** One activity row as the upsert writes it: ids and links resolved, texts already withheld for erased authors. */
export interface ActivityWrite {
  id: string | undefined;
  externalId: string;
  kind: ActivityKind;
  authorId: string | undefined;
  groupId: string | null | undefined;
  parentExternalId: string | null;
  parentId: string | null;
  rootId: string | null;
  occurredAt: Date;
  text: string | null;
  tags: string[] | null;
  reaction: string | null;
}

/** inserted: new, or only known as a placeholder/tombstone so far; updated: changed; duplicate: identical. */
function classify(row: OutcomeRow): Outcome {
  if (!row.existed || row.wasStub) return 'inserted';
  return row.written ? 'updated' : 'duplicate';
}

// The writer's statements. Lists travel as one array parameter per column, read back through unnest.

/**
 * Every CTE sees the same snapshot, so new members' ids come from `up` and existing ones from `old`.
 * `refused` (SPEC §4, only when the key is limited to networks, `scope` not null): the record would
 * change a member, not a placeholder, who is in no network or in one outside the key's networks. Such
 * a row is neither written nor joined to the network; the test is part of this one statement.
 */
function upsertMembersQuery(networkId: number | null, scope: string[] | null, members: MemberRow[]) {
  return sql<MemberOutcomeRow>`WITH input AS (
         SELECT * FROM unnest(${members.map((r) => r.externalId)}::text[], ${members.map((r) => r.displayName)}::text[], ${members.map((r) => r.email)}::text[], ${members.map((r) => r.department)}::text[], ${members.map((r) => r.site)}::text[], ${members.map((r) => r.jobTitle)}::text[], ${members.map((r) => r.joinedAt)}::timestamptz[])
           AS t(external_id, display_name, email, department, site, job_title, joined_at)
       ), old AS (
         SELECT m.id, m.external_id, m.is_placeholder,
                CASE WHEN ${scope}::text[] IS NULL OR m.is_placeholder THEN false
                     ELSE (m.display_name, m.email, m.department, m.site, m.job_title, m.joined_at)
                            IS DISTINCT FROM (CASE WHEN m.erased_at IS NULL THEN i.display_name END, CASE WHEN m.erased_at IS NULL THEN i.email END,
                                              i.department, CASE WHEN m.erased_at IS NULL THEN i.site END,
                                              CASE WHEN m.erased_at IS NULL THEN i.job_title END, i.joined_at)
                          AND (NOT EXISTS (SELECT 1 FROM network_members nm WHERE nm.member_id = m.id)
                               OR EXISTS (SELECT 1 FROM network_members nm JOIN networks n ON n.id = nm.network_id
                                          WHERE nm.member_id = m.id AND n.key <> ALL(${scope}::text[])))
                END AS refused
         FROM members m JOIN input i ON m.external_id = i.external_id
       ), up AS (
         INSERT INTO members AS m (external_id, display_name, email, department, site, job_title, joined_at, is_placeholder)
         SELECT external_id, display_name, email, department, site, job_title, joined_at, false FROM input
         WHERE NOT EXISTS (SELECT 1 FROM old WHERE old.external_id = input.external_id AND old.refused)
         -- an erased member (GDPR) keeps no name, email, site nor job title, whatever later records say
         ON CONFLICT (external_id) DO UPDATE SET
           display_name = CASE WHEN m.erased_at IS NULL THEN excluded.display_name END,
           email = CASE WHEN m.erased_at IS NULL THEN excluded.email END, department = excluded.department,
           site = CASE WHEN m.erased_at IS NULL THEN excluded.site END,
           job_title = CASE WHEN m.erased_at IS NULL THEN excluded.job_title END, joined_at = excluded.joined_at,
           is_placeholder = false, updated_at = now()
         WHERE (m.display_name, m.email, m.department, m.site, m.job_title, m.joined_at, m.is_placeholder)
           IS DISTINCT FROM (CASE WHEN m.erased_at IS NULL THEN excluded.display_name END, CASE WHEN m.erased_at IS NULL THEN excluded.email END,
                             excluded.department, CASE WHEN m.erased_at IS NULL THEN excluded.site END,
                             CASE WHEN m.erased_at IS NULL THEN excluded.job_title END, excluded.joined_at, false)
         RETURNING m.id, m.external_id
       ), joined AS (
         INSERT INTO network_members (network_id, member_id)
         SELECT ${networkId}, id FROM (SELECT id FROM up UNION SELECT id FROM old WHERE NOT refused) AS x WHERE ${networkId}::integer IS NOT NULL
         ON CONFLICT DO NOTHING
         RETURNING member_id
       )
       SELECT i.external_id AS key, o.external_id IS NOT NULL AS existed, coalesce(o.is_placeholder, false) AS was_stub,
              up.external_id IS NOT NULL AS written,
              EXISTS (SELECT 1 FROM joined j WHERE j.member_id = coalesce(up.id, o.id)) AS linked,
              coalesce(o.refused, false) AS refused
       FROM input i LEFT JOIN old o ON o.external_id = i.external_id LEFT JOIN up ON up.external_id = i.external_id`;
}

function findMembersQuery(externalIds: string[]) {
  return sql<
    KeyedId & { erased: boolean }
  >`SELECT id::text, external_id, erased_at IS NOT NULL AS erased FROM members WHERE external_id = ANY(${externalIds}::text[])`;
}

function insertMemberPlaceholdersQuery(externalIds: string[]) {
  return sql`INSERT INTO members (external_id, is_placeholder) SELECT x, true FROM unnest(${externalIds}::text[]) AS x ON CONFLICT (external_id) DO NOTHING`;
}

function findGroupsQuery(networkId: number | null, externalIds: string[]) {
  return sql<KeyedId>`SELECT id::text, external_id FROM groups WHERE network_id = ${networkId} AND external_id = ANY(${externalIds}::text[])`;
}

function insertGroupPlaceholdersQuery(networkId: number | null, externalIds: string[]) {
  return sql`INSERT INTO groups (network_id, external_id, is_placeholder) SELECT ${networkId}, x, true FROM unnest(${externalIds}::text[]) AS x ON CONFLICT (network_id, external_id) DO NOTHING`;
}

function upsertGroupsQuery(networkId: number | null, groups: GroupRow[]) {
  return sql<OutcomeRow>`WITH input AS (
         SELECT * FROM unnest(${groups.map((r) => r.externalId)}::text[], ${groups.map((r) => r.name)}::text[], ${groups.map((r) => r.visibility)}::text[], ${groups.map((r) => r.createdAt)}::timestamptz[]) AS t(external_id, name, visibility, source_created_at)
       ), old AS (
         SELECT g.external_id, g.is_placeholder FROM groups g JOIN input i ON g.network_id = ${networkId} AND g.external_id = i.external_id
       ), up AS (
         INSERT INTO groups AS g (network_id, external_id, name, visibility, source_created_at, is_placeholder)
         SELECT ${networkId}, external_id, name, visibility, source_created_at, false FROM input
         ON CONFLICT (network_id, external_id) DO UPDATE SET
           name = excluded.name, visibility = excluded.visibility, source_created_at = excluded.source_created_at,
           is_placeholder = false, updated_at = now()
         WHERE (g.name, g.visibility, g.source_created_at, g.is_placeholder)
           IS DISTINCT FROM (excluded.name, excluded.visibility, excluded.source_created_at, false)
         RETURNING g.external_id
       )
       SELECT i.external_id AS key, o.external_id IS NOT NULL AS existed, coalesce(o.is_placeholder, false) AS was_stub,
              up.external_id IS NOT NULL AS written
       FROM input i LEFT JOIN old o ON o.external_id = i.external_id LEFT JOIN up ON up.external_id = i.external_id`;
}

/** `leaders`: the wanted (group id, member id) pairs of the groups `groupIds`; answers the groups whose list changed. */
function setDeclaredLeadersQuery(networkId: number | null, groupIds: string[], leaders: { groupId: string; memberId: string }[]) {
  return sql<{ groupId: string }>`WITH wanted AS (
         SELECT * FROM unnest(${leaders.map((p) => p.groupId)}::bigint[], ${leaders.map((p) => p.memberId)}::bigint[]) AS t(group_id, member_id)
       ), added AS (
         INSERT INTO memberships AS ms (network_id, group_id, member_id, is_declared_leader)
         SELECT ${networkId}, group_id, member_id, true FROM wanted
         ON CONFLICT (network_id, group_id, member_id) DO UPDATE SET is_declared_leader = true, updated_at = now()
         WHERE NOT ms.is_declared_leader
         RETURNING ms.group_id
       ), dropped AS (
         UPDATE memberships ms SET is_declared_leader = false, updated_at = now()
         WHERE ms.network_id = ${networkId} AND ms.group_id = ANY(${groupIds}::bigint[]) AND ms.is_declared_leader
           AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.group_id = ms.group_id AND w.member_id = ms.member_id)
         RETURNING ms.group_id
       )
       SELECT group_id FROM added UNION SELECT group_id FROM dropped`;
}

function deleteUnrecordedMembershipsQuery(networkId: number | null, groupIds: string[]) {
  return sql`DELETE FROM memberships WHERE network_id = ${networkId} AND group_id = ANY(${groupIds}::bigint[]) AND NOT has_record AND NOT is_declared_leader`;
}

function upsertMembershipsQuery(networkId: number | null, memberships: MembershipRow[], groupIds: Map<string, string>, memberIds: Map<string, string>) {
  return sql<OutcomeRow>`WITH input AS (
         SELECT * FROM unnest(${memberships.map((r) => groupIds.get(r.group))}::bigint[], ${memberships.map((r) => memberIds.get(r.member))}::bigint[], ${memberships.map((r) => r.role)}::text[], ${memberships.map((r) => r.joinedAt)}::timestamptz[], ${memberships.map((r) => r.leftAt)}::timestamptz[]) AS t(group_id, member_id, role, joined_at, left_at)
       ), old AS (
         SELECT ms.group_id, ms.member_id, ms.has_record FROM memberships ms
         JOIN input i ON ms.network_id = ${networkId} AND ms.group_id = i.group_id AND ms.member_id = i.member_id
       ), up AS (
         INSERT INTO memberships AS ms (network_id, group_id, member_id, role, joined_at, left_at, has_record)
         SELECT ${networkId}, group_id, member_id, role, joined_at, left_at, true FROM input
         ON CONFLICT (network_id, group_id, member_id) DO UPDATE SET
           role = excluded.role, joined_at = excluded.joined_at, left_at = excluded.left_at, has_record = true, updated_at = now()
         WHERE (ms.role, ms.joined_at, ms.left_at, ms.has_record) IS DISTINCT FROM (excluded.role, excluded.joined_at, excluded.left_at, true)
         RETURNING ms.group_id, ms.member_id
       )
       SELECT i.group_id || ':' || i.member_id AS key, o.group_id IS NOT NULL AS existed, NOT coalesce(o.has_record, true) AS was_stub,
              up.group_id IS NOT NULL AS written
       FROM input i
       LEFT JOIN old o ON o.group_id = i.group_id AND o.member_id = i.member_id
       LEFT JOIN up ON up.group_id = i.group_id AND up.member_id = i.member_id`;
}

function deleteActivitiesQuery(networkId: number | null, externalIds: string[]) {
  return sql<{ key: string; inserted: boolean }>`INSERT INTO activities AS a (network_id, external_id, deleted_at)
       SELECT ${networkId}, x, now() FROM unnest(${externalIds}::text[]) AS x
       ON CONFLICT (network_id, external_id) DO UPDATE SET deleted_at = now(), updated_at = now()
       WHERE a.deleted_at IS NULL
       RETURNING a.external_id AS key, (xmax = 0) AS inserted`;
}

function storedActivitiesQuery(networkId: number | null, externalIds: string[]) {
  return sql<StoredActivity>`SELECT external_id, id::text, kind, parent_external_id, root_id::text FROM activities WHERE network_id = ${networkId} AND external_id = ANY(${externalIds}::text[])`;
}

function nextActivityIdsQuery(count: number) {
  return sql<{ id: string }>`SELECT nextval('activities_id_seq')::text AS id FROM generate_series(1, ${count})`;
}

function upsertActivitiesQuery(networkId: number | null, activities: ActivityWrite[]) {
  return sql<{
    key: string;
    id: string;
    deleted: boolean;
  }>`INSERT INTO activities AS a (network_id, id, external_id, kind, author_id, group_id, parent_external_id, parent_id, root_id, occurred_at, text, tags, reaction)
       OVERRIDING SYSTEM VALUE
       SELECT ${networkId}, t.id, t.external_id, t.kind, t.author_id, t.group_id, t.parent_external_id, t.parent_id, t.root_id, t.occurred_at, t.text,
              t.tags::text[], t.reaction -- tags travel as one array literal per row
       FROM unnest(${activities.map((r) => r.id)}::bigint[], ${activities.map((r) => r.externalId)}::text[], ${activities.map((r) => r.kind)}::text[], ${activities.map((r) => r.authorId)}::bigint[], ${activities.map((r) => r.groupId)}::bigint[], ${activities.map((r) => r.parentExternalId)}::text[], ${activities.map((r) => r.parentId)}::bigint[], ${activities.map((r) => r.rootId)}::bigint[], ${activities.map((r) => r.occurredAt)}::timestamptz[], ${activities.map((r) => r.text)}::text[], ${activities.map((r) => arrayLiteral(r.tags))}::text[], ${activities.map((r) => r.reaction)}::text[])
         AS t(id, external_id, kind, author_id, group_id, parent_external_id, parent_id, root_id, occurred_at, text, tags, reaction)
       ON CONFLICT (network_id, external_id) DO UPDATE SET
         kind = excluded.kind, author_id = excluded.author_id, group_id = excluded.group_id,
         parent_external_id = excluded.parent_external_id, parent_id = excluded.parent_id,
         root_id = CASE WHEN excluded.kind IN ${fragment(ROOT_KINDS_SQL)} THEN a.id ELSE excluded.root_id END,
         occurred_at = excluded.occurred_at, text = excluded.text, tags = excluded.tags, reaction = excluded.reaction,
         updated_at = now()
       WHERE (a.kind, a.author_id, a.group_id, a.parent_external_id, a.occurred_at, a.text, a.tags, a.reaction)
         IS DISTINCT FROM (excluded.kind, excluded.author_id, excluded.group_id, excluded.parent_external_id, excluded.occurred_at, excluded.text, excluded.tags, excluded.reaction)
       RETURNING a.external_id AS key, a.id::text AS id, a.deleted_at IS NOT NULL AS deleted`;
}

/**
 * Which of the new activities do orphans wait for? One probe each of the small partial index of
 * unresolved links (LATERAL + OFFSET 0 keep the planner from scanning every orphan instead,
 * which it does when statistics are missing). Usually none, and the update is skipped.
 */
function awaitedParentsQuery(networkId: number | null, created: string[]) {
  return sql<{ ext: string }>`SELECT w.ext FROM unnest(${created}::text[]) AS w(ext)
         WHERE EXISTS (SELECT 1 FROM activities x WHERE x.network_id = ${networkId} AND x.parent_external_id = w.ext AND x.parent_id IS NULL OFFSET 0)`;
}

function linkWaitingChildrenQuery(networkId: number | null, parents: string[]) {
  return sql<{ id: string }>`WITH waiting AS MATERIALIZED (
             SELECT x.id AS child_id, p.id AS parent_id, p.root_id
             FROM unnest(${parents}::text[]) AS w(ext)
             JOIN activities p ON p.network_id = ${networkId} AND p.external_id = w.ext
             CROSS JOIN LATERAL (SELECT id FROM activities x WHERE x.network_id = ${networkId} AND x.parent_external_id = w.ext AND x.parent_id IS NULL OFFSET 0) x
           )
           UPDATE activities c SET parent_id = waiting.parent_id, root_id = waiting.root_id, updated_at = now()
           FROM waiting WHERE c.network_id = ${networkId} AND c.id = waiting.child_id
           RETURNING c.id::text AS id`;
}

function relinkChildrenOfMovedQuery(networkId: number | null, moved: string[]) {
  return sql<{ id: string }>`UPDATE activities c SET parent_id = p.id, root_id = p.root_id, updated_at = now()
         FROM activities p
         WHERE p.network_id = ${networkId} AND p.external_id = ANY(${moved}::text[])
           AND c.network_id = ${networkId} AND c.parent_external_id = p.external_id AND c.parent_id IS DISTINCT FROM p.id
         RETURNING c.id::text AS id`;
}

/** Carries thread roots down the subtrees of the `relink` activities (external ids) and the `linked` ones (ids). */
function carryRootsQuery(networkId: number | null, relink: string[], linked: string[]) {
  return sql`WITH RECURSIVE seeds AS (
         -- two index lookups rather than one OR, which would scan the whole network
         SELECT id, root_id FROM activities WHERE network_id = ${networkId} AND external_id = ANY(${relink}::text[])
         UNION
         SELECT id, root_id FROM activities WHERE network_id = ${networkId} AND id = ANY(${linked}::bigint[])
       ), tree AS (
         -- descend only where the root differs: below a node that already has the right root, the
         -- subtree is consistent (every root change is carried down in the same transaction)
         SELECT c.id, s.root_id FROM activities c JOIN seeds s ON c.network_id = ${networkId} AND c.parent_id = s.id WHERE c.root_id IS DISTINCT FROM s.root_id
         UNION
         SELECT c.id, t.root_id FROM activities c JOIN tree t ON c.network_id = ${networkId} AND c.parent_id = t.id WHERE c.root_id IS DISTINCT FROM t.root_id
       )
       UPDATE activities a SET root_id = tree.root_id, updated_at = now()
       FROM tree WHERE a.network_id = ${networkId} AND a.id = tree.id AND a.root_id IS DISTINCT FROM tree.root_id`;
}

/**
 * Writes validated records of one network with set-based SQL (one statement per record type,
 * arrays bound through unnest), inside the caller's transaction. The records of one call must not
 * repeat a key: the caller splits batches where a key comes back, which keeps the sequential meaning
 * of "the later record wins" and lets ON CONFLICT see each row once.
 *
 * Referenced members and groups that do not exist yet become placeholders first, then rows are
 * linked by id; activities whose parent is unknown wait in the unresolved-parent index and are
 * linked when the parent arrives, whatever the order.
 */
export class RecordWriter {
  /**
   * `networkId` null only for org-wide member writes (PUT /v1/members/{externalId}), which join no network.
   * `scope`: the network keys the sending key is limited to (null for admin and unlimited keys): member
   * records that would change a member outside them are refused (OUT_OF_SCOPE_MEMBER).
   */
  constructor(
    private readonly db: EntityManager,
    private readonly networkId: number | null,
    private readonly scope: string[] | null = null,
  ) {}

  /** Members erased under GDPR among those this writer looked up: their texts, tags and reaction labels are not stored again (nor matched). */
  private readonly erasedMembers = new Set<string>();

  /** Returns one outcome per record, in the order given. */
  async write(rows: RecordRow[]): Promise<WriteOutcome[]> {
    // One writer per network at a time: the rollup triggers recompute from what is committed, and
    // taking the lock before any row lock keeps concurrent writers free of deadlocks.
    if (this.networkId !== null) await lockNetwork(this.db, this.networkId);
    const outcomes = new Map<RecordRow, WriteOutcome>();
    const members = rows.filter((r): r is MemberRow => r.type === 'member');
    const groups = rows.filter((r): r is GroupRow => r.type === 'group');
    const memberships = rows.filter((r): r is MembershipRow => r.type === 'membership');
    const activities = rows.filter((r): r is ActivityRow => r.type === 'activity');
    const deletions = rows.filter((r): r is ActivityDeletionRow => r.type === 'activity-deletion');

    await this.upsertMembers(members, outcomes);
    const memberIds = await this.ensureMembers([...memberships.map((m) => m.member), ...groups.flatMap((g) => g.leaders), ...activities.map((a) => a.author)]);
    const groupOutcomes = await this.upsertGroups(groups);
    const groupIds = await this.ensureGroups([
      ...groups.map((g) => g.externalId),
      ...memberships.map((m) => m.group),
      ...activities.flatMap((a) => (a.group ? [a.group] : [])),
    ]);
    const leadersChanged = await this.setDeclaredLeaders(groups, groupIds, memberIds);
    groups.forEach((g, i) => outcomes.set(g, groupOutcomes[i] === 'duplicate' && leadersChanged.has(g.externalId) ? 'updated' : groupOutcomes[i]));
    await this.upsertMemberships(memberships, groupIds, memberIds, outcomes);
    const created = await this.deleteActivities(deletions, outcomes);
    const written = await this.upsertActivities(activities, groupIds, memberIds, outcomes);
    await this.resolveThreads([...created, ...written.created], written.relink, written.moved);
    const textual = this.writtenTexts(activities, written.ids, groupIds, memberIds);
    await this.matchKeywords(deletions, textual);
    await this.indexTerms(deletions, textual);
    return rows.map((r) => outcomes.get(r) as WriteOutcome);
  }

  private async upsertMembers(members: MemberRow[], outcomes: Map<RecordRow, WriteOutcome>): Promise<void> {
    if (members.length === 0) return;
    const result = await execute(this.db, upsertMembersQuery(this.networkId, this.scope, members));
    const byKey = new Map(result.rows.map((r) => [r.key, r]));
    for (const row of members) {
      const r = byKey.get(row.externalId) as MemberOutcomeRow;
      if (r.refused) {
        outcomes.set(row, { rejected: OUT_OF_SCOPE_MEMBER });
        continue;
      }
      const outcome = classify(r);
      // an identical member record arriving through a new network still changes state: that network's membership
      outcomes.set(row, outcome === 'duplicate' && r.linked ? 'updated' : outcome);
    }
  }

  /** Creates placeholder members for unknown externalIds; returns externalId → id for all of them. */
  private async ensureMembers(externalIds: string[]): Promise<Map<string, string>> {
    return this.ensure(
      externalIds,
      async (ids) => {
        const found = await rows(this.db, findMembersQuery(ids));
        for (const m of found) if (m.erased) this.erasedMembers.add(m.id);
        return found;
      },
      (ids) => execute(this.db, insertMemberPlaceholdersQuery(ids)),
    );
  }

  /** Creates placeholder groups (visibility unknown, so treated as confidential) and returns externalId → id. */
  private async ensureGroups(externalIds: string[]): Promise<Map<string, string>> {
    return this.ensure(
      externalIds,
      (ids) => rows(this.db, findGroupsQuery(this.networkId, ids)),
      (ids) => execute(this.db, insertGroupPlaceholdersQuery(this.networkId, ids)),
    );
  }

  /** Looks ids up first and creates placeholders only for the missing ones: most references are to known rows. */
  private async ensure(
    externalIds: string[],
    find: (ids: string[]) => Promise<KeyedId[]>,
    createPlaceholders: (ids: string[]) => Promise<unknown>,
  ): Promise<Map<string, string>> {
    const unique = [...new Set(externalIds)];
    if (unique.length === 0) return new Map();
    const found = new Map((await find(unique)).map((r) => [r.externalId, r.id]));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length > 0) {
      await createPlaceholders(missing);
      for (const r of await find(missing)) found.set(r.externalId, r.id);
    }
    return found;
  }

  private async upsertGroups(groups: GroupRow[]): Promise<Outcome[]> {
    if (groups.length === 0) return [];
    const result = await execute(this.db, upsertGroupsQuery(this.networkId, groups));
    const byKey = new Map(result.rows.map((r) => [r.key, r]));
    return groups.map((r) => classify(byKey.get(r.externalId) as OutcomeRow));
  }

  /**
   * Makes each group's declared leaders exactly its record's `leaders` list. Memberships that only
   * existed because of that list are removed when a member leaves it. Returns the groups whose list changed.
   */
  private async setDeclaredLeaders(groups: GroupRow[], groupIds: Map<string, string>, memberIds: Map<string, string>): Promise<Set<string>> {
    if (groups.length === 0) return new Set();
    const ids = groups.map((g) => groupIds.get(g.externalId) as string);
    const leaders = groups.flatMap((g) => g.leaders.map((l) => ({ groupId: groupIds.get(g.externalId) as string, memberId: memberIds.get(l) as string })));
    const changed = await execute(this.db, setDeclaredLeadersQuery(this.networkId, ids, leaders));
    await execute(this.db, deleteUnrecordedMembershipsQuery(this.networkId, ids));
    const changedIds = new Set(changed.rows.map((c) => String(c.groupId)));
    return new Set(groups.filter((g) => changedIds.has(groupIds.get(g.externalId) as string)).map((g) => g.externalId));
  }

  private async upsertMemberships(
    memberships: MembershipRow[],
    groupIds: Map<string, string>,
    memberIds: Map<string, string>,
    outcomes: Map<RecordRow, WriteOutcome>,
  ): Promise<void> {
    if (memberships.length === 0) return;
    const result = await execute(this.db, upsertMembershipsQuery(this.networkId, memberships, groupIds, memberIds));
    const byKey = new Map(result.rows.map((r) => [r.key, r]));
    for (const row of memberships) outcomes.set(row, classify(byKey.get(`${groupIds.get(row.group)}:${memberIds.get(row.member)}`) as OutcomeRow));
  }

  /** A deletion of an unknown activity leaves a tombstone, so the activity stays deleted when it arrives later. */
  private async deleteActivities(deletions: ActivityDeletionRow[], outcomes: Map<RecordRow, WriteOutcome>): Promise<string[]> {
    if (deletions.length === 0) return [];
    const result = await execute(
      this.db,
      deleteActivitiesQuery(
        this.networkId,
        deletions.map((r) => r.externalId),
      ),
    );
    const byKey = new Map(result.rows.map((r) => [r.key, r]));
    for (const row of deletions) {
      const r = byKey.get(row.externalId);
      outcomes.set(row, r === undefined ? 'duplicate' : r.inserted ? 'inserted' : 'updated');
    }
    return result.rows.filter((r) => r.inserted).map((r) => r.key);
  }

  /**
   * Upserts activities with their parent and thread-root links resolved before the insert: the
   * batch's rows and their parents are read once, new rows get ids from the sequence in one call,
   * and links (including to parents in the same batch) are worked out here, so one INSERT writes
   * every row complete. Returns the rows created (children may be waiting for them), the rows whose
   * structure changed (their subtree's roots must be carried down again) and the rows that turned
   * out to exist after all (a concurrent writer created them first: links to them are redone).
   */
  private async upsertActivities(
    activities: ActivityRow[],
    groupIds: Map<string, string>,
    memberIds: Map<string, string>,
    outcomes: Map<RecordRow, WriteOutcome>,
  ): Promise<{ created: string[]; relink: string[]; moved: string[]; ids: Map<string, string> }> {
    if (activities.length === 0) return { created: [], relink: [], moved: [], ids: new Map() };
    const lookup = [...new Set([...activities.map((r) => r.externalId), ...activities.flatMap((r) => (r.parent === null ? [] : [r.parent]))])];
    const stored = await rows(this.db, storedActivitiesQuery(this.networkId, lookup));
    const byExternalId = new Map(stored.map((a) => [a.externalId, a]));
    const fresh = activities.filter((r) => !byExternalId.has(r.externalId));
    const ids = fresh.length ? await rows(this.db, nextActivityIdsQuery(fresh.length)) : [];
    const idOf = new Map<string, string>(stored.map((a) => [a.externalId, a.id]));
    fresh.forEach((r, i) => idOf.set(r.externalId, ids[i].id));
    const links = resolveLinks(activities, idOf, byExternalId);
    const keepsText = (r: ActivityRow) => !this.erasedMembers.has(memberIds.get(r.author) as string);
    const writes = activities.map((r): ActivityWrite => ({
      id: idOf.get(r.externalId),
      externalId: r.externalId,
      kind: r.kind,
      authorId: memberIds.get(r.author),
      groupId: r.group ? groupIds.get(r.group) : null,
      parentExternalId: r.parent,
      parentId: links.get(r)?.parentId ?? null,
      rootId: links.get(r)?.rootId ?? null,
      occurredAt: r.occurredAt,
      text: keepsText(r) ? r.text : null,
      tags: keepsText(r) ? r.tags : null,
      reaction: keepsText(r) ? r.reaction : null,
    }));

    const result = (await execute(this.db, upsertActivitiesQuery(this.networkId, writes))).rows;
    const writtenIds = new Map(result.map((r) => [r.key, r.id]));
    const created: string[] = [];
    const relink: string[] = [];
    const moved: string[] = [];
    for (const row of activities) {
      const before = byExternalId.get(row.externalId);
      const written = writtenIds.has(row.externalId);
      if (!before) {
        outcomes.set(row, 'inserted');
        if (writtenIds.get(row.externalId) === idOf.get(row.externalId)) created.push(row.externalId);
        else moved.push(row.externalId); // a concurrent writer inserted it first: it kept that id
        continue;
      }
      outcomes.set(row, before.kind === null ? 'inserted' : written ? 'updated' : 'duplicate');
      const wasRoot = before.kind !== null && ROOT_KINDS.includes(before.kind as ActivityKind);
      if (before.kind === null || before.parentExternalId !== row.parent || wasRoot !== ROOT_KINDS.includes(row.kind)) relink.push(row.externalId);
    }
    // a tombstone stays deleted when its activity arrives: it is written but must not match
    const live = new Map(result.filter((r) => !r.deleted).map((r) => [r.key, r.id]));
    return { created, relink, moved, ids: live };
  }

  /**
   * The activities this call inserted or changed, as matching and term indexing read them (an erased
   * member's texts and tags are not stored, so they are neither matched nor indexed).
   */
  private writtenTexts(
    activities: ActivityRow[],
    writtenIds: Map<string, string>,
    groupIds: Map<string, string>,
    memberIds: Map<string, string>,
  ): MatchableActivity[] {
    return activities
      .filter((a) => writtenIds.has(a.externalId))
      .map((a) => {
        const erased = this.erasedMembers.has(memberIds.get(a.author) as string);
        return {
          id: writtenIds.get(a.externalId) as string,
          kind: a.kind,
          text: erased ? null : a.text,
          tags: erased ? null : a.tags,
          occurredAt: a.occurredAt,
          groupId: a.group ? (groupIds.get(a.group) ?? null) : null,
          authorId: memberIds.get(a.author) ?? null,
          deleted: false,
        };
      });
  }

  /**
   * SPEC §3.6 matching, once per written activity: the activities this call inserted or changed get
   * their keyword matches rewritten, deleted ones lose theirs. Keywords are read after the network
   * lock, and objective changes take the same lock, so they are the ones in force at commit.
   */
  private async matchKeywords(deletions: ActivityDeletionRow[], written: MatchableActivity[]): Promise<void> {
    if (this.networkId === null || (deletions.length === 0 && written.length === 0)) return;
    const matcher = await loadMatcher(this.db, this.networkId);
    if (matcher.isEmpty) return;
    await deleteMatchesOf(
      this.db,
      this.networkId,
      deletions.map((d) => d.externalId),
    );
    await rewriteMatches(this.db, this.networkId, written, matcher);
  }

  /** The terms of emerging topics (src/topics/activity-terms.ts), once per written activity; deleted ones lose theirs. */
  private async indexTerms(deletions: ActivityDeletionRow[], written: MatchableActivity[]): Promise<void> {
    if (this.networkId === null) return;
    await deleteTermsOf(
      this.db,
      this.networkId,
      deletions.map((d) => d.externalId),
    );
    await rewriteTerms(this.db, this.networkId, written);
  }

  /**
   * Links activities that were waiting for one of the `created` rows as their parent (and re-links
   * children of `moved` rows to the id those rows really have), then carries thread roots down the
   * subtrees of the re-linked children and of the `relink` rows (edited structure). In a
   * well-ordered stream nothing waits and nothing is edited, so both statements are skipped or
   * touch nothing; the cost follows the batch, not the backlog of orphans.
   */
  private async resolveThreads(created: string[], relink: string[], moved: string[]): Promise<void> {
    const linked: string[] = [];
    if (created.length > 0) {
      // which of the new activities do orphans wait for? usually none, and the update is skipped
      const awaited = await rows(this.db, awaitedParentsQuery(this.networkId, created));
      if (awaited.length > 0) {
        const waiting = await execute(
          this.db,
          linkWaitingChildrenQuery(
            this.networkId,
            awaited.map((a) => a.ext),
          ),
        );
        linked.push(...waiting.rows.map((r) => r.id));
      }
    }
    if (moved.length > 0) {
      const relinked = await execute(this.db, relinkChildrenOfMovedQuery(this.networkId, moved));
      linked.push(...relinked.rows.map((r) => r.id));
    }
    if (linked.length === 0 && relink.length === 0) return;
    await execute(this.db, carryRootsQuery(this.networkId, relink, linked));
  }
}

/**
 * Parent id and thread root of each row, from the rows of the same batch first, then from what is
 * stored. A root's root is itself; a chain that leaves the known activities, or closes on itself
 * (a cycle is cut where it closes), has no root yet.
 */
export function resolveLinks(
  rows: ActivityRow[],
  idOf: Map<string, string>,
  stored: Map<string, { rootId: string | null }>,
): Map<ActivityRow, { parentId: string | null; rootId: string | null }> {
  const batch = new Map(rows.map((r) => [r.externalId, r]));
  const roots = new Map<ActivityRow, string | null>();
  const rootOf = (row: ActivityRow, visiting: Set<ActivityRow>): string | null => {
    if (roots.has(row)) return roots.get(row) as string | null;
    let root: string | null;
    if (ROOT_KINDS.includes(row.kind)) root = idOf.get(row.externalId) ?? null;
    else if (row.parent === null) root = null;
    else {
      const parentInBatch = batch.get(row.parent);
      if (parentInBatch) {
        visiting.add(row);
        root = visiting.has(parentInBatch) ? null : rootOf(parentInBatch, visiting);
        visiting.delete(row);
      } else root = stored.get(row.parent)?.rootId ?? null;
    }
    roots.set(row, root);
    return root;
  };
  return new Map(rows.map((r) => [r, { parentId: r.parent === null ? null : (idOf.get(r.parent) ?? null), rootId: rootOf(r, new Set()) }]));
}

const EXAMPLE_NETWORK = 1;
const EXAMPLE_MEMBERS: MemberRow[] = [
  { type: 'member', externalId: 'u1', displayName: 'Ada', email: 'ada@example.org', department: 'R&D', site: 'Lyon', jobTitle: 'Engineer', joinedAt: null },
  {
    type: 'member',
    externalId: 'u2',
    displayName: 'Bob',
    email: null,
    department: null,
    site: null,
    jobTitle: null,
    joinedAt: new Date('2025-01-06T00:00:00Z'),
  },
];
const EXAMPLE_GROUP: GroupRow = { type: 'group', externalId: 'g1', name: 'Cloud', visibility: 'public', createdAt: null, leaders: ['u1'] };
const EXAMPLE_MEMBERSHIP: MembershipRow = { type: 'membership', group: 'g1', member: 'u2', role: 'member', joinedAt: null, leftAt: null };
const EXAMPLE_ACTIVITIES: ActivityWrite[] = [
  {
    id: '101',
    externalId: 'a1',
    kind: 'post',
    authorId: '11',
    groupId: '7',
    parentExternalId: null,
    parentId: null,
    rootId: '101',
    occurredAt: new Date('2026-03-02T09:00:00Z'),
    text: 'VPN quota',
    tags: ['vpn', 'it'],
    reaction: null,
  },
  {
    id: '102',
    externalId: 'a2',
    kind: 'reaction',
    authorId: '12',
    groupId: '7',
    parentExternalId: 'a1',
    parentId: '101',
    rootId: '101',
    occurredAt: new Date('2026-03-02T09:05:00Z'),
    text: null,
    tags: null,
    reaction: 'like',
  },
];

/** The writer's statements on small literal batches, in the order a write runs them (npm run sql:generate). */
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'upsert members (key limited to networks)', query: upsertMembersQuery(EXAMPLE_NETWORK, ['north'], EXAMPLE_MEMBERS) },
  { name: 'upsert members (org-wide write, unlimited key)', query: upsertMembersQuery(null, null, EXAMPLE_MEMBERS.slice(0, 1)) },
  { name: 'find members', query: findMembersQuery(['u1', 'u2']) },
  { name: 'member placeholders', query: insertMemberPlaceholdersQuery(['u3']) },
  { name: 'upsert groups', query: upsertGroupsQuery(EXAMPLE_NETWORK, [EXAMPLE_GROUP]) },
  { name: 'find groups', query: findGroupsQuery(EXAMPLE_NETWORK, ['g1', 'g2']) },
  { name: 'group placeholders', query: insertGroupPlaceholdersQuery(EXAMPLE_NETWORK, ['g2']) },
  { name: 'declared leaders', query: setDeclaredLeadersQuery(EXAMPLE_NETWORK, ['7'], [{ groupId: '7', memberId: '11' }]) },
  { name: 'memberships kept only by a dropped leader', query: deleteUnrecordedMembershipsQuery(EXAMPLE_NETWORK, ['7']) },
  {
    name: 'upsert memberships',
    query: upsertMembershipsQuery(EXAMPLE_NETWORK, [EXAMPLE_MEMBERSHIP], new Map([['g1', '7']]), new Map([['u2', '12']])),
  },
  { name: 'delete activities (tombstones)', query: deleteActivitiesQuery(EXAMPLE_NETWORK, ['a9']) },
  { name: 'stored activities and parents', query: storedActivitiesQuery(EXAMPLE_NETWORK, ['a1', 'a2']) },
  { name: 'ids for new activities', query: nextActivityIdsQuery(2) },
  { name: 'upsert activities', query: upsertActivitiesQuery(EXAMPLE_NETWORK, EXAMPLE_ACTIVITIES) },
  { name: 'parents orphans wait for', query: awaitedParentsQuery(EXAMPLE_NETWORK, ['a1', 'a2']) },
  { name: 'link waiting children', query: linkWaitingChildrenQuery(EXAMPLE_NETWORK, ['a1']) },
  { name: 'relink children of activities a concurrent writer created', query: relinkChildrenOfMovedQuery(EXAMPLE_NETWORK, ['a1']) },
  { name: 'carry thread roots down', query: carryRootsQuery(EXAMPLE_NETWORK, ['a1'], ['102']) },
];
