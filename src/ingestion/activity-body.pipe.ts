import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../common/errors/domain-errors';
import { createValidationPipe } from '../common/validation/validation';
import { ActivityDeletionFields, ActivityFields } from './dto/event-records.dto';
import { parseRecord } from './record-parser';

/**
 * The body of `POST /v1/networks/{key}/activities`: an activity (validated like every DTO), or a
 * deletion `{externalId, deleted: true}` (with or without `type: "activity"`) validated by the same
 * parser as the bulk path, so a deletion carries only type, externalId and deleted on both routes.
 */
@Injectable()
export class ActivityBodyPipe implements PipeTransform<unknown, Promise<ActivityFields | ActivityDeletionFields>> {
  private readonly strict = createValidationPipe();

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<ActivityFields | ActivityDeletionFields> {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && (value as Record<string, unknown>).deleted === true) {
      const body = value as Record<string, unknown>;
      if ('type' in body && body.type !== 'activity') throw new ValidationFailed([{ path: 'type', message: 'type must be activity (or left out)' }]);
      const parsed = parseRecord({ ...body, type: 'activity' });
      if (!parsed.ok) throw new ValidationFailed(parsed.errors);
      if (parsed.row.type !== 'activity-deletion') throw new Error('a deletion body parsed as something else');
      return Object.assign(new ActivityDeletionFields(), { externalId: parsed.row.externalId, deleted: true as const });
    }
    return (await this.strict.transform(value, { ...metadata, metatype: ActivityFields })) as ActivityFields;
  }
}
