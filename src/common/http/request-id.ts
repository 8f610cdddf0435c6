import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

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

type IdentifiedRequest = IncomingMessage & { id?: unknown };

/** The request being served, for the code that runs on its behalf (async context, not parameters). */
const currentRequest = new AsyncLocalStorage<IdentifiedRequest>();

/**
 * Express middleware: the rest of the request runs with it as the current request. The service's own
 * id (`req.id`) is set by the logger's middleware (pino-http's genReqId, app.module.ts), which may run
 * after this one: the ids are read when asked for.
 */
export function requestContextMiddleware(req: IncomingMessage, _res: ServerResponse, next: () => void): void {
  currentRequest.run(req, next);
}

/** The current request's ids, for the audit log; read from the async context, not passed along. */
@Injectable()
export class RequestContext {
  /** The ids of the request being served; undefined outside a request (jobs, start-up). */
  requestId(): RequestId | undefined {
    const req = currentRequest.getStore();
    if (req?.id === undefined) return undefined;
    const client = clientRequestId(req);
    return { id: String(req.id), ...(client !== undefined ? { client } : {}) };
  }
}
