import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageQuery } from '../common/pagination/pagination';
import { CurrentPrincipal, NetworkParam, Roles } from '../governance/auth.decorators';
import type { Principal } from '../governance/principal';
import { CreateNetworkDto, NetworkPage, NetworkView } from './dto/network.dto';
import { NetworksService } from './networks.service';

@ApiTags('networks')
@ApiBearerAuth()
@ApiProblems(429)
@Controller('v1/networks')
export class NetworksController {
  constructor(private readonly networks: NetworksService) {}

  @Post()
  @Roles('integrator')
  @ApiOperation({
    summary:
      'Create a network (admin, and integrator keys not limited to networks; a key limited to networks gets 403, or 409 for one of its own networks, which exist)',
  })
  @ApiCreatedResponse({ type: NetworkView })
  @ApiProblems(400, 401, 403, 409)
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateNetworkDto): Promise<NetworkView> {
    return this.networks.create(principal, dto);
  }

  @Get()
  @Roles('integrator', 'cno', 'hr')
  @ApiOperation({ summary: 'List the networks this API key may see' })
  @ApiOkResponse({ type: NetworkPage })
  @ApiProblems(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() page: PageQuery): Promise<NetworkPage> {
    return this.networks.list(principal, page);
  }

  @Get(':key')
  @Roles('integrator', 'cno', 'hr')
  @NetworkParam()
  @ApiOperation({ summary: 'Read one network' })
  @ApiOkResponse({ type: NetworkView })
  @ApiProblems(401, 403, 404)
  get(@Param('key') key: string): Promise<NetworkView> {
    return this.networks.get(key);
  }
}
