import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Req, Res } from '@nestjs/common';
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
      'Keywords are matched against every contribution once, at ingestion. When this call adds keywords or networks, existing activities are re-matched in the background: follow `rematch` on GET; alignment responses say `final: false` meanwhile. Removed keywords and networks lose their matches at once.',
  })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: ObjectiveView, description: 'Replaced' })
  @ApiCreatedResponse({ type: ObjectiveView, description: 'Created' })
  @ApiProblems(400, 401, 403)
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('key') key: string,
    @Body() dto: PutObjectiveDto,
    @Req() req: { id?: string },
    @Res({ passthrough: true }) res: Response,
  ): Promise<ObjectiveView> {
    const { created, objective } = await this.objectives.put(principal, key, dto, req.id);
    res.status(created ? 201 : 200);
    return objective;
  }

  @Get(':key')
  @ApiOperation({ summary: 'Read a business objective with the progress of its re-matching' })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: ObjectiveView })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('key') key: string): Promise<ObjectiveView> {
    return this.objectives.get(principal, key);
  }

  @Delete(':key')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a business objective and its matches' })
  @ApiParam(KEY_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404)
  delete(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Req() req: { id?: string }): Promise<void> {
    return this.objectives.delete(principal, key, req.id);
  }
}
