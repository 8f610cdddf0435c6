import { createApiClient, type ApiClient } from '../../../src/client/index.js';

/** Why a call failed, as the dashboard explains it to the user (each kind has its message). */
export type FailureKind = 'unauthorized' | 'forbidden' | 'not-found' | 'unreachable' | 'other';

export class ApiFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${status} ${detail}`);
  }
}

export function failureOf(status: number, body: unknown): ApiFailure {
  const detail = typeof body === 'object' && body !== null && 'detail' in body ? String(body.detail) : '';
  if (status === 401) return new ApiFailure('unauthorized', status, detail);
  if (status === 403) return new ApiFailure('forbidden', status, detail);
  if (status === 404) return new ApiFailure('not-found', status, detail);
  return new ApiFailure('other', status, detail);
}

/** The typed client (generated from openapi.json) for this page's origin and key. */
export function apiClient(key: string): ApiClient {
  return createApiClient(window.location.origin, key);
}

/**
 * Awaits one call of the typed client and returns its body, or throws an ApiFailure: the answer's
 * status (401, 403, 404, other) or `unreachable` when no answer came (service down, network cut).
 */
export async function call<R extends { data?: unknown; error?: unknown; response: Response }>(request: Promise<R>): Promise<NonNullable<R['data']>> {
  let result: R;
  try {
    result = await request;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiFailure('unreachable', 0, String(error));
  }
  if (!result.response.ok || result.data === undefined || result.data === null) throw failureOf(result.response.status, result.error);
  return result.data;
}
