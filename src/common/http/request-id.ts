import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

/** A caller's X-Request-Id is kept beside the service's own id only when it looks like an id. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The ids of a request. `id` is the service's own, minted for every request (a UUID): it is answered
 * in X-Request-Id and is the `requestId` of the logs, problem bodies and audit entries. `client` is
 * the caller's X-Request-Id when it sent a usable one, kept only beside it (`clientRequestId`), so a
 * caller can correlate with its own traces but cannot choose or reuse the id the service records.
 */
export interface RequestId {
  id: string;
  client?: string;
}

/** The caller's X-Request-Id, or undefined when absent or not an id. */
export function clientRequestId(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : undefined;
}

/** The current request's ids, for the audit log. */
export const CurrentRequestId = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestId => {
  const req = ctx.switchToHttp().getRequest<IncomingMessage & { id?: unknown }>();
  const client = clientRequestId(req);
  return { id: String(req.id), ...(client !== undefined ? { client } : {}) };
});
