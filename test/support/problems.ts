/** What an error answer must be (SPEC §1): RFC 9457 problem+json, free of internals. */

/** The parts of a supertest response the checks read. */
interface ProblemResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface ProblemExpectation {
  /** Names the case in a failure message. */
  label?: string;
  /** The last segment of the problem `type` (e.g. `forbidden`, `validation`). */
  type?: string;
}

const PROBLEM_JSON = /^application\/problem\+json(;|$)/;

/** Things a response body must never contain: stack frames, source or dependency paths, SQL. */
export const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w.$<>[\] ]*\(?(?:\/|[A-Za-z]:\\|node:)[^)]*:\d+/],
  ['stack frame (bare)', /\n\s+at \S/],
  ['source file position', /\.(?:ts|js|mjs|cjs):\d+/],
  ['node_modules', /node_modules/],
  ['internal path', /\/(?:work|home|usr|opt|app|tmp|var)\/[\w.-]+\/|[A-Za-z]:\\\\|\/src\/|\/dist\//],
  ['SQL SELECT', /\bSELECT\b/],
  ['SQL INSERT', /\bINSERT INTO\b/i],
  ['SQL UPDATE', /\bUPDATE\s+\w+\s+SET\b/i],
  ['SQL DELETE', /\bDELETE FROM\b/i],
  ['SQL fragments', /\bON CONFLICT\b|\bRETURNING\b|\bunnest\(|::bigint|::text\b/i],
  ['driver errors', /QueryFailedError|TypeORMError|\bSQLSTATE\b|relation "|violates .* constraint|out of range for type/i],
  ['JS errors', /TypeError|ReferenceError|SyntaxError: Unexpected|Cannot read propert/],
];

/** Fails when the body holds any of the LEAKS. */
export function expectNoLeak(res: Pick<ProblemResponse, 'text'>, label: string): void {
  const text = res.text ?? '';
  for (const [name, pattern] of LEAKS) {
    if (pattern.test(text)) throw new Error(`${label}: response body leaks ${name} (${pattern}): ${text.slice(0, 2000)}`);
  }
}

/**
 * An RFC 9457 problem with the given status: the problem+json content type; `type` (a URL), `title`,
 * `status` and `detail` in the body; `errors: [{path, message}]` when present; no leak. The third
 * argument is a label for failure messages, or the label and the expected problem type. Returns the body.
 */
export function expectProblem(res: ProblemResponse, status: number, expectation: string | ProblemExpectation = {}): Record<string, unknown> {
  const { label = `${res.status}`, type } = typeof expectation === 'string' ? { label: expectation } : expectation;
  expect({ label, status: res.status }).toEqual({ label, status });
  expect({ label, contentType: res.headers['content-type'] }).toEqual({ label, contentType: expect.stringMatching(PROBLEM_JSON) });
  const body = JSON.parse(res.text) as Record<string, unknown>;
  expect({ label, body }).toMatchObject({ label, body: { status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) } });
  expect((body.title as string).length).toBeGreaterThan(0);
  expect((body.detail as string).length).toBeGreaterThan(0);
  expect(() => new URL(body.type as string)).not.toThrow();
  if (type !== undefined) expect({ label, type: body.type }).toEqual({ label, type: expect.stringMatching(new RegExp(`/${type}$`)) });
  if (body.errors !== undefined) {
    expect(Array.isArray(body.errors)).toBe(true);
    for (const e of body.errors as { path: unknown; message: unknown }[]) expect(e).toEqual({ path: expect.any(String), message: expect.any(String) });
  }
  expectNoLeak(res, label);
  return body;
}
