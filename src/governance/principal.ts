import type { ApiKeyRole } from './api-key.entity';

/** Who is calling: resolved from the bearer key by the auth guard and attached to the request. */
export interface Principal {
  /** API key id, or `bootstrap-admin` for ADMIN_API_KEY. */
  keyId: string;
  role: ApiKeyRole;
  /** Network keys the key is limited to; null means every network. */
  networks: string[] | null;
}

export const BOOTSTRAP_ADMIN_ID = 'bootstrap-admin';

/** True when the key may act on `networkKey` (admins and unscoped keys may act on every network). */
export function canAccessNetwork(principal: Principal, networkKey: string): boolean {
  return principal.role === 'admin' || principal.networks === null || principal.networks.includes(networkKey);
}

/**
 * Confidential groups' names, members and text are shown only to admin keys and to keys
 * explicitly limited to networks that include the group (SPEC §4).
 */
export function canSeeConfidential(principal: Principal, networkKey: string): boolean {
  return principal.role === 'admin' || (principal.networks !== null && principal.networks.includes(networkKey));
}
