import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A member ingested through a network is a member of that network (SPEC §2). */
@Entity({ name: 'network_members' })
export class NetworkMember {
  @PrimaryColumn({ name: 'network_id', type: 'integer' })
  networkId: number;

  @PrimaryColumn({ name: 'member_id', type: 'bigint' })
  memberId: string;

  /** When the member was first ingested through this network: their membership start when the record has no joinedAt. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
