import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lockAllNetworks } from '../database/network-locks';
import { execute, fragment, rows, sql, SqlExample } from '../database/sql';
import { NotFound } from '../common/errors/domain-errors';
import { AuditService } from '../governance/audit.service';
import { MEMBER_AUDIT_ACTIONS } from '../governance/audit-actions';
import { activityVisibility, canSeeConfidential, confidentialGroup, networkLimit, Principal } from '../governance/principal';
import { CURRENT_GENERATION, inReadableNetworks, requireMember } from '../people/people-scope';
import { deleteTermsOfAuthorQuery } from '../topics/activity-terms';
import { ErasureReport, MemberExport } from './dto/privacy.dto';

/**
 * GDPR (SPEC §4): erasure of a member's personal data and subject access export, both audited.
 *
 * Erasure keeps the member row, pseudonymous (externalId and department stay: the client's key and
 * what the indicators group by), and every activity row with its kind, time, group, parent and
 * keyword matches, so every count and indicator keeps exactly its value. What goes: name, email,
 * site, job title, the declared profile and its history, the texts, tags and reaction labels of
 * their activities, their inferred interests, expertise evidence and animator scores, the terms of their contributions
 * indexed for emerging topics (the people
 * index skips erased members from then on). Later member records cannot bring the personal fields
 * back, and later activities of the member are stored without text, tags nor reaction label.
 */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async erase(principal: Principal, externalId: string): Promise<ErasureReport> {
    return this.db.transaction(async (m) => {
      // activities are written: every network's writer lock, in id order, before any row lock
      await lockAllNetworks(m);
      const [member] = await rows(m, sql<{ id: string }>`SELECT id::text FROM members WHERE external_id = ${externalId} FOR UPDATE`);
      if (!member) throw new NotFound(`No member with externalId "${externalId}"`);
      await execute(
        m,
        sql`UPDATE members SET display_name = NULL, email = NULL, site = NULL, job_title = NULL, erased_at = coalesce(erased_at, now()), updated_at = now()
            WHERE id = ${member.id}`,
      );
      const texts = await execute(
        m,
        sql`UPDATE activities SET text = NULL, tags = NULL, reaction = NULL, updated_at = now()
            WHERE author_id = ${member.id} AND (text IS NOT NULL OR tags IS NOT NULL OR reaction IS NOT NULL)`,
      );
      const counts: Record<string, number> = { activityTexts: texts.rowCount };
      for (const [label, table] of [
        ['profileVersions', 'profile_versions'],
        ['profileTopics', 'profile_topics'],
        ['profiles', 'member_profiles'],
        ['inferredInterests', 'member_interests'],
        ['expertiseEvidence', 'member_topic_evidence'],
        ['animatorScores', 'animator_scores'],
      ] as const) {
        const deleted = await execute(m, sql`DELETE FROM ${fragment(table)} WHERE member_id = ${member.id}`);
        counts[label] = deleted.rowCount;
      }
      counts.activityTerms = (await execute(m, deleteTermsOfAuthorQuery(member.id))).rowCount;
      await this.audit.record(principal, { action: 'member.erase', target: externalId, details: counts }, m);
      return { member: externalId, erased: counts as unknown as ErasureReport['erased'] };
    });
  }

  /**
   * Everything held about a member (GDPR subject access), limited to what the key reads (SPEC §4):
   * - the member record, the declared profile and its history are organisation-wide, not tied to a
   *   network: shown whole, as GET /v1/members/{id}/profile shows them to the same key (a key limited
   *   to networks reaches only members ingested through one of them, requireMember);
   * - networks, memberships, activities, inferred interests, expertise evidence and animator scores
   *   are limited to the key's networks (networkLimit: every network for admin and unscoped keys);
   * - confidential content (isConfidentialActivity; a confidential group's name) is redacted unless
   *   the key may see it (redactConfidential);
   * - audit entries: those about the member (MEMBER_AUDIT_ACTIONS on their externalId), whichever key
   *   made them; for a key limited to networks without their details, which count the member's rows
   *   across every network.
   */
  async export(principal: Principal, externalId: string): Promise<MemberExport> {
    const m = this.db.manager;
    await requireMember(m, principal, externalId); // a key limited to networks exports only their members
    const [member] = await rows(m, exportMemberQuery(externalId));
    if (!member) throw new NotFound(`No member with externalId "${externalId}"`);
    const id = member.id as string;
    delete member.id;
    const q = exportQueries(id, externalId, networkLimit(principal));
    const result: MemberExport = {
      member,
      networks: await rows(m, q.networks),
      memberships: redactConfidential(principal, await rows(m, q.memberships), ['groupName']),
      // parent stays on confidential rows: the ids of a thread are no one's content
      activities: redactConfidential(principal, await rows(m, q.activities), ['text', 'tags', 'reaction']),
      profile: await rows(m, q.profile),
      profileHistory: await rows(m, q.profileHistory),
      inferredInterests: await rows(m, q.inferredInterests),
      expertiseEvidence: await rows(m, q.expertiseEvidence),
      animatorScores: await rows(m, q.animatorScores),
      auditEntries: await rows(m, q.auditEntries),
    };
    await this.audit.record(principal, { action: 'member.export', target: externalId, details: { activities: result.activities.length } });
    return result;
  }
}

/** A row of the export, as answered (camelCase keys). */
type ExportRow = Record<string, unknown>;

