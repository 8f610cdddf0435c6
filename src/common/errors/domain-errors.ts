import { PROBLEM_BASE } from './problem';

/**
 * Errors the service raises on purpose. Each carries a stable code (the last segment of its
 * problem type URI), an HTTP status and a title; the global filter turns them into problem+json.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  abstract readonly title: string;
  /** Extra members merged into the problem body (RFC 9457 extension members). */
  readonly extensions: Record<string, unknown> = {};

  get type(): string {
    return PROBLEM_BASE + this.code;
  }
}

export interface FieldError {
  path: string;
  message: string;
}

export class ValidationFailed extends DomainError {
  readonly code = 'validation';
  readonly status = 400;
  readonly title = 'Invalid request';
  constructor(
    readonly errors: FieldError[],
    detail?: string,
  ) {
    super(detail ?? `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}`);
  }
}

export class BadRequest extends DomainError {
  readonly code = 'bad-request';
  readonly status = 400;
  readonly title = 'Bad request';
}

export class NotFound extends DomainError {
  readonly code = 'not-found';
  readonly status = 404;
  readonly title = 'Not found';
}

export class Conflict extends DomainError {
  readonly code = 'conflict';
  readonly status = 409;
  readonly title = 'Conflict';
}

export class Unauthorized extends DomainError {
  readonly code = 'unauthorized';
  readonly status = 401;
  readonly title = 'Missing or invalid API key';
}

export class Forbidden extends DomainError {
  readonly code = 'forbidden';
  readonly status = 403;
  readonly title = 'Not allowed for this API key';
}

export class PayloadTooLarge extends DomainError {
  readonly code = 'payload-too-large';
  readonly status = 413;
  readonly title = 'Request body too large';
}

export class UnsupportedMediaType extends DomainError {
  readonly code = 'unsupported-media-type';
  readonly status = 415;
  readonly title = 'Unsupported media type';
}
