import type { EntityManager } from 'typeorm';
import { lockNetwork } from '../database/network-locks';
import { arrayLiteral } from '../database/sql';
import { deleteMatchesOf, loadMatcher, rewriteMatches } from '../alignment/keyword-matches';
import { ActivityKind, ROOT_KINDS } from './activity.entity';
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
  was_stub: boolean;
  written: boolean;
}

const ROOT_KINDS_SQL = ROOT_KINDS.map((k) => `'${k}'`).join(', ');

/** inserted: new, or only known as a placeholder/tombstone so far; updated: changed; duplicate: identical. */
function classify(row: OutcomeRow): Outcome {
  if (!row.existed || row.was_stub) return 'inserted';
  return row.written ? 'updated' : 'duplicate';
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
    await this.matchKeywords(deletions, activities, written.ids, groupIds, memberIds);
    return rows.map((r) => outcomes.get(r) as WriteOutcome);
  }

  private async upsertMembers(rows: MemberRow[], outcomes: Map<RecordRow, WriteOutcome>): Promise<void> {
    if (rows.length === 0) return;
    // Every CTE sees the same snapshot, so new members' ids come from `up` and existing ones from `old`.
    // `refused` (SPEC §4, only when the key is limited to networks, $9): the record would change a
    // member, not a placeholder, who is in no network or in one outside the key's networks. Such a
    // row is neither written nor joined to the network; the test is part of this one statement.
    const result: (OutcomeRow & { linked: boolean; refused: boolean })[] = await this.db.query(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
           AS t(external_id, display_name, email, department, site, job_title, joined_at)
       ), old AS (
         SELECT m.id, m.external_id, m.is_placeholder,
                CASE WHEN $9::text[] IS NULL OR m.is_placeholder THEN false
                     ELSE (m.display_name, m.email, m.department, m.site, m.job_title, m.joined_at)
                            IS DISTINCT FROM (CASE WHEN m.erased_at IS NULL THEN i.display_name END, CASE WHEN m.erased_at IS NULL THEN i.email END,
                                              i.department, CASE WHEN m.erased_at IS NULL THEN i.site END,
                                              CASE WHEN m.erased_at IS NULL THEN i.job_title END, i.joined_at)
                          AND (NOT EXISTS (SELECT 1 FROM network_members nm WHERE nm.member_id = m.id)
                               OR EXISTS (SELECT 1 FROM network_members nm JOIN networks n ON n.id = nm.network_id
                                          WHERE nm.member_id = m.id AND n.key <> ALL($9::text[])))
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
         SELECT $8, id FROM (SELECT id FROM up UNION SELECT id FROM old WHERE NOT refused) AS x WHERE $8::integer IS NOT NULL
         ON CONFLICT DO NOTHING
         RETURNING member_id
       )
       SELECT i.external_id AS key, o.external_id IS NOT NULL AS existed, coalesce(o.is_placeholder, false) AS was_stub,
              up.external_id IS NOT NULL AS written,
              EXISTS (SELECT 1 FROM joined j WHERE j.member_id = coalesce(up.id, o.id)) AS linked,
              coalesce(o.refused, false) AS refused
       FROM input i LEFT JOIN old o ON o.external_id = i.external_id LEFT JOIN up ON up.external_id = i.external_id`,
      [
        rows.map((r) => r.externalId),
        rows.map((r) => r.displayName),
        rows.map((r) => r.email),
        rows.map((r) => r.department),
        rows.map((r) => r.site),
        rows.map((r) => r.jobTitle),
        rows.map((r) => r.joinedAt),
        this.networkId,
        this.scope,
      ],
    );
    const byKey = new Map(result.map((r) => [r.key, r]));
    for (const row of rows) {
      const r = byKey.get(row.externalId) as OutcomeRow & { linked: boolean; refused: boolean };
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
        const found: { id: string; external_id: string; erased: boolean }[] = await this.db.query(
          `SELECT id::text, external_id, erased_at IS NOT NULL AS erased FROM members WHERE external_id = ANY($1::text[])`,
          [ids],
        );
        for (const m of found) if (m.erased) this.erasedMembers.add(m.id);
        return found;
      },
      (ids) =>
        this.db.query(`INSERT INTO members (external_id, is_placeholder) SELECT x, true FROM unnest($1::text[]) AS x ON CONFLICT (external_id) DO NOTHING`, [
          ids,
        ]),
    );
  }

  /** Creates placeholder groups (visibility unknown, so treated as confidential) and returns externalId → id. */
  private async ensureGroups(externalIds: string[]): Promise<Map<string, string>> {
    return this.ensure(
      externalIds,
      (ids) => this.db.query(`SELECT id::text, external_id FROM groups WHERE network_id = $1 AND external_id = ANY($2::text[])`, [this.networkId, ids]),
      (ids) =>
        this.db.query(
          `INSERT INTO groups (network_id, external_id, is_placeholder) SELECT $1, x, true FROM unnest($2::text[]) AS x ON CONFLICT (network_id, external_id) DO NOTHING`,
          [this.networkId, ids],
        ),
    );
  }

  /** Looks ids up first and creates placeholders only for the missing ones: most references are to known rows. */
  private async ensure(
    externalIds: string[],
    find: (ids: string[]) => Promise<{ id: string; external_id: string }[]>,
    createPlaceholders: (ids: string[]) => Promise<unknown>,
  ): Promise<Map<string, string>> {
    const unique = [...new Set(externalIds)];
    if (unique.length === 0) return new Map();
    const found = new Map((await find(unique)).map((r) => [r.external_id, r.id]));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length > 0) {
      await createPlaceholders(missing);
      for (const r of await find(missing)) found.set(r.external_id, r.id);
    }
    return found;
  }

  private async upsertGroups(rows: GroupRow[]): Promise<Outcome[]> {
    if (rows.length === 0) return [];
    const result: OutcomeRow[] = await this.db.query(
      `WITH input AS (
         SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS t(external_id, name, visibility, source_created_at)
       ), old AS (
         SELECT g.external_id, g.is_placeholder FROM groups g JOIN input i ON g.network_id = $1 AND g.external_id = i.external_id
       ), up AS (
         INSERT INTO groups AS g (network_id, external_id, name, visibility, source_created_at, is_placeholder)
         SELECT $1, external_id, name, visibility, source_created_at, false FROM input
         ON CONFLICT (network_id, external_id) DO UPDATE SET
           name = excluded.name, visibility = excluded.visibility, source_created_at = excluded.source_created_at,
           is_placeholder = false, updated_at = now()
         WHERE (g.name, g.visibility, g.source_created_at, g.is_placeholder)
           IS DISTINCT FROM (excluded.name, excluded.visibility, excluded.source_created_at, false)
         RETURNING g.external_id
       )
       SELECT i.external_id AS key, o.external_id IS NOT NULL AS existed, coalesce(o.is_placeholder, false) AS was_stub,
              up.external_id IS NOT NULL AS written
       FROM input i LEFT JOIN old o ON o.external_id = i.external_id LEFT JOIN up ON up.external_id = i.external_id`,
      [this.networkId, rows.map((r) => r.externalId), rows.map((r) => r.name), rows.map((r) => r.visibility), rows.map((r) => r.createdAt)],
    );
    const byKey = new Map(result.map((r) => [r.key, r]));
    return rows.map((r) => classify(byKey.get(r.externalId) as OutcomeRow));
  }

  /**
   * Makes each group's declared leaders exactly its record's `leaders` list. Memberships that only
   * existed because of that list are removed when a member leaves it. Returns the groups whose list changed.
   */
  private async setDeclaredLeaders(rows: GroupRow[], groupIds: Map<string, string>, memberIds: Map<string, string>): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const ids = rows.map((g) => groupIds.get(g.externalId) as string);
    const pairs = rows.flatMap((g) => g.leaders.map((l) => [groupIds.get(g.externalId) as string, memberIds.get(l) as string]));
    const changed: { group_id: string }[] = await this.db.query(
      `WITH wanted AS (
         SELECT * FROM unnest($3::bigint[], $4::bigint[]) AS t(group_id, member_id)
       ), added AS (
         INSERT INTO memberships AS ms (network_id, group_id, member_id, is_declared_leader)
         SELECT $1, group_id, member_id, true FROM wanted
         ON CONFLICT (network_id, group_id, member_id) DO UPDATE SET is_declared_leader = true, updated_at = now()
         WHERE NOT ms.is_declared_leader
         RETURNING ms.group_id
       ), dropped AS (
         UPDATE memberships ms SET is_declared_leader = false, updated_at = now()
         WHERE ms.network_id = $1 AND ms.group_id = ANY($2::bigint[]) AND ms.is_declared_leader
           AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.group_id = ms.group_id AND w.member_id = ms.member_id)
         RETURNING ms.group_id
       )
       SELECT group_id FROM added UNION SELECT group_id FROM dropped`,
      [this.networkId, ids, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    await this.db.query(`DELETE FROM memberships WHERE network_id = $1 AND group_id = ANY($2::bigint[]) AND NOT has_record AND NOT is_declared_leader`, [
      this.networkId,
      ids,
    ]);
    const changedIds = new Set(changed.map((c) => String(c.group_id)));
    return new Set(rows.filter((g) => changedIds.has(groupIds.get(g.externalId) as string)).map((g) => g.externalId));
  }

  private async upsertMemberships(
    rows: MembershipRow[],
    groupIds: Map<string, string>,
    memberIds: Map<string, string>,
    outcomes: Map<RecordRow, WriteOutcome>,
  ): Promise<void> {
    if (rows.length === 0) return;
    const result: OutcomeRow[] = await this.db.query(
      `WITH input AS (
         SELECT * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::timestamptz[], $6::timestamptz[]) AS t(group_id, member_id, role, joined_at, left_at)
       ), old AS (
         SELECT ms.group_id, ms.member_id, ms.has_record FROM memberships ms
         JOIN input i ON ms.network_id = $1 AND ms.group_id = i.group_id AND ms.member_id = i.member_id
       ), up AS (
         INSERT INTO memberships AS ms (network_id, group_id, member_id, role, joined_at, left_at, has_record)
         SELECT $1, group_id, member_id, role, joined_at, left_at, true FROM input
         ON CONFLICT (network_id, group_id, member_id) DO UPDATE SET
           role = excluded.role, joined_at = excluded.joined_at, left_at = excluded.left_at, has_record = true, updated_at = now()
         WHERE (ms.role, ms.joined_at, ms.left_at, ms.has_record) IS DISTINCT FROM (excluded.role, excluded.joined_at, excluded.left_at, true)
         RETURNING ms.group_id, ms.member_id
       )
       SELECT i.group_id || ':' || i.member_id AS key, o.group_id IS NOT NULL AS existed, NOT coalesce(o.has_record, true) AS was_stub,
              up.group_id IS NOT NULL AS written
       FROM input i
       LEFT JOIN old o ON o.group_id = i.group_id AND o.member_id = i.member_id
       LEFT JOIN up ON up.group_id = i.group_id AND up.member_id = i.member_id`,
      [
        this.networkId,
        rows.map((r) => groupIds.get(r.group)),
        rows.map((r) => memberIds.get(r.member)),
        rows.map((r) => r.role),
        rows.map((r) => r.joinedAt),
        rows.map((r) => r.leftAt),
      ],
    );
    const byKey = new Map(result.map((r) => [r.key, r]));
    for (const row of rows) outcomes.set(row, classify(byKey.get(`${groupIds.get(row.group)}:${memberIds.get(row.member)}`) as OutcomeRow));
  }

  /** A deletion of an unknown activity leaves a tombstone, so the activity stays deleted when it arrives later. */
  private async deleteActivities(rows: ActivityDeletionRow[], outcomes: Map<RecordRow, WriteOutcome>): Promise<string[]> {
    if (rows.length === 0) return [];
    const result: { key: string; inserted: boolean }[] = await this.db.query(
      `INSERT INTO activities AS a (network_id, external_id, deleted_at)
       SELECT $1, x, now() FROM unnest($2::text[]) AS x
       ON CONFLICT (network_id, external_id) DO UPDATE SET deleted_at = now(), updated_at = now()
       WHERE a.deleted_at IS NULL
       RETURNING a.external_id AS key, (xmax = 0) AS inserted`,
      [this.networkId, rows.map((r) => r.externalId)],
    );
    const byKey = new Map(result.map((r) => [r.key, r]));
    for (const row of rows) {
      const r = byKey.get(row.externalId);
      outcomes.set(row, r === undefined ? 'duplicate' : r.inserted ? 'inserted' : 'updated');
    }
    return result.filter((r) => r.inserted).map((r) => r.key);
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
    rows: ActivityRow[],
    groupIds: Map<string, string>,
    memberIds: Map<string, string>,
    outcomes: Map<RecordRow, WriteOutcome>,
  ): Promise<{ created: string[]; relink: string[]; moved: string[]; ids: Map<string, string> }> {
    if (rows.length === 0) return { created: [], relink: [], moved: [], ids: new Map() };
    const lookup = [...new Set([...rows.map((r) => r.externalId), ...rows.flatMap((r) => (r.parent === null ? [] : [r.parent]))])];
    const stored: StoredActivity[] = await this.db.query(
      `SELECT external_id, id::text, kind, parent_external_id, root_id::text FROM activities WHERE network_id = $1 AND external_id = ANY($2::text[])`,
      [this.networkId, lookup],
    );
    const byExternalId = new Map(stored.map((a) => [a.external_id, a]));
    const fresh = rows.filter((r) => !byExternalId.has(r.externalId));
    const ids: { id: string }[] = fresh.length
      ? await this.db.query(`SELECT nextval('activities_id_seq')::text AS id FROM generate_series(1, $1)`, [fresh.length])
      : [];
    const idOf = new Map<string, string>(stored.map((a) => [a.external_id, a.id]));
    fresh.forEach((r, i) => idOf.set(r.externalId, ids[i].id));
    const links = resolveLinks(rows, idOf, byExternalId);
    const keepsText = (r: ActivityRow) => !this.erasedMembers.has(memberIds.get(r.author) as string);

    const result: { key: string; id: string; deleted: boolean }[] = await this.db.query(
      `INSERT INTO activities AS a (network_id, id, external_id, kind, author_id, group_id, parent_external_id, parent_id, root_id, occurred_at, text, tags, reaction)
       OVERRIDING SYSTEM VALUE
       SELECT $1, t.id, t.external_id, t.kind, t.author_id, t.group_id, t.parent_external_id, t.parent_id, t.root_id, t.occurred_at, t.text,
              t.tags::text[], t.reaction -- tags travel as one array literal per row
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::bigint[], $9::bigint[], $10::timestamptz[], $11::text[], $12::text[], $13::text[])
         AS t(id, external_id, kind, author_id, group_id, parent_external_id, parent_id, root_id, occurred_at, text, tags, reaction)
       ON CONFLICT (network_id, external_id) DO UPDATE SET
         kind = excluded.kind, author_id = excluded.author_id, group_id = excluded.group_id,
         parent_external_id = excluded.parent_external_id, parent_id = excluded.parent_id,
         root_id = CASE WHEN excluded.kind IN (${ROOT_KINDS_SQL}) THEN a.id ELSE excluded.root_id END,
         occurred_at = excluded.occurred_at, text = excluded.text, tags = excluded.tags, reaction = excluded.reaction,
         updated_at = now()
       WHERE (a.kind, a.author_id, a.group_id, a.parent_external_id, a.occurred_at, a.text, a.tags, a.reaction)
         IS DISTINCT FROM (excluded.kind, excluded.author_id, excluded.group_id, excluded.parent_external_id, excluded.occurred_at, excluded.text, excluded.tags, excluded.reaction)
       RETURNING a.external_id AS key, a.id::text AS id, a.deleted_at IS NOT NULL AS deleted`,
      [
        this.networkId,
        rows.map((r) => idOf.get(r.externalId)),
        rows.map((r) => r.externalId),
        rows.map((r) => r.kind),
        rows.map((r) => memberIds.get(r.author)),
        rows.map((r) => (r.group ? groupIds.get(r.group) : null)),
        rows.map((r) => r.parent),
        rows.map((r) => links.get(r)?.parentId ?? null),
        rows.map((r) => links.get(r)?.rootId ?? null),
        rows.map((r) => r.occurredAt),
        rows.map((r) => (keepsText(r) ? r.text : null)),
        rows.map((r) => (keepsText(r) ? arrayLiteral(r.tags) : null)),
        rows.map((r) => (keepsText(r) ? r.reaction : null)),
      ],
    );
    const writtenIds = new Map(result.map((r) => [r.key, r.id]));
    const created: string[] = [];
    const relink: string[] = [];
    const moved: string[] = [];
    for (const row of rows) {
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
      if (before.kind === null || before.parent_external_id !== row.parent || wasRoot !== ROOT_KINDS.includes(row.kind)) relink.push(row.externalId);
    }
    // a tombstone stays deleted when its activity arrives: it is written but must not match
    const live = new Map(result.filter((r) => !r.deleted).map((r) => [r.key, r.id]));
    return { created, relink, moved, ids: live };
  }

  /**
   * SPEC §3.6 matching, once per written activity: the activities this call inserted or changed get
   * their keyword matches rewritten, deleted ones lose theirs. Keywords are read after the network
   * lock, and objective changes take the same lock, so they are the ones in force at commit.
   */
  private async matchKeywords(
    deletions: ActivityDeletionRow[],
    activities: ActivityRow[],
    writtenIds: Map<string, string>,
    groupIds: Map<string, string>,
    memberIds: Map<string, string>,
  ): Promise<void> {
    if (this.networkId === null || (deletions.length === 0 && writtenIds.size === 0)) return;
    const matcher = await loadMatcher(this.db, this.networkId);
    if (matcher.isEmpty) return;
    await deleteMatchesOf(
      this.db,
      this.networkId,
      deletions.map((d) => d.externalId),
    );
    const written = activities
      .filter((a) => writtenIds.has(a.externalId))
      .map((a) => ({
        id: writtenIds.get(a.externalId) as string,
        kind: a.kind,
        text: this.erasedMembers.has(memberIds.get(a.author) as string) ? null : a.text,
        tags: this.erasedMembers.has(memberIds.get(a.author) as string) ? null : a.tags,
        occurredAt: a.occurredAt,
        groupId: a.group ? (groupIds.get(a.group) ?? null) : null,
        authorId: memberIds.get(a.author) ?? null,
        deleted: false,
      }));
    await rewriteMatches(this.db, this.networkId, written, matcher);
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
      // Which of the new activities do orphans wait for? One probe each of the small partial index of
      // unresolved links (LATERAL + OFFSET 0 keep the planner from scanning every orphan instead,
      // which it does when statistics are missing). Usually none, and the update is skipped.
      const awaited: { ext: string }[] = await this.db.query(
        `SELECT w.ext FROM unnest($2::text[]) AS w(ext)
         WHERE EXISTS (SELECT 1 FROM activities x WHERE x.network_id = $1 AND x.parent_external_id = w.ext AND x.parent_id IS NULL OFFSET 0)`,
        [this.networkId, created],
      );
      if (awaited.length > 0) {
        // TypeORM answers an UPDATE with [rows, rowCount]
        const [rows]: [{ id: string }[], number] = await this.db.query(
          `WITH waiting AS MATERIALIZED (
             SELECT x.id AS child_id, p.id AS parent_id, p.root_id
             FROM unnest($2::text[]) AS w(ext)
             JOIN activities p ON p.network_id = $1 AND p.external_id = w.ext
             CROSS JOIN LATERAL (SELECT id FROM activities x WHERE x.network_id = $1 AND x.parent_external_id = w.ext AND x.parent_id IS NULL OFFSET 0) x
           )
           UPDATE activities c SET parent_id = waiting.parent_id, root_id = waiting.root_id, updated_at = now()
           FROM waiting WHERE c.network_id = $1 AND c.id = waiting.child_id
           RETURNING c.id::text AS id`,
          [this.networkId, awaited.map((a) => a.ext)],
        );
        linked.push(...rows.map((r) => r.id));
      }
    }
    if (moved.length > 0) {
      const [rows]: [{ id: string }[], number] = await this.db.query(
        `UPDATE activities c SET parent_id = p.id, root_id = p.root_id, updated_at = now()
         FROM activities p
         WHERE p.network_id = $1 AND p.external_id = ANY($2::text[])
           AND c.network_id = $1 AND c.parent_external_id = p.external_id AND c.parent_id IS DISTINCT FROM p.id
         RETURNING c.id::text AS id`,
        [this.networkId, moved],
      );
      linked.push(...rows.map((r) => r.id));
    }
    if (linked.length === 0 && relink.length === 0) return;
    await this.db.query(
      `WITH RECURSIVE seeds AS (
         -- two index lookups rather than one OR, which would scan the whole network
         SELECT id, root_id FROM activities WHERE network_id = $1 AND external_id = ANY($2::text[])
         UNION
         SELECT id, root_id FROM activities WHERE network_id = $1 AND id = ANY($3::bigint[])
       ), tree AS (
         -- descend only where the root differs: below a node that already has the right root, the
         -- subtree is consistent (every root change is carried down in the same transaction)
         SELECT c.id, s.root_id FROM activities c JOIN seeds s ON c.network_id = $1 AND c.parent_id = s.id WHERE c.root_id IS DISTINCT FROM s.root_id
         UNION
         SELECT c.id, t.root_id FROM activities c JOIN tree t ON c.network_id = $1 AND c.parent_id = t.id WHERE c.root_id IS DISTINCT FROM t.root_id
       )
       UPDATE activities a SET root_id = tree.root_id, updated_at = now()
       FROM tree WHERE a.network_id = $1 AND a.id = tree.id AND a.root_id IS DISTINCT FROM tree.root_id`,
      [this.networkId, relink, linked],
    );
  }
}

interface StoredActivity {
  external_id: string;
  id: string;
  kind: string | null;
  parent_external_id: string | null;
  root_id: string | null;
}

/**
 * Parent id and thread root of each row, from the rows of the same batch first, then from what is
 * stored. A root's root is itself; a chain that leaves the known activities, or closes on itself
 * (a cycle is cut where it closes), has no root yet.
 */
export function resolveLinks(
  rows: ActivityRow[],
  idOf: Map<string, string>,
  stored: Map<string, { root_id: string | null }>,
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
      } else root = stored.get(row.parent)?.root_id ?? null;
    }
    roots.set(row, root);
    return root;
  };
  return new Map(rows.map((r) => [r, { parentId: r.parent === null ? null : (idOf.get(r.parent) ?? null), rootId: rootOf(r, new Set()) }]));
}
