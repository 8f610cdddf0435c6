import { registerDecorator, ValidationOptions } from 'class-validator';

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses an ISO 8601 date-time that carries an offset (`Z` or `±hh:mm`), rejecting impossible
 * values instead of rolling them over (`2026-06-31T00:00:00Z` is invalid, not July 1st).
 * Returns null for anything else.
 */
export function parseIsoDateTime(value: unknown): Date | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (m[8] !== 'Z') {
    const offsetHours = Number(m[9]);
    const offsetMinutes = Number(m[10]);
    if (offsetHours > 14 || offsetMinutes > 59 || (offsetHours === 14 && offsetMinutes > 0)) return null;
  }
  const date = new Date(value);
  return Number.isFinite(date.getTime()) ? date : null;
}

/** class-validator decorator for {@link parseIsoDateTime}. */
export function IsIsoDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDateTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be an ISO 8601 date-time with an offset, e.g. 2026-03-02T10:15:00+01:00`,
        ...options,
      },
      validator: { validate: (value: unknown) => parseIsoDateTime(value) !== null },
    });
}
