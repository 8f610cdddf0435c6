import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import OpenAPIResponseValidator from 'openapi-response-validator';
import type { Response, Test } from 'supertest';

/**
 * Every JSON answer the e2e suite receives is checked against the committed contract
 * (openapi.json): the operation is found from the method and path, the documented response of the
 * status is taken, and the body is validated against its schema (openapi-response-validator:
 * ajv with OpenAPI 3.0's `nullable` and `$ref`s to the components). A violation fails the request's
 * assertion, so the test fails naming the route, the status and what does not match.
 *
 * Checked: answers whose Content-Type is JSON (application/json, application/problem+json) to a
 * route the document describes. Not checked: other media types (NDJSON, CSV), routes outside the
 * document (/health, /docs).
 */

type Schema = Record<string, unknown>;
interface MediaType {
  schema?: Schema;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId?: string;
  responses: Record<string, ResponseObject>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: Record<string, unknown>;
}

/**
 * Routes (`METHOD /path/template`) whose answers are not validated yet, with why. Empty: every
 * documented route is checked. Add an entry only with the reason and an issue to fix the document.
 */
export const NOT_YET_VALIDATED: ReadonlyMap<string, string> = new Map<string, string>([]);

const DOCUMENT_PATH = resolve(__dirname, '../../openapi.json');
let document: Document | undefined;
let routes: { method: string; template: string; pattern: RegExp; operation: Operation }[] | undefined;
const validators = new Map<string, OpenAPIResponseValidator>();

function load(): NonNullable<typeof routes> {
  if (routes) return routes;
  document = JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8')) as Document;
  routes = [];
  for (const [template, item] of Object.entries(document.paths)) {
    const pattern = new RegExp('^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+') + '$');
    for (const [method, operation] of Object.entries(item)) {
      if (operation && typeof operation === 'object' && 'responses' in operation) routes.push({ method: method.toUpperCase(), template, pattern, operation });
    }
  }
  // a literal segment wins over a parameter (/activities/export before /activities/{externalId})
  const params = (t: string) => (t.match(/\{/g) ?? []).length;
  routes.sort((a, b) => params(a.template) - params(b.template));
  return routes;
}

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** The violations of one answer, or [] when it matches the document (or is not checked). */
export function openApiViolations(method: string, url: string, res: Pick<Response, 'status' | 'headers' | 'body' | 'text'>): string[] {
  const contentType = res.headers['content-type'] as string | undefined;
  if (!isJson(contentType)) return [];
  const path = new URL(url, 'http://localhost').pathname;
  const route = load().find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
  if (!route) return [];
  const name = `${route.method} ${route.template}`;
  if (NOT_YET_VALIDATED.has(name)) return [];
  const where = `${name} (${method.toUpperCase()} ${path}) → ${res.status} ${contentType}`;

  const documented =
    route.operation.responses[String(res.status)] ?? route.operation.responses[`${String(res.status)[0]}XX`] ?? route.operation.responses.default;
  if (!documented)
    return [`${where}: status ${res.status} is not documented for this operation (documented: ${Object.keys(route.operation.responses).join(', ')})`];
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const media = documented.content?.[mediaType];
  if (!media?.schema) {
    return [
      `${where}: the document gives no ${mediaType} schema for status ${res.status} (documented media types: ${Object.keys(documented.content ?? {}).join(', ') || 'none'})`,
    ];
  }

  const key = `${name} ${res.status} ${mediaType}`;
  let validator = validators.get(key);
  if (!validator) {
    validator = new OpenAPIResponseValidator({
      responses: { [String(res.status)]: { description: '', content: { [mediaType]: media } } } as never,
      components: document?.components,
    });
    validators.set(key, validator);
  }
  // a test may parse the answer itself (.buffer().parse(...)): then the body is its raw text
  let body: unknown = res.body;
  const raw = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : body === undefined || body === null ? res.text : undefined;
  if (raw !== undefined) {
    try {
      body = JSON.parse(raw);
    } catch {
      return [`${where}: the body is not JSON`];
    }
  }
  // the validator fills in schema defaults: give it a copy, never the test's body
  const result = validator.validateResponse(res.status, structuredClone(body));
  if (!result) return [];
  return result.errors.map((e: { path?: string; message?: string }) => `${where}: ${e.path ? `/${e.path}` : '(body)'} ${e.message}`);
}

/**
 * Adds the document check to a supertest request. It runs after the test's own expectations (a
 * wrong status is reported as such first), when the request is awaited or ended.
 */
export function validatedAgainstDocument(test: Test): Test {
  const internal = test as unknown as { method: string; url: string; _asserts: ((res: Response) => Error | undefined)[]; end: Test['end'] };
  const end = internal.end.bind(test);
  let added = false;
  internal.end = ((callback?: Parameters<Test['end']>[0]) => {
    if (!added) {
      added = true;
      internal._asserts.push((res: Response) => {
        const violations = openApiViolations(internal.method, internal.url, res);
        return violations.length > 0 ? new Error(`The answer does not match openapi.json:\n  ${violations.join('\n  ')}`) : undefined;
      });
    }
    return end(callback);
  }) as Test['end'];
  return test;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/** A supertest agent whose every request is checked against the document (see above). */
export function documentCheckedAgent<T extends object>(agent: T): T {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) => validatedAgainstDocument((value as (...a: unknown[]) => Test).apply(target, args));
    },
  });
}
