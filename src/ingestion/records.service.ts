import { Injectable } from '@nestjs/common';
import { Forbidden, NotFound, ValidationFailed } from '../common/errors/domain-errors';
import type { Principal } from '../governance/principal';
import { NetworksService } from '../networks/networks.service';
import { ActivityDeletionFields, ActivityFields, GroupFields, MemberFields } from './dto/event-records.dto';
import { ActivityWriteResult, GroupWriteResult, MemberWriteResult } from './dto/ingestion-report.dto';
import { IngestedDataService } from './ingested-data.service';
import { IngestionService } from './ingestion.service';
import { findUnstorableString } from '../common/validation/unstorable';
import { activityRow, checkRecordRules, groupRow, memberRow, RecordRow } from './record-parser';

/** The single-record conveniences: the same validation and writer as bulk ingestion, one record at a time. */
@Injectable()
export class RecordsService {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly networks: NetworksService,
    private readonly data: IngestedDataService,
  ) {}

  /** Members are org-wide but become members of no network this way, so a network-limited key may not write them. */
  async putMember(principal: Principal, externalId: string, body: MemberFields): Promise<MemberWriteResult> {
    if (principal.role !== 'admin' && principal.networks !== null) {
      throw new Forbidden('Org-wide member writes need a key not limited to networks; send member events through your network instead');
    }
    const outcome = await this.ingestion.ingestOne(null, this.check(memberRow(externalId, body), body));
    return { outcome, member: await this.data.member(externalId) };
  }

  async putGroup(principal: Principal, networkKey: string, externalId: string, body: GroupFields): Promise<GroupWriteResult> {
    const network = await this.networks.require(networkKey);
    const outcome = await this.ingestion.ingestOne(network.id, this.check(groupRow(externalId, body), body));
    return { outcome, group: await this.data.group(principal, networkKey, externalId) };
  }

  async postActivity(principal: Principal, networkKey: string, body: ActivityFields | ActivityDeletionFields): Promise<ActivityWriteResult> {
    const network = await this.networks.require(networkKey);
    const row =
      body instanceof ActivityDeletionFields ? ({ type: 'activity-deletion', externalId: body.externalId } as const) : this.check(activityRow(body), body);
    const outcome = await this.ingestion.ingestOne(network.id, row);
    if (row.type === 'activity-deletion') return { outcome, activity: null };
    // stored, but an earlier deletion keeps it out of every read: answer null rather than 404
    const activity = await this.data.activity(principal, networkKey, body.externalId).catch((e: unknown) => {
      if (e instanceof NotFound) return null;
      throw e;
    });
    return { outcome, activity };
  }

  async deleteActivity(networkKey: string, externalId: string): Promise<ActivityWriteResult> {
    const network = await this.networks.require(networkKey);
    const outcome = await this.ingestion.ingestOne(network.id, { type: 'activity-deletion', externalId });
    return { outcome, activity: null };
  }

  private check<T extends RecordRow>(row: T, body: object): T {
    const bad = findUnstorableString(body);
    const errors = bad ? [bad] : checkRecordRules(row);
    if (errors.length) throw new ValidationFailed(errors);
    return row;
  }
}
