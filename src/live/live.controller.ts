import { Controller, Get, Headers, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { CurrentPrincipal, NetworkParam, Roles } from '../governance/auth.decorators';
import type { Principal } from '../governance/principal';
import { LiveActivityEvent, LiveCountersEvent } from './dto/live-events.dto';
import { LiveService } from './live.service';

const EXAMPLE = `retry: 2000

id: 1
event: counters
data: {"at":"2026-03-30T12:00:00.250Z","today":{"activities":412,"contributions":168,"questions":23,"activeMembers":97,"unansweredQuestions":5},"lastHour":{"activities":38,"contributions":14,"activeMembers":21}}

id: 2
event: counters
data: {"at":"2026-03-30T12:00:03.410Z","today":{"activities":414,"contributions":170,"questions":24,"activeMembers":98,"unansweredQuestions":5},"lastHour":{"activities":40,"contributions":16,"activeMembers":22}}

id: 3
event: activity
data: {"externalId":"a-1042","kind":"question","group":"g-cloud","occurredAt":"2026-03-30T12:00:02.000Z"}

id: 4
event: activity
data: {"externalId":"a-1043","kind":"reply","group":null,"occurredAt":"2026-03-30T12:00:02.500Z"}

: heartbeat

`;

@ApiTags('live')
@ApiBearerAuth()
@ApiExtraModels(LiveCountersEvent, LiveActivityEvent)
@Roles('cno')
@NetworkParam()
@Controller('v1/networks/:key/live')
export class LiveController {
  constructor(private readonly live: LiveService) {}

  @Get()
  @ApiOperation({
    summary: 'Live counters and contributions of a network, as Server-Sent Events (SPEC §3.11)',
    description: `A \`text/event-stream\` that stays open. Events:
* \`counters\` — data [LiveCountersEvent](${getSchemaPath(LiveCountersEvent)}): sent on connect, then within 1 s of each committed ingestion into the network by any instance of the service (announced through the database at commit), and at least every 60 s while its values change with the clock (\`lastHour\` slides, \`today\` turns at local midnight). Counters equal to the last ones sent on the stream are not repeated. Computed at most once per 250 ms per network and instance, shared by all its streams: a burst of ingestions gives one event with the figures after the burst.
* \`activity\` — data [LiveActivityEvent](${getSchemaPath(LiveActivityEvent)}): one per contribution (post, question, reply, share) newly inserted by an ingestion, in the order written; never its text, tags or author, and \`group: null\` where the key may not see a confidential group. At most 50 per second per stream: beyond, only the counters tell (a bulk load of thousands of records sends the first ones of each burst, not all). Updates and deletions of existing activities move the counters but send no activity event.
* a comment \`: heartbeat\` every 15 s (LIVE_HEARTBEAT_SECONDS).

Every event has an \`id\`, increasing along the stream. A client reconnecting with \`Last-Event-ID\` (EventSource does it by itself) gets a stream whose ids continue after that one and that starts with the current counters; activity events missed while disconnected are not replayed. A \`Last-Event-ID\` that is not a non-negative integer is ignored (ids start at 1).

Opening a stream is one read of the rate limit and one audit entry (action \`live.read\`, target the network key). A client that does not read what is sent is disconnected (after 30 s behind, or with 256 KiB waiting) and never slows ingestion or other clients. When the service stops, streams end and EventSource reconnects to another instance. Browsers: EventSource cannot send an Authorization header; read the stream with fetch() and a ReadableStream (or an EventSource implementation that accepts headers).`,
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The id of the last event received, to resume after it (sent by EventSource on reconnection)',
  })
  @ApiOkResponse({
    description: 'The event stream (open until the client leaves or the service stops)',
    content: { 'text/event-stream': { schema: { type: 'string' }, example: EXAMPLE } },
  })
  @ApiProblems(401, 403, 404, 429)
  async stream(
    @CurrentPrincipal() principal: Principal,
    @Param('key') key: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.live.open(principal, key, lastEventId, req, res);
  }
}
