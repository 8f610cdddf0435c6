import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { ExternalIdPipe } from '../common/validation/external-id.pipe';
import { PageQuery } from '../common/pagination/pagination';
import { CurrentPrincipal, NetworkParam, Roles } from '../governance/auth.decorators';
import type { Principal } from '../governance/principal';
import { ActivityBodyPipe } from './activity-body.pipe';
import { ActivityDeletionFields, ActivityFields, GroupFields, MemberFields } from './dto/event-records.dto';
import { ActivityWriteResult, GroupWriteResult, MemberWriteResult } from './dto/ingestion-report.dto';
import {
  ActivityPage,
  IngestedActivityQuery,
  IngestedActivityView,
  GroupPage,
  GroupView,
  MemberPage,
  MemberView,
  MembershipPage,
  MembershipQuery,
} from './dto/ingested-views.dto';
import { IngestedDataService } from './ingested-data.service';
import { RecordsService } from './records.service';

@ApiTags('members')
@ApiBearerAuth()
@ApiProblems(429)
@Roles('integrator')
@Controller('v1/members')
export class MembersController {
  constructor(
    private readonly records: RecordsService,
    private readonly data: IngestedDataService,
  ) {}

  @Put(':externalId')
  @ApiOperation({ summary: 'Create or replace an org-wide member (keys not limited to networks; scoped integrators send member events through their network)' })
  @ApiOkResponse({ type: MemberWriteResult })
  @ApiProblems(400, 401, 403)
  put(
    @CurrentPrincipal() principal: Principal,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Body() body: MemberFields,
  ): Promise<MemberWriteResult> {
    return this.records.putMember(principal, externalId, body);
  }

  @Get(':externalId')
  @ApiOperation({ summary: 'Read an org-wide member (a key limited to networks sees only members ingested through them)' })
  @ApiOkResponse({ type: MemberView })
  @ApiProblems(401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('externalId', ExternalIdPipe) externalId: string): Promise<MemberView> {
    return this.data.member(externalId, principal);
  }
}

@ApiTags('ingestion')
@ApiBearerAuth()
@ApiProblems(429)
@Roles('integrator')
@NetworkParam()
@ApiExtraModels(ActivityFields, ActivityDeletionFields)
@Controller('v1/networks/:key')
export class NetworkRecordsController {
  constructor(
    private readonly records: RecordsService,
    private readonly data: IngestedDataService,
  ) {}

  @Put('groups/:externalId')
  @ApiOperation({ summary: 'Create or replace a group (same rules as a group event)' })
  @ApiOkResponse({ type: GroupWriteResult })
  @ApiProblems(400, 401, 403, 404)
  putGroup(
    @CurrentPrincipal() principal: Principal,
    @Param('key') key: string,
    @Param('externalId', ExternalIdPipe) externalId: string,
    @Body() body: GroupFields,
  ): Promise<GroupWriteResult> {
    return this.records.putGroup(principal, key, externalId, body);
  }

  @Post('activities')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create or replace one activity, or delete it with {externalId, deleted: true} (same rules as an activity event)',
  })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(ActivityFields) }, { $ref: getSchemaPath(ActivityDeletionFields) }] } })
  @ApiOkResponse({ type: ActivityWriteResult })
  @ApiProblems(400, 401, 403, 404)
  postActivity(
    @CurrentPrincipal() principal: Principal,
    @Param('key') key: string,
    @Body(ActivityBodyPipe) body: ActivityFields | ActivityDeletionFields,
  ): Promise<ActivityWriteResult> {
    return this.records.postActivity(principal, key, body);
  }

  @Delete('activities/:externalId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete an activity: it leaves every indicator (a tombstone is kept so a late copy stays deleted)' })
  @ApiOkResponse({ type: ActivityWriteResult })
  @ApiProblems(400, 401, 403, 404)
  deleteActivity(@Param('key') key: string, @Param('externalId', ExternalIdPipe) externalId: string): Promise<ActivityWriteResult> {
    return this.records.deleteActivity(key, externalId);
  }

  @Get('members')
  @ApiOperation({ summary: 'Members ingested through this network' })
  @ApiOkResponse({ type: MemberPage })
  @ApiProblems(400, 401, 403, 404)
  members(@Param('key') key: string, @Query() page: PageQuery): Promise<MemberPage> {
    return this.data.members(key, page);
  }

  @Get('groups')
  @ApiOperation({ summary: 'Groups of this network (confidential names and leaders hidden from keys not allowed to see them)' })
  @ApiOkResponse({ type: GroupPage })
  @ApiProblems(400, 401, 403, 404)
  groups(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() page: PageQuery): Promise<GroupPage> {
    return this.data.groups(principal, key, page);
  }

  @Get('groups/:externalId')
  @ApiOperation({ summary: 'One group of this network' })
  @ApiOkResponse({ type: GroupView })
  @ApiProblems(401, 403, 404)
  group(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Param('externalId', ExternalIdPipe) externalId: string): Promise<GroupView> {
    return this.data.group(principal, key, externalId);
  }

  @Get('memberships')
  @ApiOperation({ summary: "Group memberships of this network (confidential groups' members only for keys allowed to see them)" })
  @ApiOkResponse({ type: MembershipPage })
  @ApiProblems(400, 401, 403, 404)
  memberships(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() query: MembershipQuery): Promise<MembershipPage> {
    return this.data.memberships(principal, key, query);
  }

  @Get('activities')
  @ApiOperation({ summary: 'Activities of this network, deleted ones excluded (confidential text, tags and authors hidden from keys not allowed to see them)' })
  @ApiOkResponse({ type: ActivityPage })
  @ApiProblems(400, 401, 403, 404)
  activities(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Query() query: IngestedActivityQuery): Promise<ActivityPage> {
    return this.data.activities(principal, key, query);
  }

  @Get('activities/:externalId')
  @ApiOperation({ summary: 'One activity of this network' })
  @ApiOkResponse({ type: IngestedActivityView })
  @ApiProblems(401, 403, 404)
  activity(
    @CurrentPrincipal() principal: Principal,
    @Param('key') key: string,
    @Param('externalId', ExternalIdPipe) externalId: string,
  ): Promise<IngestedActivityView> {
    return this.data.activity(principal, key, externalId);
  }
}
