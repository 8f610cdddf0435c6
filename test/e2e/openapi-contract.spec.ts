import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { duplicateSchemaClassNames } from '../../scripts/openapi';
import { openApiViolations } from '../support/openapi-validation';
import { startTestApp, TestApp } from '../support/test-app';

/** The committed contract (openapi.json) is the document the service serves, and the checks hold. */
describe('OpenAPI contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('openapi.json is the document served at /docs-json (npm run openapi:generate writes it)', async () => {
    const res = await t.http().get('/docs-json').expect(200);
    const served = res.body as { components: { schemas: Record<string, unknown> } };
    served.components.schemas = Object.fromEntries(
      Object.keys(served.components.schemas)
        .sort()
        .map((k) => [k, served.components.schemas[k]]),
    );
    const committed = JSON.parse(readFileSync(resolve(__dirname, '../../openapi.json'), 'utf8'));
    expect(served).toEqual(committed);
  });

  it('no two DTO classes share a name (one schema would silently replace the other)', () => {
    expect([...duplicateSchemaClassNames(resolve(__dirname, '../../src'))]).toEqual([]);
  });

  it('the response check reports a body that does not match, with the route and the place', () => {
    const res = { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { items: [{ key: 7 }], nextCursor: null }, text: '' };
    const violations = openApiViolations('GET', '/v1/networks?limit=2', res);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations[0]).toContain('GET /v1/networks (GET /v1/networks) → 200');
    expect(violations.join('\n')).toContain('/items/0');
    expect(openApiViolations('GET', '/v1/networks', { ...res, headers: { 'content-type': 'text/csv' } })).toEqual([]);
  });

  it('an undocumented status is a violation', () => {
    const res = { status: 418, headers: { 'content-type': 'application/json' }, body: {}, text: '{}' };
    expect(openApiViolations('GET', '/v1/networks', res)[0]).toContain('status 418 is not documented');
  });
});
