import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../errors/domain-errors';

/** Path parameters holding a client externalId: 1-200 characters, no NUL. */
@Injectable()
export class ExternalIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || value.length < 1 || value.length > 200 || value.includes('\u0000') || !value.isWellFormed()) {
      throw new ValidationFailed([{ path: 'externalId', message: 'externalId must be 1 to 200 characters' }]);
    }
    return value;
  }
}
