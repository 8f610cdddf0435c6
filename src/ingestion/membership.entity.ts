import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const MEMBERSHIP_ROLES = ['member', 'leader'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/**
 * A member's place in a group. Two sources feed it and are kept apart so that the result does not
 * depend on arrival order: the membership record (`role`, dates) and the group record's `leaders`
 * list (`isDeclaredLeader`). The member is a leader when either says so.
 */
/** Who leads a group: the membership record's role or the group record's `leaders` list says so. */
export function isLeader(m: { role: MembershipRole | null; isDeclaredLeader: boolean }): boolean {
  return m.isDeclaredLeader || m.role === 'leader';
}

/** The same test in SQL, on memberships alias `ms`. */
export const isLeaderSql = (ms: string) => `(${ms}.is_declared_leader OR ${ms}.role = 'leader')`;

@Entity({ name: 'memberships' })
@Index('memberships_member_idx', ['networkId', 'memberId'])
export class Membership {
  @PrimaryColumn({ name: 'network_id', type: 'integer' })
  networkId: number;

  @PrimaryColumn({ name: 'group_id', type: 'bigint' })
  groupId: string;

  @PrimaryColumn({ name: 'member_id', type: 'bigint' })
  memberId: string;

  /** Role from the membership record; null when only the group's leaders list named the member. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  role: MembershipRole | null;

  @Column({ name: 'is_declared_leader', type: 'boolean', default: false })
  isDeclaredLeader: boolean;

  @Column({ name: 'has_record', type: 'boolean', default: false })
  hasRecord: boolean;

  @Column({ name: 'joined_at', type: 'timestamptz', nullable: true })
  joinedAt: Date | null;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
