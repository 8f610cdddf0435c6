import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normaliseTokens } from '../common/text/normalise';
import { FieldError, ValidationFailed } from '../common/errors/domain-errors';
import { decodeCursor, encodeCursor, int4After, PageQuery } from '../common/pagination/pagination';
import { AuditService } from '../governance/audit.service';
import { networkLimit, Principal } from '../governance/principal';
import { DeclaredProfileView, InterestTopicDto, LeveledTopicDto, ProfileHistoryPage, ProfileView, PutProfileDto } from './dto/profile.dto';
import { requireMember } from './people-scope';
import type { Facet } from './profile-topic.entity';
import { HIDDEN_EXPERT_MIN_SCORE, observedScore } from './queries/experts.query';
import { memberInterests, memberObservedExpertise } from './queries/member-profile.query';

const FACET_FIELDS: [keyof PutProfileDto, Facet][] = [
  ['expertise', 'expertise'],
  ['competences', 'competence'],
  ['interests', 'interest'],
];

interface TopicRow {
  facet: Facet;
  topic: string;
  topic_key: string;
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
      const [current]: { version: number }[] = await m.query(`SELECT version FROM member_profiles WHERE member_id = $1 FOR UPDATE`, [member.id]);
      const version = (current?.version ?? 0) + 1;
      await m.query(`DELETE FROM profile_topics WHERE member_id = $1`, [member.id]);
      if (rows.length > 0) {
        await m.query(
          `INSERT INTO profile_topics (member_id, facet, topic_key, topic, level, position)
           SELECT $1, t.* FROM unnest($2::text[], $3::text[], $4::text[], $5::smallint[], $6::int[]) AS t`,
          [member.id, rows.map((r) => r.facet), rows.map((r) => r.topic_key), rows.map((r) => r.topic), rows.map((r) => r.level), rows.map((r) => r.position)],
        );
      }
      await m.query(
        `INSERT INTO member_profiles (member_id, version, updated_at, updated_by) VALUES ($1, $2, now(), $3)
         ON CONFLICT (member_id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [member.id, version, principal.keyId],
      );
      await m.query(`INSERT INTO profile_versions (member_id, version, changed_at, changed_by, profile) VALUES ($1, $2, now(), $3, $4)`, [
        member.id,
        version,
        principal.keyId,
        JSON.stringify(asDeclared(rows)),
      ]);
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
      member: member.external_id,
      displayName: member.display_name,
      department: member.department,
      site: member.site,
      declared,
      inferredInterests: interests,
      observedExpertise: observed,
      gaps: {
        declaredNotObserved: [...declaredKeys].filter(([key]) => !observedKeys.has(key)).map(([, topic]) => topic),
        observedNotDeclared: observed.filter((o) => !declaredKeys.has(o.topicKey) && observedScore(o) >= HIDDEN_EXPERT_MIN_SCORE).map((o) => o.topic),
      },
      computedAt: computedAt?.toISOString() ?? null,
    };
  }

  async history(principal: Principal, externalId: string, page: PageQuery): Promise<ProfileHistoryPage> {
    const member = await requireMember(this.db.manager, principal, externalId);
    const before = decodeCursor(page.cursor);
    const rows: {
      version: number;
      changed_at: Date;
      profile: { expertise: LeveledTopicDto[]; competences: LeveledTopicDto[]; interests: InterestTopicDto[] };
    }[] = await this.db.query(
      `SELECT version, changed_at, profile FROM profile_versions WHERE member_id = $1 AND ($2::int IS NULL OR version < $2) ORDER BY version DESC LIMIT $3`,
      [member.id, before === undefined ? null : int4After(before), page.limit + 1],
    );
    await this.audit.record(principal, { action: 'profile.history.read', target: externalId });
    const items = rows.slice(0, page.limit).map((r) => ({ version: r.version, changedAt: r.changed_at.toISOString(), ...r.profile }));
    return { items, nextCursor: rows.length > page.limit ? encodeCursor(items[items.length - 1].version) : null };
  }

  private async declared(memberId: string): Promise<DeclaredProfileView> {
    const rows: TopicRow[] = await this.db.query(`SELECT facet, topic, topic_key, level FROM profile_topics WHERE member_id = $1 ORDER BY facet, position`, [
      memberId,
    ]);
    const [profile]: { version: number; updated_at: Date }[] = await this.db.query(`SELECT version, updated_at FROM member_profiles WHERE member_id = $1`, [
      memberId,
    ]);
    return { ...asDeclared(rows), version: profile?.version ?? 0, updatedAt: profile?.updated_at.toISOString() ?? null };
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
        rows.push({ facet, topic: entry.topic, topic_key: key, level: facet === 'interest' ? null : (entry.level ?? null), position: i });
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
