import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailed } from '../errors/domain-errors';

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
