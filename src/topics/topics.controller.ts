import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { NetworkParam, Roles } from '../governance/auth.decorators';
import { EmergingTopicsPage, EmergingTopicsQuery } from './dto/emerging-topics.dto';
import { TopicsService } from './topics.service';

@ApiTags('topics')
@ApiBearerAuth()
@ApiProblems(429)
@Roles('cno')
@NetworkParam()
@Controller('v1/networks/:key')
export class TopicsController {
  constructor(private readonly topics: TopicsService) {}

  @Get('emerging-topics')
  @ApiOperation({
    summary: 'Terms whose use bursts in the window against the 4 previous windows, with their support and samples (SPEC §3.8)',
    description:
      'Terms come from tags (whole) and text words (≥ 3 characters, French and English stop-words removed, Snowball stemming by the text language). ' +
      'score = (mentions − baseline) / √(baseline + 1), baseline = mean mentions of the 4 previous windows; reported when mentions ≥ minMentions, authors ≥ minAuthors and score ≥ minScore. ' +
      'Confidential groups are left out entirely, for every key. Method and decisions: docs/alignment.md.',
  })
  @ApiOkResponse({ type: EmergingTopicsPage })
  @ApiProblems(400, 401, 403, 404)
  emerging(@Param('key') key: string, @Query() query: EmergingTopicsQuery): Promise<EmergingTopicsPage> {
    return this.topics.emerging(key, query);
  }
}
