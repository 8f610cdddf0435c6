import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldError, ValidationFailed } from '../common/errors/domain-errors';
import { AuditService } from '../governance/audit.service';
import type { Principal } from '../governance/principal';
import { NetworksService } from '../networks/networks.service';
import { HealthPolicyView, PutHealthPolicyDto } from './dto/health-policy.dto';
import { HealthPolicyRecord } from './health-policy.entity';
import { DEFAULT_RULES, DIMENSION_KEYS, DIMENSIONS, effectivePolicy, HealthPolicy, RULE_RANGES, RuleThresholds, StoredPolicy } from './health-policy';

/** GET | PUT /v1/networks/{key}/health-policy (SPEC §3.10). */
@Injectable()
export class HealthPolicyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly networks: NetworksService,
    private readonly audit: AuditService,
  ) {}

  /** The network's thresholds: those it set, the defaults elsewhere. */
  async effective(networkId: number): Promise<{ policy: HealthPolicy; updatedAt: Date | null }> {
    const record = await this.db.getRepository(HealthPolicyRecord).findOneBy({ networkId });
    return { policy: effectivePolicy(record?.policy ?? null), updatedAt: record?.updatedAt ?? null };
  }

  async get(networkKey: string): Promise<HealthPolicyView> {
    const network = await this.networks.require(networkKey);
    const { policy, updatedAt } = await this.effective(network.id);
    return view(networkKey, policy, updatedAt);
  }

  /**
   * Replaces the network's policy (fields left out follow the defaults). Every range and the order of
   * each dimension's watch and act thresholds are checked on the effective policy; the change and its
   * audit entry (action `health-policy.update`, target the network key) commit together.
   */
  async put(principal: Principal, networkKey: string, dto: PutHealthPolicyDto): Promise<HealthPolicyView> {
    const network = await this.networks.require(networkKey);
    const stored = storedOf(dto);
    const policy = effectivePolicy(stored);
    const errors = check(stored, policy);
    if (errors.length > 0) throw new ValidationFailed(errors);
    const updatedAt = await this.db.transaction(async (manager) => {
      const repo = manager.getRepository(HealthPolicyRecord);
      const previous = await repo.findOneBy({ networkId: network.id });
      await repo.upsert({ networkId: network.id, policy: stored, updatedAt: new Date(), updatedBy: principal.keyId }, ['networkId']);
      await this.audit.record(
        principal,
        { action: 'health-policy.update', target: networkKey, details: { previous: previous?.policy ?? null, policy: stored } },
        manager,
      );
      return (await repo.findOneByOrFail({ networkId: network.id })).updatedAt;
    });
    return view(networkKey, policy, updatedAt);
  }
}

function storedOf(dto: PutHealthPolicyDto): StoredPolicy {
  const stored: StoredPolicy = {};
  for (const key of Object.keys(DEFAULT_RULES) as (keyof RuleThresholds)[]) if (dto[key] !== undefined) stored[key] = dto[key];
  if (dto.dimensions !== undefined) {
    stored.dimensions = {};
    for (const key of DIMENSION_KEYS) {
      const t = dto.dimensions[key];
      if (t === undefined) continue;
      stored.dimensions[key] = { ...(t.watch !== undefined ? { watch: t.watch } : {}), ...(t.act !== undefined ? { act: t.act } : {}) };
    }
  }
  return stored;
}

function inRange(path: string, value: number, range: { min: number; max: number; integer: boolean }): FieldError[] {
  if (range.integer && !Number.isInteger(value)) return [{ path, message: `${path} must be a whole number` }];
  if (value < range.min || value > range.max) return [{ path, message: `${path} must be between ${range.min} and ${range.max}` }];
  return [];
}

/** Ranges of what was given, then the order of watch and act of each dimension (the effective pair). */
function check(stored: StoredPolicy, policy: HealthPolicy): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of Object.keys(RULE_RANGES) as (keyof RuleThresholds)[]) {
    const value = stored[key];
    if (value !== undefined) errors.push(...inRange(key, value, RULE_RANGES[key]));
  }
  for (const key of DIMENSION_KEYS) {
    const given = stored.dimensions?.[key] ?? {};
    const before = errors.length;
    for (const level of ['watch', 'act'] as const) {
      const value = given[level];
      if (value !== undefined) errors.push(...inRange(`dimensions.${key}.${level}`, value, DIMENSIONS[key]));
    }
    if (errors.length > before) continue;
    const { watch, act } = policy.dimensions[key];
    const higher = DIMENSIONS[key].better === 'higher';
    if (higher ? act > watch : act < watch) {
      errors.push({
        path: `dimensions.${key}.${given.act !== undefined ? 'act' : 'watch'}`,
        message: `dimensions.${key}: act (${act}) must be ${higher ? '≤' : '≥'} watch (${watch}): ${DIMENSIONS[key].metric} is worse when ${higher ? 'lower' : 'higher'}`,
      });
    }
  }
  return errors;
}

function view(network: string, policy: HealthPolicy, updatedAt: Date | null): HealthPolicyView {
  return { network, updatedAt: updatedAt === null ? null : new Date(updatedAt).toISOString(), ...policy };
}
