import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Network } from '../networks/network.entity';
import type { StoredPolicy } from './health-policy';

/**
 * A network's health policy (SPEC §3.10): only the thresholds set through PUT
 * /v1/networks/{key}/health-policy; the others follow the defaults (health-policy.ts). No row: every
 * threshold is the default.
 */
@Entity({ name: 'health_policies' })
export class HealthPolicyRecord {
  @PrimaryColumn({ name: 'network_id', type: 'integer', primaryKeyConstraintName: 'health_policies_pk' })
  networkId: number;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'health_policies_network_fk' })
  network?: Network;

  @Column({ type: 'jsonb' })
  policy: StoredPolicy;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** API key id of the last change (as the audit log's actor). */
  @Column({ name: 'updated_by', type: 'varchar', length: 200 })
  updatedBy: string;
}
