import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { Roles } from './auth.decorators';
import { AuditService } from './audit.service';
import { AuditPage, AuditQuery } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@ApiProblems(429)
@Roles()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary:
      'The append-only audit log (admin): key changes, objective changes, profile writes and reads, HR reads, erasures and exports; newest first, filterable',
  })
  @ApiOkResponse({ type: AuditPage })
  @ApiProblems(400, 401, 403)
  list(@Query() query: AuditQuery): Promise<AuditPage> {
    return this.audit.list(query);
  }
}
