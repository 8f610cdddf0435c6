import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import type { Principal } from './principal';

export interface AuditEvent {
  action: string;
  target?: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

/** Writes the append-only audit log. Pass the transaction's manager so the entry commits with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(actor: Principal, event: AuditEvent, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntry) : this.entries;
    const entry = repo.create({
      actor: actor.keyId,
      action: event.action,
      target: event.target ?? null,
      details: event.details ?? null,
      requestId: event.requestId ?? null,
    });
    await repo.save(entry);
  }
}