/** The member record of an export, with its internal id (removed before it is answered). */
export function exportMemberQuery(externalId: string) {
  return sql<ExportRow>`SELECT id::text, external_id, display_name, email, department, site, job_title,
            joined_at, is_placeholder AS placeholder, erased_at, created_at, updated_at
     FROM members WHERE external_id = ${externalId}`;
}

/**
 * The parts of a member's export after the member record: `memberId` its internal id, `networks` the
 * key's network keys (null: every network), which limit the network-bound parts and withhold the audit
 * entries' details.
 */
export function exportQueries(memberId: string, externalId: string, networks: readonly string[] | null) {
  const visibility = activityVisibility('a');
  return {
    networks: sql<ExportRow>`SELECT n.key AS network, nm.counted_from FROM network_members nm JOIN networks n ON n.id = nm.network_id
       WHERE nm.member_id = ${memberId} AND ${inReadableNetworks('nm.network_id', networks)} ORDER BY n.key`,
    memberships: sql<ExportRow>`SELECT n.key AS network, g.external_id AS "group", g.name AS group_name, ms.role, ms.is_declared_leader AS declared_leader,
              ms.joined_at, ms.left_at, ${confidentialGroup('g')} AS confidential
       FROM memberships ms JOIN groups g ON g.id = ms.group_id JOIN networks n ON n.id = ms.network_id
       WHERE ms.member_id = ${memberId} AND ${inReadableNetworks('ms.network_id', networks)} ORDER BY n.key, g.external_id`,
    activities: sql<ExportRow>`SELECT n.key AS network, a.external_id, a.kind, g.external_id AS "group", a.parent_external_id AS parent, a.occurred_at,
              a.text, a.tags, a.reaction, a.deleted_at,
              ${visibility.confidential} AS confidential
       FROM activities a ${visibility.joins}
       JOIN networks n ON n.id = a.network_id LEFT JOIN groups g ON g.network_id = a.network_id AND g.id = a.group_id
       WHERE a.author_id = ${memberId} AND ${inReadableNetworks('a.network_id', networks)} ORDER BY n.key, a.occurred_at, a.id`,
    profile: sql<ExportRow>`SELECT facet, topic, level FROM profile_topics WHERE member_id = ${memberId} ORDER BY facet, position`,
    profileHistory: sql<ExportRow>`SELECT version, changed_at, changed_by, profile FROM profile_versions WHERE member_id = ${memberId} ORDER BY version`,
    inferredInterests: sql<ExportRow>`SELECT n.key AS network, i.term, i.weight, i.activity_ids AS activities FROM member_interests i JOIN networks n ON n.id = i.network_id
       ${fragment(CURRENT_GENERATION('i'))} WHERE i.member_id = ${memberId} AND ${inReadableNetworks('i.network_id', networks)} ORDER BY n.key, i.rank`,
    expertiseEvidence: sql<ExportRow>`SELECT n.key AS network, e.topic_key AS topic, e.accepted_answers, e.replies, e.reactions_received, e.people_helped
       FROM member_topic_evidence e JOIN networks n ON n.id = e.network_id ${fragment(CURRENT_GENERATION('e'))}
       WHERE e.member_id = ${memberId} AND ${inReadableNetworks('e.network_id', networks)} ORDER BY n.key, e.topic_key`,
    animatorScores: sql<ExportRow>`SELECT n.key AS network, s.score, s.people_helped, s.departments_reached, s.accepted_answers, s.centrality
       FROM animator_scores s JOIN networks n ON n.id = s.network_id ${fragment(CURRENT_GENERATION('s'))}
       WHERE s.member_id = ${memberId} AND ${inReadableNetworks('s.network_id', networks)} ORDER BY n.key`,
    // details count the member's rows across every network: only for keys that read every network
    auditEntries: sql<ExportRow>`SELECT occurred_at, actor, action, ${networks === null ? sql`details` : sql`NULL`} AS details FROM audit_log
       WHERE target = ${externalId} AND action = ANY(${[...MEMBER_AUDIT_ACTIONS]}::text[]) ORDER BY id`,
  };
}

/**
 * Confidential groups' names and confidential activities' texts, tags and reaction labels are shown
 * only to admin keys and keys limited to their network (SPEC §4), in an export too: for other keys
 * those fields are null on rows marked `confidential` (the row itself stays, so the export still says
 * the member took part). An admin key exports everything, for a complete subject access answer.
 */
function redactConfidential(principal: Principal, list: Record<string, unknown>[], fields: string[]): Record<string, unknown>[] {
  return list.map((row) => {
    if (!row.confidential || canSeeConfidential(principal, row.network as string)) return row;
    return { ...row, ...Object.fromEntries(fields.map((f) => [f, null])) };
  });
}

const EXAMPLE = { memberId: '42', externalId: 'm-1' };
const unscoped = exportQueries(EXAMPLE.memberId, EXAMPLE.externalId, null);
const limited = exportQueries(EXAMPLE.memberId, EXAMPLE.externalId, ['net-a', 'net-b']);
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'export: the member record', query: exportMemberQuery(EXAMPLE.externalId) },
  ...Object.entries(unscoped).map(([part, query]) => ({ name: `export: ${part} (admin or unscoped key)`, query })),
  // the parts that depend on the key's networks
  ...(['networks', 'memberships', 'activities', 'inferredInterests', 'expertiseEvidence', 'animatorScores', 'auditEntries'] as const).map((part) => ({
    name: `export: ${part} (key limited to networks)`,
    query: limited[part],
  })),
];
