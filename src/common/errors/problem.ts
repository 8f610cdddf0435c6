import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Base of every problem type URI (RFC 9457 §3.1.1); documented in the OpenAPI description. */
export const PROBLEM_BASE = 'https://cno-analytics.dev/problems/';

export class ProblemFieldError {
  @ApiProperty({ example: 'timezone', description: 'JSON path of the offending field' })
  path: string;

  @ApiProperty({ example: 'timezone must be an IANA time zone such as Europe/Paris' })
  message: string;
}

/** application/problem+json body (RFC 9457). */
export class Problem {
  @ApiProperty({ example: `${PROBLEM_BASE}validation`, description: 'URI identifying the problem type' })
  type: string;

  @ApiProperty({ example: 'Invalid request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'The request has 1 invalid field' })
  detail: string;

  @ApiPropertyOptional({ example: '/v1/networks', description: 'The request path' })
  instance?: string;

  @ApiPropertyOptional({ example: 'b3c5e7d2-5a2c-4c4e-9d1e-7a1f3e2b9c10', description: 'Correlates the response with the service logs' })
  requestId?: string;

  @ApiPropertyOptional({ type: [ProblemFieldError], description: 'Field errors, for validation problems' })
  errors?: ProblemFieldError[];
}
