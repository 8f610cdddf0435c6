/**
 * The health policy of a network (SPEC §3.10): the thresholds of the adjustment rules and, per
 * scorecard dimension, the watch and act thresholds. A network's stored policy holds only what was
 * PUT; everything else follows these defaults (so a later change of a default reaches the networks
 * that never set that field).
 */

export const DIMENSION_KEYS = ['activity', 'participation', 'responsiveness', 'unanswered', 'leadership', 'concentration', 'alignment', 'diffusion'] as const;
export type DimensionKey = (typeof DIMENSION_KEYS)[number];

export interface Thresholds {
  watch: number;
  act: number;
}

export interface RuleThresholds {
  unansweredMin: number;
  alignmentDrop: number;
  minContributions: number;
  minContributors: number;
  busFactorMax: number;
  siloEi: number;
  minInteractions: number;
  declineMax: number;
}

export interface HealthPolicy extends RuleThresholds {
  dimensions: Record<DimensionKey, Thresholds>;
}

/** What a dimension measures and how its thresholds read. */
export interface DimensionDefinition {
  key: DimensionKey;
  /** The indicator field the value is (SPEC §3.1–3.7). */
  metric: string;
  /** `higher`: the value is bad when it falls to a threshold or below; `lower`: when it rises to a threshold or above. */
  better: 'higher' | 'lower';
  /** Allowed range of its thresholds (inclusive), and whether they are whole numbers. */
  min: number;
  max: number;
  integer: boolean;
  /** Plain-English meaning, for the OpenAPI description. */
  meaning: string;
}

export const DIMENSIONS: Record<DimensionKey, DimensionDefinition> = {
  activity: {
    key: 'activity',
    metric: 'growth',
    better: 'higher',
    min: -1,
    max: 100,
    integer: false,
    meaning: 'growth of contributions over the previous window (§3.1); judged only when the previous window had ≥ minContributions contributions',
  },
  participation: {
    key: 'participation',
    metric: 'participationRate',
    better: 'higher',
    min: 0,
    max: 1,
    integer: false,
    meaning: 'contributors / members (§3.1)',
  },
  responsiveness: {
    key: 'responsiveness',
    metric: 'medianTimeToFirstResponse',
    better: 'lower',
    min: 0,
    max: 31_536_000,
    integer: false,
    meaning: 'median seconds from a post or question to its first response (§3.3)',
  },
  unanswered: {
    key: 'unanswered',
    metric: 'unansweredQuestions',
    better: 'lower',
    min: 1,
    max: 1_000_000,
    integer: true,
    meaning: 'questions of the window without a response after 48 h (§3.3)',
  },
  leadership: {
    key: 'leadership',
    metric: 'leaderInactive',
    better: 'lower',
    min: 1,
    max: 1_000_000,
    integer: true,
    meaning: 'groups flagged leaderInactive (§3.7): for a group 1 or 0, for the network the number of its groups shown',
  },
  concentration: {
    key: 'concentration',
    metric: 'busFactor',
    better: 'higher',
    min: 1,
    max: 1_000_000,
    integer: true,
    meaning: 'the fewest contributors holding half of the contributions (§3.4); judged only over ≥ minContributors contributors',
  },
  alignment: {
    key: 'alignment',
    metric: 'alignmentRate',
    better: 'higher',
    min: 0,
    max: 1,
    integer: false,
    meaning: 'share of contributions matching an objective (§3.6); judged only when an objective is in force and over ≥ minContributions contributions',
  },
  diffusion: {
    key: 'diffusion',
    metric: 'eiIndex',
    better: 'higher',
    min: -1,
    max: 1,
    integer: false,
    meaning: 'E-I index of interactions across departments (§3.5); judged only over ≥ minInteractions interactions',
  },
};

/** SPEC §3.10 defaults of the rules. */
export const DEFAULT_RULES: RuleThresholds = {
  unansweredMin: 3,
  alignmentDrop: 0.15,
  minContributions: 20,
  minContributors: 5,
  busFactorMax: 1,
  siloEi: -0.5,
  minInteractions: 20,
  declineMax: -0.3,
};

