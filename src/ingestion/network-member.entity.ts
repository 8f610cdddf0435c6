import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A member ingested through a network is a member of that network (SPEC §2). */
@Entity({ name: 'network_members' })
@Index('network_members_counted_from_idx', ['networkId', 'countedFrom'])
@Index('network_members_member_idx', ['memberId'])
export class NetworkMember {
  @PrimaryColumn({ name: 'network_id', type: 'integer' })
  networkId: number;

  @PrimaryColumn({ name: 'member_id', type: 'bigint' })
  memberId: string;

  /** When the member was first ingested through this network: their membership start when the record has no joinedAt. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /**
   * From when the member counts as a member of the network (SPEC §3.1 `members`): their joinedAt, or
   * createdAt when they have none. Kept by triggers (migration ActivityRollups) so counting members
   * at a date is one index range.
   */
  @Column({ name: 'counted_from', type: 'timestamptz' })
  countedFrom: Date;
}
