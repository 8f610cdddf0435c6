import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageQuery } from '../common/pagination/pagination';
import { ApiKeysService } from './api-keys.service';
import { CurrentPrincipal, Roles } from './auth.decorators';
import { ApiKeyPage, ApiKeyView, CreateApiKeyDto, CreatedApiKeyView } from './dto/api-key.dto';
import type { Principal } from './principal';

@ApiTags('api-keys')
@ApiBearerAuth()
@ApiProblems(429)
@Roles()
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key (admin). The secret is returned once; only its hash is stored.' })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  @ApiProblems(400, 401, 403)
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.apiKeys.create(principal, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (admin), revoked ones included; secrets are never shown' })
  @ApiOkResponse({ type: ApiKeyPage })
  @ApiProblems(400, 401, 403)
  list(@Query() page: PageQuery): Promise<ApiKeyPage> {
    return this.apiKeys.list(page);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one API key (admin)' })
  @ApiOkResponse({ type: ApiKeyView })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ApiKeyView> {
    return this.apiKeys.get(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key at once (admin); the next request with it gets 401' })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked)' })
  @ApiProblems(400, 401, 403, 404)
  revoke(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.apiKeys.revoke(principal, id);
  }
}
