import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageQuery } from '../common/pagination/pagination';
import { Expensive } from '../governance/api-key-throttler.guard';
import { CurrentPrincipal, Roles } from '../governance/auth.decorators';
import type { Principal } from '../governance/principal';
import { ObjectivePage, ObjectiveView, PutObjectiveDto } from './dto/objective.dto';
import { ObjectivesService } from './objectives.service';

const KEY_PARAM = { name: 'key', example: 'cyber', description: 'Objective key: 1–200 characters of A–Z, a–z, 0–9, ".", "_" and "-"' };

@ApiTags('objectives')
@ApiBearerAuth()
@ApiProblems(429)
@Roles('cno')
@Controller('v1/objectives')
export class ObjectivesController {
  constructor(private readonly objectives: ObjectivesService) {}

  @Get()
  @ApiOperation({ summary: 'List the business objectives this key may read, oldest first' })
  @ApiOkResponse({ type: ObjectivePage })
  @ApiProblems(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() page: PageQuery): Promise<ObjectivePage> {
    return this.objectives.list(principal, page);
  }

  @Put(':key')
  @Expensive()
  @ApiOperation({
    summary: 'Create or replace a business objective (SPEC §2)',
    description:
      'Keywords are matched against every contribution once, at ingestion. When this call adds keywords or networks, existing activities are re-matched in the background: follow `rematch` on GET; alignment responses say `final: false` meanwhile. Removed keywords and networks lose their matches at once. A key limited to networks: 403 when `networks` is absent or names a network outside its scope, or when the existing objective has such a network; 404 when the key is used by an objective it cannot read (as GET).',
  })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: ObjectiveView, description: 'Replaced' })
  @ApiCreatedResponse({ type: ObjectiveView, description: 'Created' })
  @ApiProblems(400, 401, 403, 404)
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('key') key: string,
    @Body() dto: PutObjectiveDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ObjectiveView> {
    const { created, objective } = await this.objectives.put(principal, key, dto);
    res.status(created ? 201 : 200);
    return objective;
  }

  @Get(':key')
  @ApiOperation({
    summary: 'Read a business objective with the progress of its re-matching',
    description:
      'A key limited to networks reads the objectives of every network and those of one of its networks (404 for others), and sees only its own networks in `networks`.',
  })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: ObjectiveView })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('key') key: string): Promise<ObjectiveView> {
    return this.objectives.get(principal, key);
  }

  @Delete(':key')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a business objective and its matches',
    description: 'A key limited to networks: 404 for an objective it cannot read, 403 for one with a network outside its scope.',
  })
  @ApiParam(KEY_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404)
  delete(@CurrentPrincipal() principal: Principal, @Param('key') key: string): Promise<void> {
    return this.objectives.delete(principal, key);
  }
}
