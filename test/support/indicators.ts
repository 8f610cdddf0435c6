import type { TestApp } from './test-app';
import { TEST_ADMIN_KEY } from './test-app';

/** GET a network-scoped route (`indicators/…`, `questions/unanswered`, …) with a key. */
export function networkGet(t: TestApp, network: string, path: string, query: Record<string, string | number> = {}, apiKey = TEST_ADMIN_KEY) {
  return t.http().get(`/v1/networks/${network}/${path}`).query(query).set('Authorization', `Bearer ${apiKey}`);
}

/** An indicator's body, after checking it answered 200 with finite numbers only (never NaN). */
export async function readIndicator(t: TestApp, network: string, path: string, query: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const res = await networkGet(t, network, path, query);
  expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: expect.any(Object) });
  expect(res.text).not.toMatch(/NaN|Infinity/);
  return res.body;
}
