import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { UnsupportedMediaType } from '../common/errors/domain-errors';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { CurrentPrincipal, NetworkParam, Roles } from '../governance/auth.decorators';
import { networkLimit, Principal } from '../governance/principal';
import { ActivityDeletionRecord, ActivityRecord, GroupRecord, MemberRecord, MembershipRecord } from './dto/event-records.dto';
import { IngestionReport } from './dto/ingestion-report.dto';
import { IngestionService } from './ingestion.service';

export const NDJSON_EXAMPLE = [
  '{"type":"member","externalId":"u17","displayName":"Ana Ruiz","department":"R&D","site":"Lyon"}',
  '{"type":"group","externalId":"g-cloud","name":"Cloud","visibility":"public","leaders":["u17"]}',
  '{"type":"membership","group":"g-cloud","member":"u18","role":"member","joinedAt":"2026-01-05T09:00:00Z"}',
  '{"type":"activity","externalId":"a1","kind":"question","author":"u18","group":"g-cloud","occurredAt":"2026-03-02T10:15:00+01:00","text":"Quel quota VPN ?","tags":["vpn"]}',
].join('\n');

@ApiTags('ingestion')
@ApiBearerAuth()
@ApiProblems(429)
@ApiExtraModels(MemberRecord, GroupRecord, MembershipRecord, ActivityRecord, ActivityDeletionRecord)
@Roles('integrator')
@NetworkParam()
@Controller('v1/networks/:key/events')
export class EventsController {
  constructor(private readonly ingestion: IngestionService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bulk ingestion of members, groups, memberships and activities',
    description:
      'Body: a JSON array of at most 10 000 records, or NDJSON (`application/x-ndjson`, any length, streamed). ' +
      'Each record is validated on its own: bad ones are listed in `rejected` with their 1-based line and reason, good ones are stored. ' +
      'A key limited to networks may create members and add an existing member to its network (an unchanged `member` record), but a `member` record ' +
      "that would change a member who also belongs to a network outside the key's scope, or who was written org-wide (in no network), is rejected with its line. " +
      'Idempotent (re-sending a record is a duplicate or an update) and order-independent (an activity may come before its parent, author or group). ' +
      '`{"type":"activity","externalId":"a1","deleted":true}` removes an activity from every indicator. ' +
      'The response comes once every accepted record is committed: a 200 means durably stored.',
  })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({
    description: 'A JSON array of records, or one record per line (NDJSON)',
    schema: {
      type: 'array',
      maxItems: 10000,
      items: { oneOf: [MemberRecord, GroupRecord, MembershipRecord, ActivityRecord, ActivityDeletionRecord].map((m) => ({ $ref: getSchemaPath(m) })) },
    },
  })
  @ApiOkResponse({ type: IngestionReport })
  @ApiProblems(400, 401, 403, 404, 413, 415)
  ingest(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Req() req: Request, @Body() body: unknown): Promise<IngestionReport> {
    // a key limited to networks may not change members outside them (SPEC §4): the writer refuses those records
    const scope = networkLimit(principal);
    if (req.is('application/x-ndjson')) {
      const length = req.headers['content-length'];
      return this.ingestion.ingestNdjson(key, scope, req, length === undefined ? undefined : Number(length));
    }
    if (req.is('application/json')) return this.ingestion.ingestJsonArray(key, body, scope);
    throw new UnsupportedMediaType('Send application/json (an array of records) or application/x-ndjson');
  }
}
