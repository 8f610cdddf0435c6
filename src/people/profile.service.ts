import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normaliseTokens } from '../common/text/normalise';
import { FieldError, ValidationFailed } from '../common/errors/domain-errors';
import { decodeCursor, encodeCursor, int4After, PageQuery } from '../common/pagination/pagination';
import { execute, rows as sqlRows, sql } from '../database/sql';
import { AuditService } from '../governance/audit.service';
import { networkLimit, Principal } from '../governance/principal';
import { DeclaredProfileView, InterestTopicDto, LeveledTopicDto, ProfileHistoryPage, ProfileView, PutProfileDto } from './dto/profile.dto';
import { requireMember } from './people-scope';
import type { Facet } from './profile-topic.entity';
import { observedScore } from './queries/experts.query';
import { memberInterests, memberObservedExpertise } from './queries/member-profile.query';
import { OBSERVED_EXPERT_MIN_SCORE } from '../indicators/metrics.registry';

const FACET_FIELDS: [keyof PutProfileDto, Facet][] = [
  ['expertise', 'expertise'],
  ['competences', 'competence'],
  ['interests', 'interest'],
];

interface TopicRow {
  facet: Facet;
  topic: string;
  topicKey: string;
  level: number | null;
}

/**
 * The declared triptych (SPEC §2) and the profile (SPEC §3.8): declared topics beside inferred
 * interests and observed expertise from the people index, and the gaps between them.
 */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Replaces the member's triptych; every change becomes a version of the history. */
  async put(principal: Principal, externalId: string, dto: PutProfileDto): Promise<DeclaredProfileView> {
    const rows = normalise(dto);
    await this.db.transaction(async (m) => {
      const member = await requireMember(m, principal, externalId);
      const [current] = await sqlRows(m, sql<{ version: number }>`SELECT version FROM member_profiles WHERE member_id = ${member.id}::bigint FOR UPDATE`);
      const version = (current?.version ?? 0) + 1;
      await execute(m, sql`DELETE FROM profile_topics WHERE member_id = ${member.id}::bigint`);
      if (rows.length > 0) {
        await execute(
          m,
          sql`INSERT INTO profile_topics (member_id, facet, topic_key, topic, level, position)
           SELECT ${member.id}::bigint, t.* FROM unnest(${rows.map((r) => r.facet)}::text[], ${rows.map((r) => r.topicKey)}::text[], ${rows.map((r) => r.topic)}::text[],
                                                ${rows.map((r) => r.level)}::smallint[], ${rows.map((r) => r.position)}::int[]) AS t`,
        );
      }
      await execute(
        m,
        sql`INSERT INTO member_profiles (member_id, version, updated_at, updated_by) VALUES (${member.id}::bigint, ${version}, now(), ${principal.keyId})
         ON CONFLICT (member_id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      );
      await execute(
        m,
        sql`INSERT INTO profile_versions (member_id, version, changed_at, changed_by, profile)
         VALUES (${member.id}::bigint, ${version}, now(), ${principal.keyId}, ${JSON.stringify(asDeclared(rows))})`,
      );
      await this.audit.record(principal, { action: 'profile.update', target: externalId, details: { version } }, m);
    });
    const member = await requireMember(this.db.manager, principal, externalId);
    return this.declared(member.id);
  }

  async get(principal: Principal, externalId: string): Promise<ProfileView> {
    const member = await requireMember(this.db.manager, principal, externalId);
    const declared = await this.declared(member.id);
    const networks = networkLimit(principal);
    const { items: interests, computedAt } = await memberInterests(this.db.manager, member.id, networks);
    const observed = await memberObservedExpertise(this.db.manager, member.id, networks);
    const declaredKeys = new Map([...declared.expertise, ...declared.competences].map((t) => [normaliseTokens(t.topic).join(' '), t.topic] as const));
    const observedKeys = new Set(observed.map((o) => o.topicKey));
    await this.audit.record(principal, { action: 'profile.read', target: externalId });
    return {
      member: member.externalId,
      displayName: member.displayName,
      department: member.department,
      site: member.site,
      declared,
      inferredInterests: interests,
      observedExpertise: observed,
      gaps: {
        declaredNotObserved: [...declaredKeys].filter(([key]) => !observedKeys.has(key)).map(([, topic]) => topic),
        observedNotDeclared: observed.filter((o) => !declaredKeys.has(o.topicKey) && observedScore(o) >= OBSERVED_EXPERT_MIN_SCORE).map((o) => o.topic),
      },
      computedAt: computedAt?.toISOString() ?? null,
    };
  }

  async history(principal: Principal, externalId: string, page: PageQuery): Promise<ProfileHistoryPage> {
    const member = await requireMember(this.db.manager, principal, externalId);
    const before = decodeCursor(page.cursor);
    const rows = await sqlRows(
      this.db.manager,
      sql<{
        version: number;
        changedAt: Date;
        profile: { expertise: LeveledTopicDto[]; competences: LeveledTopicDto[]; interests: InterestTopicDto[] };
      }>`SELECT version, changed_at, profile FROM profile_versions WHERE member_id = ${member.id}::bigint
         ${before === undefined ? sql`` : sql`AND version < ${int4After(before)}::int`} ORDER BY version DESC LIMIT ${page.limit + 1}`,
    );
    await this.audit.record(principal, { action: 'profile.history.read', target: externalId });
    const items = rows.slice(0, page.limit).map((r) => ({ version: r.version, changedAt: r.changedAt.toISOString(), ...r.profile }));
    return { items, nextCursor: rows.length > page.limit ? encodeCursor(items[items.length - 1].version) : null };
  }

  private async declared(memberId: string): Promise<DeclaredProfileView> {
    const db = this.db.manager;
    const rows = await sqlRows(
      db,
      sql<TopicRow>`SELECT facet, topic, topic_key, level FROM profile_topics WHERE member_id = ${memberId}::bigint ORDER BY facet, position`,
    );
    const [profile] = await sqlRows(
      db,
      sql<{ version: number; updatedAt: Date }>`SELECT version, updated_at FROM member_profiles WHERE member_id = ${memberId}::bigint`,
    );
    return { ...asDeclared(rows), version: profile?.version ?? 0, updatedAt: profile?.updatedAt.toISOString() ?? null };
  }
}

/** Each topic's SPEC §3.6 key; a topic without letters or digits, or twice in a facet, is a 400. */
function normalise(dto: PutProfileDto): (TopicRow & { position: number })[] {
  const errors: FieldError[] = [];
  const rows: (TopicRow & { position: number })[] = [];
  for (const [field, facet] of FACET_FIELDS) {
    const seen = new Map<string, number>();
    (dto[field] ?? []).forEach((entry: { topic: string; level?: number }, i: number) => {
      const key = normaliseTokens(entry.topic).join(' ');
      if (key === '') errors.push({ path: `${field}[${i}].topic`, message: 'topic must hold at least one letter or digit' });
      else if (seen.has(key))
        errors.push({ path: `${field}[${i}].topic`, message: `topic duplicates ${field}[${seen.get(key)}].topic (both normalise to "${key}")` });
      else {
        seen.set(key, i);
        rows.push({ facet, topic: entry.topic, topicKey: key, level: facet === 'interest' ? null : (entry.level ?? null), position: i });
      }
    });
  }
  if (errors.length > 0) throw new ValidationFailed(errors);
  return rows;
}

function asDeclared(rows: TopicRow[]): { expertise: LeveledTopicDto[]; competences: LeveledTopicDto[]; interests: InterestTopicDto[] } {
  const of = (facet: Facet) => rows.filter((r) => r.facet === facet);
  return {
    expertise: of('expertise').map((r) => ({ topic: r.topic, level: r.level as number })),
    competences: of('competence').map((r) => ({ topic: r.topic, level: r.level as number })),
    interests: of('interest').map((r) => ({ topic: r.topic })),
  };
}
