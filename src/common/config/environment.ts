import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting the service reads from the environment, validated once at boot.
 * A wrong value stops the process with a message naming the variable, never a stack trace.
 */
export class Environment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** A real PostgreSQL server; when unset the embedded PGlite database is used. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Where the embedded database keeps its files (ignored with DATABASE_URL). */
  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  /** The bootstrap admin key. Required with DATABASE_URL; generated and kept in DATA_DIR otherwise. */
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'ADMIN_API_KEY must be at least 24 characters long' })
  ADMIN_API_KEY?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Largest JSON request body, in bytes (a JSON array of events is parsed whole). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 32 * 1024 * 1024;

  /** Largest single NDJSON line, in bytes; a longer line is rejected on its own. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  NDJSON_MAX_LINE_BYTES = 1024 * 1024;

  /** Largest NDJSON body, in bytes (0 = unlimited); checked against Content-Length up front. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  NDJSON_MAX_BYTES = 0;

  /** Records written per ingestion transaction. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20000)
  INGEST_CHUNK_SIZE = 2000;

  /** Seconds between refreshes of the people index of networks that changed (0 = only on demand). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  PEOPLE_INDEX_INTERVAL_SECONDS = 600;

  /**
   * The people index follows ingestion: a run of a network is requested this many seconds after the
   * last committed ingestion of it (a burst or an import coalesces into one run), and at the latest
   * PEOPLE_INDEX_MAX_DELAY_SECONDS after the first one of a burst that does not stop (0 = off: only the
   * periodic refresh and POST …/people-index).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  PEOPLE_INDEX_DEBOUNCE_SECONDS = 5;

  /** Longest wait, in seconds, between a committed ingestion and the request of the people index run that includes it (≥ the debounce). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  PEOPLE_INDEX_MAX_DELAY_SECONDS = 30;

  /** Background jobs (re-match, people index): a running job's lease, in seconds; its owner renews it every third of that, and a job whose owner died is taken over by another instance within about one lease. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  JOB_LEASE_SECONDS = 30;

  /** Milliseconds between two looks of an instance for claimable jobs (new ones, or ones whose lease expired). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(600000)
  JOB_POLL_INTERVAL_MS = 2000;

  /** Activities re-matched per transaction by an objective's re-match job. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  REMATCH_BATCH_SIZE = 2000;

  /** Length of the rate-limit window, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** GET requests per API key per window (0 = no limit). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_READS = 1200;

  /** Ingestion and other writes (POST, PUT, DELETE) per API key per window (0 = no limit). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_WRITES = 600;

  /** Operations that start heavy work (people index refresh, objective create/replace) per API key per window, besides their write bucket (0 = no limit). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_EXPENSIVE = 6;

  /** Origins allowed by CORS, comma-separated (`*` for any); empty: no CORS headers (same-origin and server-to-server only). */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /** Seconds between two heartbeat comments of a live stream (GET /v1/networks/{key}/live; SPEC §3.11 says 15). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(300)
  LIVE_HEARTBEAT_SECONDS = 15;

  /** HR aggregates (interest map) suppress every cell built on fewer members than this. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  K_ANONYMITY = 5;
}

export class EnvironmentError extends Error {}

/** Parses and validates `source` (normally process.env); throws a readable EnvironmentError. */
export function loadEnvironment(source: Record<string, string | undefined> = process.env): Environment {
  const known = Object.keys(new Environment());
  const picked: Record<string, string> = {};
  for (const name of [...known, 'DATABASE_URL', 'ADMIN_API_KEY']) {
    const value = source[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  const env = plainToInstance(Environment, picked);
  const errors = validateSync(env, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  - ${m} (got ${JSON.stringify(source[e.property])})`));
    throw new EnvironmentError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (env.DATABASE_URL && !env.ADMIN_API_KEY) {
    throw new EnvironmentError('Invalid configuration:\n  - ADMIN_API_KEY is required when DATABASE_URL is set (the embedded mode generates one)');
  }
  return env;
}

export const ENVIRONMENT = Symbol('ENVIRONMENT');
