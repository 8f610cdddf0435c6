import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/pagination/pagination';
import { RequestContext } from '../common/http/request-id';
import { parseIsoDateTime } from '../common/validation/iso-date-time';
import { AuditPage, AuditQuery } from './dto/audit.dto';
import { AuditEntry } from './audit-entry.entity';
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
    const before = decodeCursor(query.cursor);
    const rows: AuditEntry[] = await this.entries.query(
      `SELECT id::text, occurred_at AS "occurredAt", actor, action, target, details, request_id AS "requestId" FROM audit_log
       WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR action = $2) AND ($3::text IS NULL OR actor = $3)
         AND ($4::text IS NULL OR target = $4) AND ($5::timestamptz IS NULL OR occurred_at >= $5) AND ($6::timestamptz IS NULL OR occurred_at < $6)
       ORDER BY audit_log.id DESC LIMIT $7`, // the bigint column: "id" alone would sort the text alias ("99" after "100")
      [
        before ?? null,
        query.action ?? null,
        query.actor ?? null,
        query.target ?? null,
        query.from ? parseIsoDateTime(query.from) : null,
        query.to ? parseIsoDateTime(query.to) : null,
        query.limit + 1,
      ],
    );
    const items = rows.slice(0, query.limit).map((r) => ({ ...r, occurredAt: new Date(r.occurredAt).toISOString() }));
    return { items, nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1].id) : null };
  }
}