/** The service's defaults of the dimension thresholds (SPEC §3.10 leaves them to the service; documented in OpenAPI). */
export const DEFAULT_DIMENSIONS: Record<DimensionKey, Thresholds> = {
  activity: { watch: -0.1, act: -0.3 },
  participation: { watch: 0.1, act: 0.05 },
  responsiveness: { watch: 86_400, act: 259_200 },
  unanswered: { watch: 1, act: 3 },
  leadership: { watch: 1, act: 1 },
  concentration: { watch: 2, act: 1 },
  alignment: { watch: 0.1, act: 0.05 },
  diffusion: { watch: -0.3, act: -0.5 },
};

export const DEFAULT_POLICY: HealthPolicy = { ...DEFAULT_RULES, dimensions: DEFAULT_DIMENSIONS };

/** Range and kind of each rule threshold, checked on PUT. */
export const RULE_RANGES: Record<keyof RuleThresholds, { min: number; max: number; integer: boolean; meaning: string }> = {
  unansweredMin: { min: 1, max: 1_000_000, integer: true, meaning: 'answer-unanswered and cover-expertise fire from this many questions' },
  alignmentDrop: { min: 0.0001, max: 1, integer: false, meaning: 'realign-group fires when alignmentRate fell by at least this much (absolute)' },
  minContributions: { min: 1, max: 1_000_000, integer: true, meaning: 'realign-group and declining-activity need this many contributions' },
  minContributors: { min: 1, max: 1_000_000, integer: true, meaning: 'reduce-dependency needs this many contributors' },
  busFactorMax: { min: 1, max: 1_000_000, integer: true, meaning: 'reduce-dependency fires when busFactor is at most this' },
  siloEi: { min: -1, max: 1, integer: false, meaning: 'open-silo fires when a department’s eiIndex is at most this' },
  minInteractions: { min: 1, max: 1_000_000, integer: true, meaning: 'open-silo needs this many interactions' },
  declineMax: { min: -1, max: 0, integer: false, meaning: 'declining-activity fires when growth is at most this' },
};

/** A stored (partial) policy over the defaults. */
export interface StoredPolicy extends Partial<RuleThresholds> {
  dimensions?: Partial<Record<DimensionKey, Partial<Thresholds>>>;
}

export function effectivePolicy(stored: StoredPolicy | null): HealthPolicy {
  const dimensions = Object.fromEntries(DIMENSION_KEYS.map((k) => [k, { ...DEFAULT_DIMENSIONS[k], ...(stored?.dimensions?.[k] ?? {}) }])) as Record<
    DimensionKey,
    Thresholds
  >;
  const rules = Object.fromEntries(
    (Object.keys(DEFAULT_RULES) as (keyof RuleThresholds)[]).map((k) => [k, stored?.[k] ?? DEFAULT_RULES[k]]),
  ) as unknown as RuleThresholds;
  return { ...rules, dimensions };
}

export type Status = 'good' | 'watch' | 'act';

/**
 * A dimension's status: `act` when the value reaches the act threshold, else `watch` when it reaches
 * the watch threshold, else `good` ("reaches": ≤ for higher-is-better dimensions, ≥ for the others).
 * A null value (nothing to measure) or one below the dimension's support minimum is `good`.
 */
export function statusOf(key: DimensionKey, value: number | null, thresholds: Thresholds, judged = true): Status {
  if (value === null || !judged) return 'good';
  const reaches = (t: number) => (DIMENSIONS[key].better === 'higher' ? value <= t : value >= t);
  return reaches(thresholds.act) ? 'act' : reaches(thresholds.watch) ? 'watch' : 'good';
}

/** The threshold shown beside a value: the act threshold when acting, else the watch threshold (the next line to cross). */
export function thresholdOf(status: Status, thresholds: Thresholds): number {
  return status === 'act' ? thresholds.act : thresholds.watch;
}

const RANK: Record<Status, number> = { good: 0, watch: 1, act: 2 };
export function worst(statuses: Status[]): Status {
  return statuses.reduce<Status>((w, s) => (RANK[s] > RANK[w] ? s : w), 'good');
}
