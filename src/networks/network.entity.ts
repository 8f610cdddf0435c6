import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One enterprise social network (or transverse network). Every activity-scale table carries its id first. */
@Entity({ name: 'networks' })
export class Network {
  @PrimaryGeneratedColumn('identity', { type: 'integer', generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  key: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** IANA time zone used to bucket indicators by day/week/month. */
  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timezone: string;

  /**
   * Whether every activity of the network has its `activity_terms` rows: false for networks that had
   * activities before those rows existed, until the terms-index job has filled them.
   */
  @Column({ name: 'terms_indexed', type: 'boolean', default: true })
  termsIndexed: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
