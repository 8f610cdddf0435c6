import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { lockAllNetworks } from '../database/network-locks';
import { execute, rows, sql } from '../database/sql';
import { FieldError, Forbidden, NotFound, ValidationFailed } from '../common/errors/domain-errors';
import { decodeCursor, int4After, PageQuery, toPage } from '../common/pagination/pagination';
import { AuditService } from '../governance/audit.service';
import { networkLimit, Principal } from '../governance/principal';
import { ObjectivePage, ObjectiveView, OBJECTIVE_KEY_PATTERN, PutObjectiveDto } from './dto/objective.dto';
import { normaliseTokens } from '../common/text/normalise';
import { RematchService } from './rematch.service';

interface ObjectiveRow {
  id: number;
  key: string;
  name: string;
  active: boolean;
  networkIds: number[] | null;
  rematchState: string;
  rematchDone: number;
  rematchTotal: number;
  rematchStartedAt: Date | null;
  rematchFinishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Business objectives (SPEC §2): create or replace, read, list, delete. A change of keywords or
 * networks is applied under the write lock of every network (taken before the objective's row lock,
 * as re-match batches take a network lock before updating that row), the same lock ingestion takes,
 * so an ingestion transaction matches either the old keywords or the new ones, never a mix, and never
 * a keyword deleted under its feet. Matches of removed keywords and networks go in the same
 * transaction; new keywords and networks are matched against existing activities by RematchService.
 */
@Injectable()
export class ObjectivesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rematch: RematchService,
    private readonly audit: AuditService,
  ) {}

  async put(principal: Principal, key: string, dto: PutObjectiveDto): Promise<{ created: boolean; objective: ObjectiveView }> {
    requireKey(key);
    const keywords = normaliseKeywords(dto);
    requireWithinScope(principal, dto.networks ?? null);
    const { created, rematch } = await this.db.transaction(async (m) => {
      await lockAllNetworks(m);
      const networkIds = await resolveNetworks(m, dto.networks ?? null);
      const [existing] = await rows(m, sql<ObjectiveRow>`SELECT * FROM objectives WHERE key = ${key} FOR UPDATE`);
      if (existing && !(await this.visibleTo(principal, existing, m))) throw new NotFound(`No objective with key "${key}"`);
      if (existing) requireWithinScope(principal, await networkKeys(m, existing.networkIds));

      const {
        rows: [row],
      } = await execute(
        m,
        sql<{ id: number }>`INSERT INTO objectives (key, name, active, network_ids) VALUES (${key}, ${dto.name}, ${dto.active ?? true}, ${networkIds})
         ON CONFLICT (key) DO UPDATE SET name = excluded.name, active = excluded.active, network_ids = excluded.network_ids, updated_at = now()
         RETURNING id`,
      );
      const stored = await rows(m, sql<{ id: number; tokens: string }>`SELECT id, tokens FROM objective_keywords WHERE objective_id = ${row.id}`);
      const wanted = new Set(keywords.map((k) => k.tokens));
      const gone = stored.filter((s) => !wanted.has(s.tokens)).map((s) => s.id);
      if (gone.length > 0) await execute(m, sql`DELETE FROM objective_keywords WHERE id = ANY(${gone}::integer[])`); // their matches cascade
      const { rows: upserted } = await execute(
        m,
        sql<{ inserted: boolean }>`INSERT INTO objective_keywords (objective_id, term, tokens, weight, position)
         SELECT ${row.id}, t.* FROM unnest(${keywords.map((k) => k.term)}::text[], ${keywords.map((k) => k.tokens)}::text[], ${keywords.map((k) => k.weight)}::float8[], ${keywords.map((_, i) => i)}::integer[]) AS t
         ON CONFLICT (objective_id, tokens) DO UPDATE SET term = excluded.term, weight = excluded.weight, position = excluded.position
         RETURNING (xmax = 0) AS inserted`,
      );
      const added = upserted.filter((r) => r.inserted).length;
      if (existing && networkIds !== null) {
        // networks the objective no longer applies to lose its matches now
        await execute(
          m,
          sql`DELETE FROM keyword_matches WHERE keyword_id IN (SELECT id FROM objective_keywords WHERE objective_id = ${row.id}) AND NOT (network_id = ANY(${networkIds}::integer[]))`,
        );
      }
      const gainedNetworks =
        existing !== undefined && existing.networkIds !== null && (networkIds === null || networkIds.some((id) => !existing.networkIds?.includes(id)));
      const rematch = !existing || added > 0 || gainedNetworks;
      if (rematch) {
        await execute(
          m,
          sql`UPDATE objectives SET rematch_generation = rematch_generation + 1, rematch_state = 'pending', rematch_done = 0, rematch_total = 0,
                  rematch_started_at = NULL, rematch_finished_at = NULL WHERE id = ${row.id}`,
        );
      }
      await this.audit.record(
        principal,
        {
          action: existing ? 'objective.replace' : 'objective.create',
          target: key,
          details: { keywords: keywords.length, networks: dto.networks ?? null, rematch },
        },
        m,
      );
      return { created: !existing, rematch: rematch ? row.id : null };
    });
    if (rematch !== null) this.rematch.enqueue(rematch);
    return { created, objective: await this.get(principal, key) };
  }

  async get(principal: Principal, key: string): Promise<ObjectiveView> {
    requireKey(key);
    const [row] = await rows(this.db.manager, sql<ObjectiveRow>`SELECT * FROM objectives WHERE key = ${key}`);
    if (!row || !(await this.visibleTo(principal, row))) throw new NotFound(`No objective with key "${key}"`);
    return (await this.views(principal, [row]))[0];
  }

  async list(principal: Principal, page: PageQuery): Promise<ObjectivePage> {
    const after = decodeCursor(page.cursor);
    const scoped = principal.role !== 'admin' && principal.networks !== null;
    const objectives = await rows(
      this.db.manager,
      sql<ObjectiveRow>`SELECT * FROM objectives o
       WHERE o.id > ${int4After(after)} AND (NOT ${scoped} OR o.network_ids IS NULL OR o.network_ids && (SELECT array_agg(id) FROM networks WHERE key = ANY(${principal.networks ?? []}::text[])))
       ORDER BY o.id LIMIT ${page.limit + 1}`,
    );
    const views = await this.views(principal, objectives);
    return toPage(
      objectives.map((r, i) => ({ id: r.id, view: views[i] })),
      page.limit,
      (r) => r.id,
      (r) => r.view,
    );
  }

  async delete(principal: Principal, key: string): Promise<void> {
    requireKey(key);
    await this.db.transaction(async (m) => {
      await lockAllNetworks(m);
      const [row] = await rows(m, sql<ObjectiveRow>`SELECT * FROM objectives WHERE key = ${key} FOR UPDATE`);
      if (!row || !(await this.visibleTo(principal, row, m))) throw new NotFound(`No objective with key "${key}"`);
      requireWithinScope(principal, await networkKeys(m, row.networkIds));
      await execute(m, sql`DELETE FROM objectives WHERE id = ${row.id}`); // keywords and matches cascade
      await this.audit.record(principal, { action: 'objective.delete', target: key }, m);
    });
  }

  /**
   * A key limited to networks sees the objectives of every network and those of one of its networks;
   * another objective is a 404 to it, whatever the method (GET, PUT, DELETE), so that its existence is
   * not revealed. Changing one it sees needs all of the objective's networks within the key's scope
   * (requireWithinScope: 403).
   */
  private async visibleTo(principal: Principal, row: ObjectiveRow, m: EntityManager = this.db.manager): Promise<boolean> {
    if (principal.role === 'admin' || principal.networks === null || row.networkIds === null) return true;
    const keys = (await networkKeys(m, row.networkIds)) ?? [];
    return keys.some((k) => principal.networks?.includes(k));
  }

  /** The views of `rows`; a key limited to networks sees only those networks in `networks`. */
  private async views(principal: Principal, objectives: ObjectiveRow[]): Promise<ObjectiveView[]> {
    if (objectives.length === 0) return [];
    const keywords = await rows(
      this.db.manager,
      sql<{
        objectiveId: number;
        term: string;
        weight: number;
      }>`SELECT objective_id, term, weight FROM objective_keywords WHERE objective_id = ANY(${objectives.map((r) => r.id)}::integer[]) ORDER BY objective_id, position`,
    );
    const networks = await rows(
      this.db.manager,
      sql<{ id: number; key: string }>`SELECT id, key FROM networks WHERE id = ANY(${objectives.flatMap((r) => r.networkIds ?? [])}::integer[])`,
    );
    const limit = networkLimit(principal);
    const keyOf = new Map(networks.filter((n) => limit === null || limit.includes(n.key)).map((n) => [n.id, n.key]));
    return objectives.map((r) => ({
      key: r.key,
      name: r.name,
      active: r.active,
      networks: r.networkIds === null ? null : r.networkIds.flatMap((id) => keyOf.get(id) ?? []).sort(),
      keywords: keywords.filter((k) => k.objectiveId === r.id).map((k) => ({ term: k.term, weight: Number(k.weight) })),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      rematch: {
        state: r.rematchState as ObjectiveView['rematch']['state'],
        done: r.rematchDone,
        total: r.rematchTotal,
        startedAt: r.rematchStartedAt?.toISOString() ?? null,
        finishedAt: r.rematchFinishedAt?.toISOString() ?? null,
      },
    }));
  }
}

