import { fragment, RawBuilder, sql } from '../database/sql';
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
 * SQL: the member whose id is the column `memberColumn` (trusted text, e.g. `m.id`) was ingested
 * through one of the networks `networks` (null for every network): who a key limited to networks may read.
 */
export const memberInNetworks = (memberColumn: string, networks: readonly string[] | null): RawBuilder<unknown> =>
  networks === null
    ? sql`TRUE`
    : sql`EXISTS (SELECT 1 FROM network_members nm JOIN networks n ON n.id = nm.network_id WHERE nm.member_id = ${fragment(memberColumn)} AND n.key = ANY(${[...networks]}::text[]))`;

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
 * SPEC §4, one definition of a confidential activity (its text, tags, author and reaction label are
 * withheld wherever a confidential group's would be). The group that governs an activity's
 * visibility is its own group; an activity sent without a group inside a thread (a reply, reaction,
 * accept or share with a parent) is governed by the group of its thread's root. An activity is
 * confidential when that group is confidential or a placeholder (isConfidentialGroup), and also when
 * it has no group and its thread's root is not known yet (its parent has not arrived, or is a
 * deletion of something never seen): until the root is known the thread may be confidential, as a
 * placeholder group may be. A root without a group, and a groupless activity in such a thread, are
 * not confidential.
 */
export interface ActivityVisibilityFacts {
  /** The activity has a group of its own. */
  hasGroup: boolean;
  /** The activity has a parent (replies, reactions, accepts, shares). */
  hasParent: boolean;
  /** Its thread's root is known (root_id resolved). */
  rootKnown: boolean;
  /** `visibility` of the governing group (own, else the root's); undefined when there is none. */
  governingVisibility: string | null | undefined;
}

export function isConfidentialActivity(a: ActivityVisibilityFacts): boolean {
  if (a.hasGroup || a.governingVisibility !== undefined) return a.governingVisibility !== undefined && isConfidentialGroup(a.governingVisibility);
  return a.hasParent && !a.rootKnown;
}

/**
 * The SQL twin of isConfidentialActivity, in two parts that go together: `joins` (LEFT JOINs to add
 * after `activities a`, bringing the governing group as alias `v` and the thread root as `v_root`;
 * a hash join in scans, a key probe for single rows) and `confidential` (a boolean over them).
 */
export function activityVisibilitySql(a: string, v = 'vis'): { joins: string; confidential: string } {
  return {
    joins: `LEFT JOIN activities ${v}_root ON ${a}.group_id IS NULL AND ${v}_root.network_id = ${a}.network_id AND ${v}_root.id = ${a}.root_id
      LEFT JOIN groups ${v} ON ${v}.network_id = ${a}.network_id AND ${v}.id = coalesce(${a}.group_id, ${v}_root.group_id)`,
    confidential: `(CASE WHEN ${v}.id IS NOT NULL THEN ${confidentialGroupSql(v)}
      ELSE ${a}.group_id IS NULL AND ${a}.parent_external_id IS NOT NULL AND ${a}.root_id IS NULL END)`,
  };
}

/** activityVisibilitySql as composable fragments (it holds no values, only aliases). */
export function activityVisibility(a: string, v = 'vis'): { joins: RawBuilder<unknown>; confidential: RawBuilder<unknown> } {
  const { joins, confidential } = activityVisibilitySql(a, v);
  return { joins: fragment(joins), confidential: fragment(confidential) };
}

/** confidentialGroupSql as a composable fragment. */
export const confidentialGroup = (g: string): RawBuilder<unknown> => fragment(confidentialGroupSql(g));

/**
 * The set form of the same definition, for keyword-derived figures that must leave confidential
 * activities out (SPEC §4): CTEs `confidential_groups(id)` and `confidential_activities(id)`, the
 * confidential activities of the network that occurred in [from, to) (deleted ones included: the
 * caller's scope drops them). Three disjoint parts, each read through an index and in proportion
 * to what is confidential: activities in a confidential group; activities without a group in the
 * thread of a root that is in one; activities without a group whose thread root is not known yet.
 * A test checks it against activityVisibilitySql row by row.
 */
export function confidentialActivitiesCte(networkId: number, from: Date, to: Date): RawBuilder<unknown> {
  return sql`confidential_groups AS (
  SELECT g.id FROM groups g WHERE g.network_id = ${networkId} AND ${confidentialGroup('g')}
), confidential_activities AS (
  SELECT a.id FROM activities a
  WHERE a.network_id = ${networkId} AND a.group_id IN (SELECT id FROM confidential_groups) AND a.occurred_at >= ${from} AND a.occurred_at < ${to}
  UNION ALL
  SELECT a.id FROM activities r JOIN activities a ON a.network_id = r.network_id AND a.root_id = r.id
  WHERE r.network_id = ${networkId} AND r.group_id IN (SELECT id FROM confidential_groups) AND r.root_id = r.id
    AND a.group_id IS NULL AND a.occurred_at >= ${from} AND a.occurred_at < ${to}
  UNION ALL
  SELECT a.id FROM activities a
  WHERE a.network_id = ${networkId} AND a.group_id IS NULL AND a.parent_external_id IS NOT NULL AND a.root_id IS NULL AND a.occurred_at >= ${from} AND a.occurred_at < ${to}
)`;
}

/**
 * Confidential groups' names, members and text are shown only to admin keys and to keys
 * explicitly limited to networks that include the group (SPEC §4).
 */
export function canSeeConfidential(principal: Principal, networkKey: string): boolean {
  return principal.role === 'admin' || (principal.networks !== null && principal.networks.includes(networkKey));
}
