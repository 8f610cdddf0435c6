import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Problem, PROBLEM_BASE } from './common/errors/problem';
import { problemResponse } from './common/http/api-problems.decorator';
import { NDJSON_EXAMPLE } from './ingestion/events.controller';

const DESCRIPTION = `Analytics for enterprise social networks, for the Chief Networking Officer.

* **Auth**: every \`/v1\` route needs \`Authorization: Bearer <api-key>\`. Roles: \`admin\` (all), \`integrator\` (ingestion and reads of what it ingested), \`cno\` (indicators, comparisons, health), \`hr\` (profiles and \`/v1/hr/*\`). A key may be limited to some networks. 401: missing, unknown or revoked key; 403: role or network not allowed.
* **Errors**: \`application/problem+json\` (RFC 9457) with \`type\` (under \`${PROBLEM_BASE}\`: validation, bad-request, malformed-json, unauthorized, forbidden, not-found, conflict, payload-too-large, unsupported-media-type, internal), \`title\`, \`status\`, \`detail\`, \`requestId\` and, for validation, \`errors: [{path, message}]\`. Unknown JSON fields are rejected.
* **Times**: ISO 8601 with an offset in, UTC \`Z\` out. Impossible dates (\`2026-06-31\`) are rejected, never rolled over.
* **Lists**: \`limit\` (default 50, max 1000) and the opaque \`cursor\` from the previous page's \`nextCursor\` (null on the last page).
* **Request ids**: every response carries the service's own request id in \`X-Request-Id\` (a UUID; also \`requestId\` in problem bodies, the logs and the audit log): quote it when reporting a problem. An \`X-Request-Id\` you send (up to 64 of \`A–Z a–z 0–9 . _ -\`) is not used as the id; it is kept beside it as \`clientRequestId\` in the logs and audit entries, to correlate with your own traces.`;

/** Builds the OpenAPI document from the controllers and DTOs, with what decorators cannot say. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CNO analytics API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (ADMIN_API_KEY, or one created with POST /v1/api-keys)' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [Problem] });

  // Decorators cannot give each media type its own example: add the NDJSON one by hand.
  const events = document.paths['/v1/networks/{key}/events']?.post;
  const content = (events?.requestBody as { content?: Record<string, { schema?: unknown; example?: unknown }> } | undefined)?.content;
  if (content) {
    content['application/x-ndjson'] = {
      schema: { type: 'string', description: 'One JSON record per line (UTF-8); streamed, any length' },
      example: NDJSON_EXAMPLE,
    };
    if (content['application/json']) content['application/json'].example = NDJSON_EXAMPLE.split('\n').map((line) => JSON.parse(line));
  }
  addGlobalProblems(document);
  return document;
}

/**
 * Answers of every /v1 route that no route's decorators declare because no route's code gives
 * them: the global pipes reject a bad path or query parameter (400: NUL characters, lone
 * surrogates, an externalId too long), and the body parser a malformed (400), too large (413) or
 * non-JSON (415) body.
 */
function addGlobalProblems(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const statuses = [...(operation.parameters?.length || operation.requestBody ? [400] : []), ...(operation.requestBody ? [413, 415] : [])];
      for (const status of statuses) operation.responses[String(status)] ??= problemResponse(status);
    }
  }
}

export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', customSiteTitle: 'CNO analytics API' });
}