function requireKey(key: string): void {
  if (!OBJECTIVE_KEY_PATTERN.test(key))
    throw new ValidationFailed([{ path: 'key', message: 'key must be 1–200 characters of A–Z, a–z, 0–9, ".", "_" and "-"' }]);
}

/** Each term's SPEC §3.6 tokens; a term with none, or two terms with the same tokens, is a 400. */
function normaliseKeywords(dto: PutObjectiveDto): { term: string; tokens: string; weight: number }[] {
  const errors: FieldError[] = [];
  const firstIndex = new Map<string, number>();
  const keywords = dto.keywords.map((k, i) => {
    const tokens = normaliseTokens(k.term).join(' ');
    if (tokens === '') errors.push({ path: `keywords[${i}].term`, message: 'term must hold at least one letter or digit' });
    else if (firstIndex.has(tokens)) {
      errors.push({ path: `keywords[${i}].term`, message: `term duplicates keywords[${firstIndex.get(tokens)}].term (both normalise to "${tokens}")` });
    } else firstIndex.set(tokens, i);
    return { term: k.term, tokens, weight: k.weight };
  });
  if (errors.length > 0) throw new ValidationFailed(errors);
  return keywords;
}

/** Keys limited to some networks may only manage objectives confined to those networks. */
function requireWithinScope(principal: Principal, networks: string[] | null): void {
  if (principal.role === 'admin' || principal.networks === null) return;
  const allowed = principal.networks;
  if (networks === null || networks.some((n) => !allowed.includes(n))) {
    throw new Forbidden('This API key is limited to some networks: it may only manage objectives whose networks are all among them');
  }
}

async function resolveNetworks(m: EntityManager, keys: string[] | null): Promise<number[] | null> {
  if (keys === null) return null;
  const networks = await rows(m, sql<{ id: number; key: string }>`SELECT id, key FROM networks WHERE key = ANY(${keys}::text[])`);
  const idOf = new Map(networks.map((r) => [r.key, r.id]));
  const errors = keys.flatMap((k, i) => (idOf.has(k) ? [] : [{ path: `networks[${i}]`, message: `network "${k}" does not exist` }]));
  if (errors.length > 0) throw new ValidationFailed(errors);
  return keys.map((k) => idOf.get(k) as number).sort((a, b) => a - b);
}

async function networkKeys(m: EntityManager, ids: number[] | null): Promise<string[] | null> {
  if (ids === null) return null;
  const networks = await rows(m, sql<{ key: string }>`SELECT key FROM networks WHERE id = ANY(${ids}::integer[])`);
  return networks.map((r) => r.key);
}
