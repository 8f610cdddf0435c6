import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModuleOptions, ThrottlerStorage, getOptionsToken, getStorageToken } from '@nestjs/throttler';
import { ENVIRONMENT, Environment } from '../common/config/environment';
import type { Principal } from './principal';

type Bucket = 'reads' | 'writes';

/**
 * Rate limits per API key (SPEC §4): GET requests and writes (ingestion, PUT, DELETE) count in
 * separate buckets of RATE_LIMIT_READS / RATE_LIMIT_WRITES per RATE_LIMIT_WINDOW_SECONDS, so a
 * long import does not starve a dashboard of the same key and the other way round. Over the limit:
 * 429 problem+json with `Retry-After` (seconds). Runs after the API-key guard; public routes (health,
 * docs) carry no key and are not limited. Counters live in the instance's memory: with several
 * instances, each allows the limit (docs/scaling.md).
 */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  constructor(
    @Inject(getOptionsToken()) options: ThrottlerModuleOptions,
    @Inject(getStorageToken()) storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ principal?: Principal }>();
    return req.principal === undefined || this.limitOf(bucketOf(context)) === 0;
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return (req.principal as Principal).keyId;
  }

  protected override generateKey(context: ExecutionContext, tracker: string): string {
    return `${tracker}:${bucketOf(context)}`;
  }

  /** The configured limit of a bucket; 0 turns limiting off for it. */
  limitOf(bucket: Bucket): number {
    return bucket === 'reads' ? this.env.RATE_LIMIT_READS : this.env.RATE_LIMIT_WRITES;
  }
}

export function bucketOf(context: ExecutionContext): Bucket {
  return context.switchToHttp().getRequest<{ method: string }>().method === 'GET' ? 'reads' : 'writes';
}
