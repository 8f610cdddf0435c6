import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const GROUP_VISIBILITIES = ['public', 'private', 'confidential'] as const;
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number];

/**
 * A community inside a network. A placeholder (visibility null) is created when an activity or
 * membership names a group not yet ingested; until its record arrives it is treated as confidential.
 */
@Entity({ name: 'groups' })
@Index('groups_network_external_uq', ['networkId', 'externalId'], { unique: true })
export class Group {
  @PrimaryColumn({ name: 'network_id', type: 'integer' })
  networkId: number;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'external_id', type: 'varchar', length: 200 })
  externalId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  visibility: GroupVisibility | null;

  /** The group's own creation time, as sent (`createdAt`). */
  @Column({ name: 'source_created_at', type: 'timestamptz', nullable: true })
  sourceCreatedAt: Date | null;

  @Column({ name: 'is_placeholder', type: 'boolean', default: false })
  isPlaceholder: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
