import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from './domain-errors';
import { PROBLEM_BASE } from './problem';

/** Errors raised by express' body parser before Nest sees the request. */
interface BodyParserError {
  type: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

const BODY_PARSER_PROBLEMS: Record<string, { status: number; code: string; title: string; detail: string }> = {
  'entity.parse.failed': { status: 400, code: 'malformed-json', title: 'Malformed JSON', detail: 'The request body is not valid JSON' },
  'entity.too.large': { status: 413, code: 'payload-too-large', title: 'Request body too large', detail: 'The request body exceeds the configured limit' },
  'encoding.unsupported': { status: 415, code: 'unsupported-media-type', title: 'Unsupported media type', detail: 'Unsupported content encoding' },
  'charset.unsupported': { status: 415, code: 'unsupported-media-type', title: 'Unsupported media type', detail: 'Unsupported charset; send UTF-8' },
  'request.aborted': { status: 400, code: 'request-aborted', title: 'Request aborted', detail: 'The client aborted the request' },
  'request.size.invalid': { status: 400, code: 'bad-request', title: 'Bad request', detail: 'Request size did not match Content-Length' },
};

function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as BodyParserError).type === 'string' &&
    ((e as BodyParserError).status ?? (e as BodyParserError).statusCode) !== undefined
  );
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Missing or invalid API key',
  403: 'Not allowed for this API key',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
};

/**
 * The one place errors become responses: RFC 9457 problem+json for everything.
 * Known errors keep their message; anything else is logged with its stack and answered with a
 * generic 500 whose only detail is the request id, so no SQL, stack or path ever leaks.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const requestId = req?.id !== undefined ? String(req.id) : undefined;
    const body = this.toProblem(exception, requestId);
    body.instance = req?.originalUrl?.split('?')[0];
    if (requestId) body.requestId = requestId;
    if (res.headersSent) {
      res.end();
      return;
    }
    res
      .status(body.status as number)
      .type('application/problem+json')
      .send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, requestId: string | undefined): Record<string, unknown> {
    if (exception instanceof DomainError) {
      const body: Record<string, unknown> = { type: exception.type, title: exception.title, status: exception.status, detail: exception.message };
      if ('errors' in exception) body.errors = (exception as { errors: unknown }).errors;
      return { ...body, ...exception.extensions };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const title = TITLES[status] ?? (status >= 500 ? 'Internal error' : 'Request failed');
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      if (status === HttpStatus.SERVICE_UNAVAILABLE && typeof response === 'object' && 'details' in response) {
        // terminus readiness: the failing checks are operational facts, not internals
        return { type: PROBLEM_BASE + 'not-ready', title: 'Service not ready', status, detail: 'A readiness check failed', checks: response.details };
      }
      const detail = status >= 500 ? `Internal error; quote request id ${requestId ?? 'n/a'}` : typeof message === 'string' ? message : title;
      return { type: PROBLEM_BASE + slug(title), title, status, detail };
    }
    if (isBodyParserError(exception) && BODY_PARSER_PROBLEMS[exception.type]) {
      const p = BODY_PARSER_PROBLEMS[exception.type];
      return { type: PROBLEM_BASE + p.code, title: p.title, status: p.status, detail: p.detail };
    }
    const err = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error({ err, requestId }, 'Unhandled error');
    return {
      type: PROBLEM_BASE + 'internal',
      title: 'Internal error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: `An unexpected error occurred; quote request id ${requestId ?? 'n/a'} when reporting it`,
    };
  }
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
