import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ACTIVITY_KINDS = ['post', 'question', 'reply', 'reaction', 'share', 'accept'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
/** Kinds that start a thread and never have a parent. */
export const ROOT_KINDS: readonly ActivityKind[] = ['post', 'question'];
/** The same as an SQL list, for `kind IN …`. */
export const ROOT_KINDS_SQL = `(${ROOT_KINDS.map((k) => `'${k}'`).join(', ')})`;

/** SPEC §2: contributions are posts, questions, replies and shares (reactions and accepts are activity, not contribution). */
export const CONTRIBUTION_KINDS: readonly ActivityKind[] = ['post', 'question', 'reply', 'share'];
/** The same as an SQL list, for `kind IN …`. */
export const CONTRIBUTION_KINDS_SQL = `(${CONTRIBUTION_KINDS.map((k) => `'${k}'`).join(', ')})`;

export function isContribution(kind: string | null): boolean {
  return kind !== null && (CONTRIBUTION_KINDS as readonly string[]).includes(kind);
}

/** SPEC §3.5: an interaction is a live reply or reaction to a known parent written by someone else. */
export const INTERACTION_KINDS: readonly ActivityKind[] = ['reply', 'reaction'];

/**
 * The same in SQL: activity `i` is an interaction on activity `p` (trusted aliases). `p` must be live
 * (not deleted) — the caller's join says so, as `p` may be a CTE of live rows without `deleted_at`.
 */
export const interactionSql = (i: string, p: string) =>
  `${i}.network_id = ${p}.network_id AND ${i}.parent_id = ${p}.id AND ${i}.deleted_at IS NULL
   AND ${i}.kind IN (${INTERACTION_KINDS.map((k) => `'${k}'`).join(', ')}) AND ${i}.author_id <> ${p}.author_id`;

/**
 * One event of the network, keyed by (network, externalId).
 *
 * Threads: `parentExternalId` is what the client sent; `parentId` is filled once that parent is
 * known and `rootId` once the whole chain up to a post/question is known (a root's rootId is its
 * own id). Rows still waiting for a parent are the "unresolved parent links" and are found through
 * a partial index, so resolving them after each ingestion chunk costs in proportion to their number.
 *
 * A deletion keeps the row as a tombstone (`deletedAt`), so that a deletion arriving before the
 * activity itself still wins; tombstones for never-seen activities have no kind/author/time.
 */
@Entity({ name: 'activities' })
@Check('activities_kind_ck', `kind IN ('post', 'question', 'reply', 'reaction', 'share', 'accept')`)
@Check('activities_complete_ck', `deleted_at IS NOT NULL OR (kind IS NOT NULL AND author_id IS NOT NULL AND occurred_at IS NOT NULL)`)
@Index('activities_network_external_uq', ['networkId', 'externalId'], { unique: true })
// (network_id, occurred_at) INCLUDE (kind, author_id, group_id) WHERE deleted_at IS NULL: covering, so the
// partial days of a rollup read are index-only; TypeORM cannot express INCLUDE, the migration owns it
@Index('activities_window_idx', { synchronize: false })
@Index('activities_group_window_idx', ['networkId', 'groupId', 'occurredAt'], { where: 'deleted_at IS NULL' })
@Index('activities_author_window_idx', ['networkId', 'authorId', 'occurredAt'], { where: 'deleted_at IS NULL' })
@Index('activities_thread_idx', ['networkId', 'rootId', 'occurredAt'])
@Index('activities_parent_idx', ['networkId', 'parentId'])
@Index('activities_unresolved_parent_idx', ['networkId', 'parentExternalId'], { where: 'parent_id IS NULL AND parent_external_id IS NOT NULL' })
@Index('activities_unresolved_root_idx', ['networkId', 'parentId'], { where: 'root_id IS NULL AND parent_id IS NOT NULL' })
export class Activity {
  @PrimaryColumn({ name: 'network_id', type: 'integer' })
  networkId: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'external_id', type: 'varchar', length: 200 })
  externalId: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  kind: ActivityKind | null;

  @Column({ name: 'author_id', type: 'bigint', nullable: true })
  authorId: string | null;

  @Column({ name: 'group_id', type: 'bigint', nullable: true })
  groupId: string | null;

  @Column({ name: 'parent_external_id', type: 'varchar', length: 200, nullable: true })
  parentExternalId: string | null;

  @Column({ name: 'parent_id', type: 'bigint', nullable: true })
  parentId: string | null;

  @Column({ name: 'root_id', type: 'bigint', nullable: true })
  rootId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true })
  occurredAt: Date | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'text', array: true, nullable: true })
  tags: string[] | null;

  /** Optional label of a reaction (like, praise, …). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  reaction: string | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
