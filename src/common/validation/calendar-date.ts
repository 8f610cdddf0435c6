import { parseIsoDateTime } from './iso-date-time';

/** Today's date in a time zone, YYYY-MM-DD. */
export function localDate(now: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A real calendar day (2026-02-30 is not), by the same strict parser as every date-time input. */
export function isCalendarDate(value: string): boolean {
  return parseIsoDateTime(`${value}T00:00:00Z`) !== null;
}
