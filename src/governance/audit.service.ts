import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/pagination/pagination';
import { RequestContext } from '../common/http/request-id';
import { parseIsoDateTime } from '../common/validation/iso-date-time';
import { AuditPage, AuditQuery } from './dto/audit.dto';
import { AuditEntry } from './audit-entry.entity';
import { rows, sql, SqlExample } from '../database/sql';
import type { Principal } from './principal';

export interface AuditEvent {
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}

/** Up to this many members read, an entry lists their externalIds (`memberIds`); beyond, only their count. */
export const AUDIT_MEMBER_IDS_MAX = 100;

/** `details` of a read that returned members: their count, and their externalIds when they are few. */
export function membersRead(externalIds: string[]): { members: number; memberIds?: string[] } {
  return externalIds.length <= AUDIT_MEMBER_IDS_MAX ? { members: externalIds.length, memberIds: externalIds } : { members: externalIds.length };
}

/**
 * The append-only audit log: entries are only ever inserted (no route updates or deletes them; a
 * GDPR erasure keeps the entries about the member, which hold no personal data beyond its
 * externalId). Pass the transaction's manager so an entry commits with the change it records.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly context: RequestContext,
  ) {}

  /** The entry's `requestId` is the current request's own id; the caller's X-Request-Id goes in `details.clientRequestId`. */

  async record(actor: Principal, event: AuditEvent, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntry) : this.entries;
    const requestId = this.context.requestId();
    const client = requestId?.client;
    const entry = repo.create({
      actor: actor.keyId,
      action: event.action,
      target: event.target ?? null,
      details: client !== undefined ? { ...event.details, clientRequestId: client } : (event.details ?? null),
      requestId: requestId?.id ?? null,
    });
    await repo.save(entry);
  }

  async list(query: AuditQuery): Promise<AuditPage> {
    const found = await rows(
      this.entries.manager,
      auditEntriesQuery({
        before: decodeCursor(query.cursor) ?? null,
        action: query.action ?? null,
        actor: query.actor ?? null,
        target: query.target ?? null,
        from: query.from ? parseIsoDateTime(query.from) : null,
        to: query.to ? parseIsoDateTime(query.to) : null,
        limit: query.limit + 1,
      }),
    );
    const items = found.slice(0, query.limit).map((r) => ({ ...r, occurredAt: new Date(r.occurredAt).toISOString() }));
    return { items, nextCursor: found.length > query.limit ? encodeCursor(items[items.length - 1].id) : null };
  }
}

export interface AuditFilter {
  /** Entries before this id (the cursor), newest first. */
  before: string | null;
  action: string | null;
  actor: string | null;
  target: string | null;
  from: Date | null;
  to: Date | null;
  limit: number;
}

interface AuditRow {
  id: string;
  occurredAt: Date;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
  requestId: string | null;
}

/** A page of the audit log, newest first, each filter written only when given. */
export function auditEntriesQuery(f: AuditFilter) {
  const conditions = [
    f.before === null ? null : sql`id < ${f.before}::bigint`,
    f.action === null ? null : sql`action = ${f.action}`,
    f.actor === null ? null : sql`actor = ${f.actor}`,
    f.target === null ? null : sql`target = ${f.target}`,
    f.from === null ? null : sql`occurred_at >= ${f.from}`,
    f.to === null ? null : sql`occurred_at < ${f.to}`,
  ].filter((c) => c !== null);
  // the bigint column in ORDER BY: "id" alone would sort the text alias ("99" after "100")
  return sql<AuditRow>`SELECT id::text, occurred_at, actor, action, target, details, request_id FROM audit_log
     ${conditions.length === 0 ? sql`` : sql`WHERE ${sql.join(conditions, sql` AND `)}`}
     ORDER BY audit_log.id DESC LIMIT ${f.limit}`;
}

const NO_FILTER: AuditFilter = { before: null, action: null, actor: null, target: null, from: null, to: null, limit: 51 };
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'audit log, first page', query: auditEntriesQuery(NO_FILTER) },
  {
    name: 'audit log, next page, every filter',
    query: auditEntriesQuery({
      before: '1200',
      action: 'member.export',
      actor: 'bootstrap-admin',
      target: 'm-1',
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-04-01T00:00:00Z'),
      limit: 51,
    }),
  },
];
