import { registerDecorator, ValidationOptions } from 'class-validator';

const ZONES = new Set<string>([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']);

/** True for IANA zone names this runtime knows (and PostgreSQL shares the same tz database). */
export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && ZONES.has(value);
}

export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be an IANA time zone such as Europe/Paris`, ...options },
      validator: { validate: isTimeZone },
    });
}
