import { ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_KINDS, CONTRIBUTION_KINDS } from '../../ingestion/activity.entity';

export class LiveTodayCounts {
  @ApiProperty({
    type: 'integer',
    example: 412,
    description:
      "Activities of any kind (reactions and accepts included) that occurred on the network's local day (as `totals` of the activity indicator, SPEC §3.1, for that day)",
  })
  activities: number;
  @ApiProperty({ type: 'integer', example: 168, description: `Contributions (${CONTRIBUTION_KINDS.join(', ')}) of the local day` })
  contributions: number;
  @ApiProperty({ type: 'integer', example: 23, description: 'Questions asked on the local day' })
  questions: number;
  @ApiProperty({ type: 'integer', example: 97, description: 'Distinct members who authored any activity on the local day (SPEC §2 "active")' })
  activeMembers: number;
  @ApiProperty({
    type: 'integer',
    example: 5,
    description:
      "`unansweredQuestions` of the responsiveness indicator (SPEC §3.3) over the 28 local days ending with today (from local midnight 27 days before today's to the next local midnight), at the time of the event: questions of those days with no first response, older than 48 h. A question of today itself is never older than 48 h, so a count of today's questions only would always be 0; this is the open backlog the scorecard's `unanswered` dimension judges (SPEC §3.10) for today, and equals GET …/indicators/responsiveness with that from and to",
  })
  unansweredQuestions: number;
}

export class LiveLastHourCounts {
  @ApiProperty({ type: 'integer', example: 38, description: 'Activities of any kind that occurred in [at − 1 h, at)' })
  activities: number;
  @ApiProperty({ type: 'integer', example: 14, description: `Contributions (${CONTRIBUTION_KINDS.join(', ')}) in [at − 1 h, at)` })
  contributions: number;
  @ApiProperty({ type: 'integer', example: 21, description: 'Distinct members who authored any activity in [at − 1 h, at)' })
  activeMembers: number;
}

/** `data` of a `counters` event of the live stream (SPEC §3.11). */
export class LiveCountersEvent {
  @ApiProperty({ example: '2026-03-30T12:00:00.250Z', description: 'When the counters were computed (UTC)' })
  at: string;
  @ApiProperty({ type: LiveTodayCounts, description: "The network's local day holding `at` (its IANA time zone), deleted activities excluded" })
  today: LiveTodayCounts;
  @ApiProperty({ type: LiveLastHourCounts, description: 'The hour before `at`' })
  lastHour: LiveLastHourCounts;
}

/** `data` of an `activity` event of the live stream (SPEC §3.11): never the text, tags or author. */
export class LiveActivityEvent {
  @ApiProperty({ example: 'a-1042' })
  externalId: string;
  @ApiProperty({ enum: ACTIVITY_KINDS.filter((k) => CONTRIBUTION_KINDS.includes(k)), example: 'question', description: 'Only contributions are sent' })
  kind: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'g-cloud',
    description:
      "externalId of the activity's group; null when it has none, and null when the group (or, for an activity without a group inside a thread, the thread root's group) is confidential and the key may not see it (SPEC §4: admin keys and keys limited to this network see it)",
  })
  group: string | null;
  @ApiProperty({ example: '2026-03-30T11:59:58.000Z', description: 'occurredAt of the activity (UTC)' })
  occurredAt: string;
}
