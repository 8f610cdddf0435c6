import { FieldError, ValidationFailed } from '../errors/domain-errors';
import { parseIsoDateTime } from './iso-date-time';

/**
 * The bounds of every time window a read accepts (`from`, `to`, `at`, series `granularity`), in one
 * place. Without them `from=0001-01-01&to=9999-12-31` was a 500 (the previous window of the same
 * length, read for `growth` and drift, started before 4713 BC, PostgreSQL's first timestamp) and a
 * day series from year 1000 to 3000 was 730 000 buckets, 119 MB.
 *
 * - Instants lie in [1900-01-01T00:00:00Z, 2200-01-01T00:00:00Z]: older than any enterprise network
 *   (public Q&A exports start in 2008) and far enough ahead; a previous window then starts in 1600 at
 *   the earliest, well inside what PostgreSQL and JavaScript dates hold.
 * - Days (`at`) lie in [1900-01-01, 2199-12-31].
 * - A series has at most MAX_SERIES_BUCKETS buckets: a day series covers about 2.7 years, a week
 *   series 19, a month series 83. The window itself may be as long as the range ("since the start"):
 *   a total costs what the stored activities cost, only a series grows with the window's length.
 */
export const EARLIEST_INSTANT = '1900-01-01T00:00:00Z';
export const LATEST_INSTANT = '2200-01-01T00:00:00Z';
export const EARLIEST_DAY = '1900-01-01';
export const LATEST_DAY = '2199-12-31';
export const MAX_SERIES_BUCKETS = 1000;

const EARLIEST_MS = Date.parse(EARLIEST_INSTANT);
const LATEST_MS = Date.parse(LATEST_INSTANT);
const DAY_MS = 86_400_000;

/** What the OpenAPI descriptions of date-time and day parameters say about the bounds. */
export const INSTANT_RANGE_TEXT = `between ${EARLIEST_INSTANT} and ${LATEST_INSTANT}`;
export const DAY_RANGE_TEXT = `between ${EARLIEST_DAY} and ${LATEST_DAY}`;

export interface Window {
  from: Date;
  to: Date;
}

/**
 * `from` and `to` of a query (already validated as ISO 8601 date-times), defaults applied (`to`:
 * now, `from`: `to` − defaultDays), each inside [EARLIEST_INSTANT, LATEST_INSTANT] and from < to;
 * else a 400 naming the parameter and the bound.
 */
export function resolveWindow(query: { from?: string; to?: string }, now: Date, defaultDays: number): Window {
  const to = query.to !== undefined ? (parseIsoDateTime(query.to) as Date) : now;
  const from = query.from !== undefined ? (parseIsoDateTime(query.from) as Date) : new Date(to.getTime() - defaultDays * DAY_MS);
  const errors: FieldError[] = [];
  if (!inRange(from))
    errors.push({
      path: 'from',
      message: `from must be ${INSTANT_RANGE_TEXT}${query.from === undefined ? ` (by default it is to − ${defaultDays} days)` : ''}`,
    });
  if (!inRange(to)) errors.push({ path: 'to', message: `to must be ${INSTANT_RANGE_TEXT}` });
  if (errors.length > 0) throw new ValidationFailed(errors);
  if (from.getTime() >= to.getTime()) throw new ValidationFailed([{ path: 'from', message: 'from must be before to (windows are [from, to))' }]);
  return { from, to };
}

/** A day parameter (already a calendar date YYYY-MM-DD) inside [EARLIEST_DAY, LATEST_DAY]; else a 400 naming it. */
export function checkDay(path: string, day: string): void {
  // YYYY-MM-DD strings compare as the days they name
  if (day < EARLIEST_DAY || day > LATEST_DAY) throw new ValidationFailed([{ path, message: `${path} must be ${DAY_RANGE_TEXT}` }]);
}

/**
 * A 400 on `granularity` when a series would have more than MAX_SERIES_BUCKETS buckets; `counts`
 * holds the number of buckets each granularity gives over the window, so the message can say which
 * ones fit.
 */
export function checkSeriesBuckets(granularity: string, counts: Record<string, number>, given: boolean): void {
  const n = counts[granularity];
  if (n <= MAX_SERIES_BUCKETS) return;
  const fitting = Object.entries(counts).filter(([, c]) => c <= MAX_SERIES_BUCKETS);
  const advice =
    fitting.length > 0 ? `choose ${fitting.map(([g, c]) => `granularity=${g} (${c} buckets)`).join(' or ')} or a shorter window` : 'choose a shorter window';
  throw new ValidationFailed([
    {
      path: 'granularity',
      message: `a ${granularity} series${given ? '' : ' (the default granularity)'} over this window has ${n} buckets, more than the ${MAX_SERIES_BUCKETS} allowed: ${advice}`,
    },
  ]);
}

function inRange(date: Date): boolean {
  const t = date.getTime();
  return t >= EARLIEST_MS && t <= LATEST_MS;
}
