import { ArgumentMetadata, Injectable, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailed } from '../errors/domain-errors';
import { findUnstorableString } from './unstorable';

/** Flattens class-validator's error tree into `{path, message}` pairs with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = prefix ? (/^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`) : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      out.push({ path, message: constraint === 'whitelistValidation' ? `${path} is not a known field` : message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

/** The options every DTO is validated with: unknown fields rejected, nothing coerced implicitly. */
export const STRICT_VALIDATION = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;

/** The global pipe: strict validation, problem+json field errors. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...STRICT_VALIDATION,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new ValidationFailed(flattenValidationErrors(errors)),
  });
}

/**
 * Runs before validation on every body, query and path parameter: a NUL character or a lone
 * surrogate (PostgreSQL cannot take them: a query carrying one fails), junk nested deeper than any
 * input, or a `__proto__` / `constructor` / `prototype` key is a 400 naming where, never a 500.
 */
@Injectable()
export class UnstorableInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // a JSON array body is a batch of events: each record is checked on its own, so that one bad
    // record is reported with its line while the good ones are kept
    if (metadata.type === 'custom' || (metadata.type === 'body' && Array.isArray(value))) return value;
    const prefix = metadata.type === 'param' || metadata.type === 'query' ? (metadata.data ?? '') : '';
    const bad = findUnstorableString(value, prefix);
    if (bad) throw new ValidationFailed([bad]);
    return value;
  }
}
