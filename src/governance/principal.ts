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

/** The network keys a key reads through: null for admins and unscoped keys (every network). */
export function networkLimit(principal: Principal): string[] | null {
  return principal.role === 'admin' ? null : principal.networks;
}

/**
 * SQL: member id `member` was ingested through one of the networks whose keys are in `param` (a
 * text[] parameter, null for every network): who a key limited to networks may read.
 */
export const memberInNetworksSql = (member: string, param: string) =>
  `(${param}::text[] IS NULL OR EXISTS (SELECT 1 FROM network_members nm JOIN networks n ON n.id = nm.network_id WHERE nm.member_id = ${member} AND n.key = ANY(${param}::text[])))`;

/**
 * A group whose names, members and texts are withheld from keys that may not see confidential
 * content: a confidential group, or a placeholder whose visibility is not known yet.
 */
export function isConfidentialGroup(visibility: string | null): boolean {
  return visibility === null || visibility === 'confidential';
}

/** The same test in SQL, on the `visibility` of groups alias `g` (a row that exists: check the group id apart). */
export const confidentialGroupSql = (g: string) => `(${g}.visibility IS NULL OR ${g}.visibility = 'confidential')`;

/**
 * Confidential groups' names, members and text are shown only to admin keys and to keys
 * explicitly limited to networks that include the group (SPEC §4).
 */
export function canSeeConfidential(principal: Principal, networkKey: string): boolean {
  return principal.role === 'admin' || (principal.networks !== null && principal.networks.includes(networkKey));
}
