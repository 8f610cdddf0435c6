import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { ENVIRONMENT, Environment } from '../common/config/environment';
import { NotFound, ValidationFailed } from '../common/errors/domain-errors';
import { decodeCursor, PageQuery, toPage } from '../common/pagination/pagination';
import { rows, sql } from '../database/sql';
import { ApiKey } from './api-key.entity';
import { generateApiKeySecret, hashApiKey, sameSecret, secretPrefix } from './api-key-secrets';
import { AuditService } from './audit.service';
import { ApiKeyPage, ApiKeyView, CreateApiKeyDto, CreatedApiKeyView } from './dto/api-key.dto';
import { BOOTSTRAP_ADMIN_ID, Principal } from './principal';

@Injectable()
export class ApiKeysService {
  constructor(
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Resolves a presented secret to its principal, or null when unknown or revoked. */
  async authenticate(secret: string): Promise<Principal | null> {
    if (this.env.ADMIN_API_KEY && sameSecret(secret, this.env.ADMIN_API_KEY)) {
      return { keyId: BOOTSTRAP_ADMIN_ID, role: 'admin', networks: null };
    }
    if (secret.length > 200) return null;
    const key = await this.keys.findOne({ where: { keyHash: hashApiKey(secret), revokedAt: IsNull() } });
    return key ? { keyId: key.id, role: key.role, networks: key.networks } : null;
  }

  async create(actor: Principal, dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    if (dto.role === 'admin' && dto.networks !== undefined) {
      // an admin can create unscoped keys, so a network limit on it would be an illusion
      throw new ValidationFailed([{ path: 'networks', message: 'admin keys cannot be limited to networks' }]);
    }
    if (dto.networks !== undefined) await this.requireNetworks(dto.networks);
    const secret = generateApiKeySecret();
    const key = this.keys.create({
      id: randomUUID(),
      name: dto.name,
      role: dto.role,
      networks: dto.networks ?? null,
      keyHash: hashApiKey(secret),
      keyPrefix: secretPrefix(secret),
      createdBy: actor.keyId,
      revokedAt: null,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(ApiKey).insert(key);
      await this.audit.record(
        actor,
        { action: 'api-key.create', target: key.id, details: { name: key.name, role: key.role, networks: key.networks } },
        manager,
      );
    });
    const saved = await this.keys.findOneByOrFail({ id: key.id });
    return { ...toView(saved), secret };
  }

  /**
   * A key is limited to networks that exist: one named before it exists would gain it silently when
   * someone creates it (networks are never deleted). 400 naming each unknown key.
   */
  private async requireNetworks(keys: string[]): Promise<void> {
    const found = await rows(this.dataSource.manager, sql<{ key: string }>`SELECT key FROM networks WHERE key = ANY(${keys}::text[])`);
    const known = new Set(found.map((r) => r.key));
    const errors = keys.flatMap((k, i) => (known.has(k) ? [] : [{ path: `networks[${i}]`, message: `network "${k}" does not exist` }]));
    if (errors.length > 0) throw new ValidationFailed(errors);
  }

  async list(page: PageQuery): Promise<ApiKeyPage> {
    // API keys are few and uuids carry no order: the cursor holds an offset into (createdAt, id) order
    const offset = Number(decodeCursor(page.cursor) ?? 0);
    const rows = await this.keys.find({ order: { createdAt: 'ASC', id: 'ASC' }, skip: offset, take: page.limit + 1 });
    return toPage(rows, page.limit, () => offset + page.limit, toView);
  }

  async get(id: string): Promise<ApiKeyView> {
    const key = await this.keys.findOneBy({ id });
    if (!key) throw new NotFound(`No API key with id ${id}`);
    return toView(key);
  }

  /** Revokes at once: the next request with this key gets 401. Revoking twice is harmless. */
  async revoke(actor: Principal, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ApiKey);
      const key = await repo.findOneBy({ id });
      if (!key) throw new NotFound(`No API key with id ${id}`);
      if (key.revokedAt === null) {
        await repo.update({ id }, { revokedAt: new Date() });
        await this.audit.record(actor, { action: 'api-key.revoke', target: id, details: { name: key.name, role: key.role } }, manager);
      }
    });
  }
}

function toView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    networks: key.networks,
    keyPrefix: key.keyPrefix,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt ? key.revokedAt.toISOString() : null,
  };
}
