import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';

export type { components, operations, paths } from './schema';

/** A typed client of the service: every path, parameter and body as openapi.json documents them. */
export type ApiClient = Client<paths>;

/**
 * Creates the typed client (openapi-fetch over the types generated from openapi.json). `apiKey`
 * is sent as `Authorization: Bearer <apiKey>`.
 *
 *   const api = createApiClient('http://localhost:3000', key);
 *   const { data, error, response } = await api.GET('/v1/networks/{key}/indicators/activity', { params: { path: { key: 'acme' }, query: { granularity: 'week' } } });
 */
export function createApiClient(baseUrl: string, apiKey?: string): ApiClient {
  return createClient<paths>({ baseUrl, headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {} });
}
