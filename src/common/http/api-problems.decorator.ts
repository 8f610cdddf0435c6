import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { Problem } from '../errors/problem';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: problem+json with `errors: [{path, message}]`',
  401: 'Missing, unknown or revoked API key',
  403: "The API key's role or network scope does not allow this route",
  404: 'Unknown resource',
  409: 'Conflicts with the current state',
  413: 'Request body over the configured limit, or a JSON array over 10 000 records',
  415: 'Unsupported Content-Type',
  429: 'Rate limit reached; retry after the `Retry-After` header',
};

/** The documented problem+json response of a status (also added by buildOpenApiDocument). */
export function problemResponse(status: number): { description: string; content: Record<string, { schema: { $ref: string } }> } {
  return { description: DESCRIPTIONS[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: getSchemaPath(Problem) } } } };
}

/** One documented problem+json response per status, as every route declares its errors. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(Problem) } } },
      }),
    ),
  );
}
