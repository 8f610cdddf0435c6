import { applyDecorators, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import {
  ThrottlerException,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerRequest,
  ThrottlerStorage,
  getOptionsToken,
  getStorageToken,
} from '@nestjs/throttler';
import { ENVIRONMENT, Environment } from '../common/config/environment';
import { Problem } from '../common/errors/problem';
import type { Principal } from './principal';

type Bucket = 'reads' | 'writes';

/** Name of the throttler that counts expensive operations (the other one, `default`, counts reads and writes). */
export const EXPENSIVE_THROTTLER = 'expensive';
const EXPENSIVE_KEY = 'cno:expensive';

/**
 * An operation that starts heavy work (recomputing the people index, re-matching every activity
 * against an objective): besides its read or write bucket it counts in the per-key bucket of
 * RATE_LIMIT_EXPENSIVE per RATE_LIMIT_WINDOW_SECONDS, so a loop of such calls cannot keep the
 * database busy. Its 429 is documented on the route.
 */
export const Expensive = () =>
  applyDecorators(
    SetMetadata(EXPENSIVE_KEY, true),
    ApiResponse({
      status: 429,
      description:
        'Rate limit reached; retry after the `Retry-After` header. This operation starts heavy work: besides the write bucket (RATE_LIMIT_WRITES) it counts in a separate, smaller per-key bucket, RATE_LIMIT_EXPENSIVE per RATE_LIMIT_WINDOW_SECONDS (default 6 per 60 s)',
      content: { 'application/problem+json': { schema: { $ref: getSchemaPath(Problem) } } },
    }),
  );

/**
 * Rate limits per API key (SPEC §4): GET requests and writes (ingestion, PUT, DELETE) count in
 * separate buckets of RATE_LIMIT_READS / RATE_LIMIT_WRITES per RATE_LIMIT_WINDOW_SECONDS, so a
 * long import does not starve a dashboard of the same key and the other way round; routes marked
 * {@link Expensive} also count in a third bucket of RATE_LIMIT_EXPENSIVE. Over a limit: 429
 * problem+json with `Retry-After` (seconds). Runs after the API-key guard; public routes (health,
 * docs) carry no key and are not limited. A limit of 0 turns its bucket off. Counters live in the
 * instance's memory: with several instances, each allows the limit (docs/scaling.md).
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
    return req.principal === undefined;
  }

  /** Each throttler applies only where its bucket is on (and the expensive one only to Expensive routes). */
  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const { context, throttler } = request;
    const applies =
      throttler.name === EXPENSIVE_THROTTLER
        ? this.env.RATE_LIMIT_EXPENSIVE > 0 && this.reflector.getAllAndOverride<boolean>(EXPENSIVE_KEY, [context.getHandler(), context.getClass()]) === true
        : this.limitOf(bucketOf(context)) > 0;
    return applies ? super.handleRequest(request) : true;
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return (req.principal as Principal).keyId;
  }

  protected override generateKey(context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${tracker}:${throttlerName === EXPENSIVE_THROTTLER ? EXPENSIVE_THROTTLER : bucketOf(context)}`;
  }

  /** The expensive throttler sets no headers of its own (they would be suffixed `-expensive`): its 429 carries the plain `Retry-After` too. */
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    if (!detail.key.endsWith(`:${EXPENSIVE_THROTTLER}`)) return super.throwThrottlingException(context, detail);
    context.switchToHttp().getResponse<{ header: (name: string, value: unknown) => void }>().header('Retry-After', detail.timeToBlockExpire);
    throw new ThrottlerException(
      `At most ${detail.limit} expensive operations (people index refresh, objective changes) per ${Math.round(detail.ttl / 1000)} s per API key (RATE_LIMIT_EXPENSIVE)`,
    );
  }

  /** The configured limit of a bucket; 0 turns limiting off for it. */
  limitOf(bucket: Bucket): number {
    return bucket === 'reads' ? this.env.RATE_LIMIT_READS : this.env.RATE_LIMIT_WRITES;
  }
}

export function bucketOf(context: ExecutionContext): Bucket {
  return context.switchToHttp().getRequest<{ method: string }>().method === 'GET' ? 'reads' : 'writes';
}
