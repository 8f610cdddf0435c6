import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { lockAllNetworks } from '../database/network-locks';
import { NotFound } from '../common/errors/domain-errors';
import { AuditService } from '../governance/audit.service';
import { MEMBER_AUDIT_ACTIONS } from '../governance/audit-actions';
import { activityVisibilitySql, canSeeConfidential, confidentialGroupSql, networkLimit, Principal } from '../governance/principal';
import { CURRENT_GENERATION, readableNetwork, requireMember } from '../people/people-scope';
import { ErasureReport, MemberExport } from './dto/privacy.dto';

/**
 * GDPR (SPEC §4): erasure of a member's personal data and subject access export, both audited.
 *
 * Erasure keeps the member row, pseudonymous (externalId and department stay: the client's key and
 * what the indicators group by), and every activity row with its kind, time, group, parent and
 * keyword matches, so every count and indicator keeps exactly its value. What goes: name, email,
 * site, job title, the declared profile and its history, the texts, tags and reaction labels of
 * their activities, their inferred interests, expertise evidence and animator scores (the people
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
      const [member]: { id: string }[] = await m.query(`SELECT id::text FROM members WHERE external_id = $1 FOR UPDATE`, [externalId]);
      if (!member) throw new NotFound(`No member with externalId "${externalId}"`);
      await m.query(
        `UPDATE members SET display_name = NULL, email = NULL, site = NULL, job_title = NULL, erased_at = coalesce(erased_at, now()), updated_at = now() WHERE id = $1`,
        [member.id],
      );
      const [, texts]: [unknown, number] = await m.query(
        `UPDATE activities SET text = NULL, tags = NULL, reaction = NULL, updated_at = now()
         WHERE author_id = $1 AND (text IS NOT NULL OR tags IS NOT NULL OR reaction IS NOT NULL)`,
        [member.id],
      );
      const counts: Record<string, number> = { activityTexts: texts };
      for (const [label, table] of [
        ['profileVersions', 'profile_versions'],
        ['profileTopics', 'profile_topics'],
        ['profiles', 'member_profiles'],
        ['inferredInterests', 'member_interests'],
        ['expertiseEvidence', 'member_topic_evidence'],
        ['animatorScores', 'animator_scores'],
      ] as const) {
        const [, n]: [unknown, number] = await m.query(`DELETE FROM ${table} WHERE member_id = $1`, [member.id]);
        counts[label] = n;
      }
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
    const [member]: Record<string, unknown>[] = await m.query(
      `SELECT id::text, external_id AS "externalId", display_name AS "displayName", email, department, site, job_title AS "jobTitle",
              joined_at AS "joinedAt", is_placeholder AS placeholder, erased_at AS "erasedAt", created_at AS "createdAt", updated_at AS "updatedAt"
       FROM members WHERE external_id = $1`,
      [externalId],
    );
    if (!member) throw new NotFound(`No member with externalId "${externalId}"`);
    const id = member.id as string;
    delete member.id;
    const networks = networkLimit(principal);
    // $1: the member's id, $2: the key's network keys (null: every network)
    const scoped = (sql: string) => m.query<Record<string, unknown>[]>(sql, [id, networks]);
    const visibility = activityVisibilitySql('a');
    const result: MemberExport = {
      member,
      networks: await scoped(
        `SELECT n.key AS network, nm.counted_from AS "countedFrom" FROM network_members nm JOIN networks n ON n.id = nm.network_id
         WHERE nm.member_id = $1 AND ${readableNetwork('nm.network_id', '$2')} ORDER BY n.key`,
      ),
      memberships: redactConfidential(
        principal,
        await scoped(
          `SELECT n.key AS network, g.external_id AS "group", g.name AS "groupName", ms.role, ms.is_declared_leader AS "declaredLeader", ms.joined_at AS "joinedAt", ms.left_at AS "leftAt",
                  ${confidentialGroupSql('g')} AS confidential
           FROM memberships ms JOIN groups g ON g.id = ms.group_id JOIN networks n ON n.id = ms.network_id
           WHERE ms.member_id = $1 AND ${readableNetwork('ms.network_id', '$2')} ORDER BY n.key, g.external_id`,
        ),
        ['groupName'],
      ),
      // parent stays on confidential rows: the ids of a thread are no one's content
      activities: redactConfidential(
        principal,
        await scoped(
          `SELECT n.key AS network, a.external_id AS "externalId", a.kind, g.external_id AS "group", a.parent_external_id AS parent, a.occurred_at AS "occurredAt",
                  a.text, a.tags, a.reaction, a.deleted_at AS "deletedAt",
                  ${visibility.confidential} AS confidential
           FROM activities a ${visibility.joins}
           JOIN networks n ON n.id = a.network_id LEFT JOIN groups g ON g.network_id = a.network_id AND g.id = a.group_id
           WHERE a.author_id = $1 AND ${readableNetwork('a.network_id', '$2')} ORDER BY n.key, a.occurred_at, a.id`,
        ),
        ['text', 'tags', 'reaction'],
      ),
      profile: await rows(m, `SELECT facet, topic, level FROM profile_topics WHERE member_id = $1 ORDER BY facet, position`, id),
      profileHistory: await rows(
        m,
        `SELECT version, changed_at AS "changedAt", changed_by AS "changedBy", profile FROM profile_versions WHERE member_id = $1 ORDER BY version`,
        id,
      ),
      inferredInterests: await scoped(
        `SELECT n.key AS network, i.term, i.weight, i.activity_ids AS activities FROM member_interests i JOIN networks n ON n.id = i.network_id
         ${CURRENT_GENERATION('i')} WHERE i.member_id = $1 AND ${readableNetwork('i.network_id', '$2')} ORDER BY n.key, i.rank`,
      ),
      expertiseEvidence: await scoped(
        `SELECT n.key AS network, e.topic_key AS topic, e.accepted_answers AS "acceptedAnswers", e.replies, e.reactions_received AS "reactionsReceived", e.people_helped AS "peopleHelped"
         FROM member_topic_evidence e JOIN networks n ON n.id = e.network_id ${CURRENT_GENERATION('e')}
         WHERE e.member_id = $1 AND ${readableNetwork('e.network_id', '$2')} ORDER BY n.key, e.topic_key`,
      ),
      animatorScores: await scoped(
        `SELECT n.key AS network, s.score, s.people_helped AS "peopleHelped", s.departments_reached AS "departmentsReached", s.accepted_answers AS "acceptedAnswers", s.centrality
         FROM animator_scores s JOIN networks n ON n.id = s.network_id ${CURRENT_GENERATION('s')}
         WHERE s.member_id = $1 AND ${readableNetwork('s.network_id', '$2')} ORDER BY n.key`,
      ),
      auditEntries: await m.query(
        `SELECT occurred_at AS "occurredAt", actor, action, CASE WHEN $3::boolean THEN details END AS details FROM audit_log
         WHERE target = $1 AND action = ANY($2::text[]) ORDER BY id`,
        [externalId, MEMBER_AUDIT_ACTIONS, networks === null],
      ),
    };
    await this.audit.record(principal, { action: 'member.export', target: externalId, details: { activities: result.activities.length } });
    return result;
  }
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

function rows(m: EntityManager, sql: string, param: string): Promise<Record<string, unknown>[]> {
  return m.query(sql, [param]);
}
