/**
 * Every indicator field the API returns: its formula (SPEC §3), unit, which direction is better and
 * what an empty window gives. GET /v1/metrics serves this list, the OpenAPI descriptions of the
 * indicator responses are generated from it, and request validation (e.g. comparison sort fields)
 * checks names against it: one place to read what a number means. The weights of the people scores
 * live here too, and the people index computes with them.
 */
export type MetricUnit = 'count' | 'rate' | 'ratio' | 'seconds' | 'index' | 'timestamp';
export type Better = 'higher' | 'lower' | 'neutral';

export interface MetricDefinition {
  name: string;
  endpoint: 'activity' | 'engagement' | 'responsiveness' | 'concentration' | 'diffusion' | 'alignment' | 'adoption' | 'experts' | 'animator-candidates';
  unit: MetricUnit;
  better: Better;
  /** What an empty window (or a zero denominator) returns. */
  empty: 0 | null;
  formula: string;
  /** A weighted score's weights, by the name of the term they multiply: what the service computes the score with. */
  weights?: Readonly<Record<string, number>>;
}

const CONTRIBUTIONS = 'post, question, reply and share activities';

// ---------------------------------------------------------------------------------------------
// Weights of the people scores (SPEC §3.8, docs/people.md). src/people/people-scores.ts and the SQL
// of the people queries compute the scores with these; GET /v1/metrics lists them.
// ---------------------------------------------------------------------------------------------

/** Observed expertise of a member on a topic: weight of each piece of evidence. */
export const OBSERVED_SCORE_WEIGHTS = { acceptedAnswers: 3, replies: 1, reactionsReceived: 0.5, peopleHelped: 2 } as const;
/**
 * A member is an observed expert on a topic from this observed score on: `hiddenExpert` of the experts
 * list (when undeclared), `observedExperts` of expertise coverage, the profile's observed-not-declared
 * gaps, and the experts the health scorecard suggests.
 */
export const OBSERVED_EXPERT_MIN_SCORE = 5;
/** Animator candidates: weight of each signal, each divided by its maximum over the candidates first. */
export const ANIMATOR_SCORE_WEIGHTS = {
  peopleHelped: 0.3,
  departmentsReached: 0.15,
  groupsReached: 0.15,
  acceptedAnswers: 0.15,
  centrality: 0.15,
  speed: 0.1,
} as const;

/** `w1 × a + w2 × b + …` from weights (a weight of 1 written as the bare term). */
export function weightedSum(weights: Readonly<Record<string, number>>): string {
  return Object.entries(weights)
    .map(([term, w]) => (w === 1 ? term : `${w} × ${term}`))
    .join(' + ');
}

export const METRICS: readonly MetricDefinition[] = [
  // 3.1 activity (totals; the per-bucket series carries the counts)
  { name: 'posts', endpoint: 'activity', unit: 'count', better: 'higher', empty: 0, formula: 'post activities with occurredAt in [from, to)' },
  { name: 'questions', endpoint: 'activity', unit: 'count', better: 'higher', empty: 0, formula: 'question activities in the window' },
  { name: 'replies', endpoint: 'activity', unit: 'count', better: 'higher', empty: 0, formula: 'reply activities in the window' },
  { name: 'reactions', endpoint: 'activity', unit: 'count', better: 'higher', empty: 0, formula: 'reaction activities in the window' },
  { name: 'shares', endpoint: 'activity', unit: 'count', better: 'higher', empty: 0, formula: 'share activities in the window' },
  { name: 'accepts', endpoint: 'activity', unit: 'count', better: 'higher', empty: 0, formula: 'accept activities in the window' },
  { name: 'contributions', endpoint: 'activity', unit: 'count', better: 'higher', empty: 0, formula: `${CONTRIBUTIONS} in the window` },
  {
    name: 'activeMembers',
    endpoint: 'activity',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: 'distinct authors of any activity (reactions and accepts included) in the window',
  },
  { name: 'contributors', endpoint: 'activity', unit: 'count', better: 'higher', empty: 0, formula: 'distinct authors of contributions in the window' },
  {
    name: 'members',
    endpoint: 'activity',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula:
      'members at `to`: network members (joinedAt, or ingestion time when absent, ≤ to) or, with `group`, group members (joinedAt or ingestion time ≤ to, leftAt null or > to)',
  },
  { name: 'participationRate', endpoint: 'activity', unit: 'rate', better: 'higher', empty: null, formula: 'contributors / members' },
  { name: 'contributionsPerMember', endpoint: 'activity', unit: 'ratio', better: 'higher', empty: null, formula: 'contributions / members' },
  {
    name: 'growth',
    endpoint: 'activity',
    unit: 'ratio',
    better: 'higher',
    empty: null,
    formula: '(contributions − contributions in [from − (to − from), from)) / the latter; null when the latter is 0',
  },
  // 3.2 engagement
  { name: 'dau', endpoint: 'engagement', unit: 'count', better: 'higher', empty: 0, formula: 'distinct active members on day `at` (network time zone)' },
  { name: 'wau', endpoint: 'engagement', unit: 'count', better: 'higher', empty: 0, formula: 'distinct active members over the 7 days ending `at`' },
  { name: 'mau', endpoint: 'engagement', unit: 'count', better: 'higher', empty: 0, formula: 'distinct active members over the 28 days ending `at`' },
  { name: 'stickiness', endpoint: 'engagement', unit: 'rate', better: 'higher', empty: null, formula: 'mean daily dau over the 28 days ending `at` / mau' },
  {
    name: 'engagedMembers',
    endpoint: 'engagement',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: 'members active on ≥ 10 distinct days of the 28 days ending `at`',
  },
  // 3.3 responsiveness
  {
    name: 'roots',
    endpoint: 'responsiveness',
    unit: 'count',
    better: 'neutral',
    empty: 0,
    formula: "posts and questions created in the window (scope by the root's group and author department)",
  },
  {
    name: 'respondedRoots',
    endpoint: 'responsiveness',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: 'roots with a first response: the earliest reply anywhere in the thread by another member, at any time',
  },
  { name: 'responseRate', endpoint: 'responsiveness', unit: 'rate', better: 'higher', empty: null, formula: 'respondedRoots / roots' },
  {
    name: 'medianTimeToFirstResponse',
    endpoint: 'responsiveness',
    unit: 'seconds',
    better: 'lower',
    empty: null,
    formula: 'percentile_cont(0.5) of (first response occurredAt − root occurredAt) over responded roots',
  },
  {
    name: 'p90TimeToFirstResponse',
    endpoint: 'responsiveness',
    unit: 'seconds',
    better: 'lower',
    empty: null,
    formula: 'percentile_cont(0.9) of the time to first response over responded roots',
  },
  {
    name: 'meanTimeToFirstResponse',
    endpoint: 'responsiveness',
    unit: 'seconds',
    better: 'lower',
    empty: null,
    formula: 'mean time to first response over responded roots',
  },
  { name: 'questions', endpoint: 'responsiveness', unit: 'count', better: 'neutral', empty: 0, formula: 'question roots in the window' },
  {
    name: 'resolvedQuestions',
    endpoint: 'responsiveness',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: 'questions with an accepted reply (the reply named by the latest accept of the thread)',
  },
  { name: 'resolvedRate', endpoint: 'responsiveness', unit: 'rate', better: 'higher', empty: null, formula: 'resolvedQuestions / questions' },
  {
    name: 'medianTimeToResolution',
    endpoint: 'responsiveness',
    unit: 'seconds',
    better: 'lower',
    empty: null,
    formula: 'percentile_cont(0.5) of (accepted reply occurredAt − question occurredAt) over resolved questions',
  },
  {
    name: 'unansweredQuestions',
    endpoint: 'responsiveness',
    unit: 'count',
    better: 'lower',
    empty: 0,
    formula: 'questions with no first response and older than 48 h at min(to, now)',
  },
  {
    name: 'leaderFirstResponseShare',
    endpoint: 'responsiveness',
    unit: 'rate',
    better: 'neutral',
    empty: null,
    formula: "first responses written by a leader of the root's group / respondedRoots",
  },
  // 3.4 concentration
  {
    name: 'contributors',
    endpoint: 'concentration',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: 'distinct authors of contributions in the window (n)',
  },
  { name: 'contributions', endpoint: 'concentration', unit: 'count', better: 'higher', empty: 0, formula: `${CONTRIBUTIONS} in the window` },
  {
    name: 'gini',
    endpoint: 'concentration',
    unit: 'index',
    better: 'lower',
    empty: 0,
    formula: "Σᵢ Σⱼ |cᵢ − cⱼ| / (2 n² · mean) over contributors' counts; 0 when n ≤ 1",
  },
  {
    name: 'top10PercentShare',
    endpoint: 'concentration',
    unit: 'rate',
    better: 'lower',
    empty: null,
    formula: 'share of contributions by the top ⌈0.1 n⌉ contributors',
  },
  {
    name: 'busFactor',
    endpoint: 'concentration',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: 'smallest k whose top-k contributors account for ≥ 50 % of contributions',
  },
  {
    name: 'leaderShare',
    endpoint: 'concentration',
    unit: 'rate',
    better: 'neutral',
    empty: null,
    formula: 'share of contributions written by leaders of the group where they were made',
  },
  // 3.5 diffusion
  {
    name: 'interactions',
    endpoint: 'diffusion',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: 'replies and reactions in the window to a known activity by someone else, both departments known',
  },
  {
    name: 'crossDepartmentInteractions',
    endpoint: 'diffusion',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: 'interactions whose author and parent author are in different departments (E)',
  },
  { name: 'crossDepartmentRate', endpoint: 'diffusion', unit: 'rate', better: 'higher', empty: null, formula: 'crossDepartmentInteractions / interactions' },
  {
    name: 'eiIndex',
    endpoint: 'diffusion',
    unit: 'index',
    better: 'higher',
    empty: null,
    formula: '(E − I) / (E + I), Krackhardt; I = same-department interactions',
  },
  // 3.6 alignment (keywords matched after SPEC §3.6 normalisation; docs/alignment.md)
  {
    name: 'contributions',
    endpoint: 'alignment',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: `${CONTRIBUTIONS} in the window (as the activity indicator)`,
  },
  {
    name: 'alignedContributions',
    endpoint: 'alignment',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula:
      "contributions matching ≥ 1 keyword of ≥ 1 active objective that applies to the network (the keyword's tokens occur contiguously in the text or in one tag)",
  },
  { name: 'alignmentRate', endpoint: 'alignment', unit: 'rate', better: 'higher', empty: null, formula: 'alignedContributions / contributions' },
  {
    name: 'matches',
    endpoint: 'alignment',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: 'per objective: contributions matching ≥ 1 of its keywords; per keyword: contributions matching it',
  },
  { name: 'share', endpoint: 'alignment', unit: 'rate', better: 'higher', empty: null, formula: 'objective matches / contributions' },
  {
    name: 'weightedMatches',
    endpoint: 'alignment',
    unit: 'ratio',
    better: 'higher',
    empty: 0,
    formula: "Σ over the objective's keywords of weight × keyword matches (the service's own)",
  },
  {
    name: 'change',
    endpoint: 'alignment',
    unit: 'ratio',
    better: 'higher',
    empty: null,
    formula: 'drift: alignmentRate − alignmentRate of [from − (to − from), from); null when either is null',
  },
  // 3.9 change adoption of one objective (its keyword matches, as alignment; a mention is a matching contribution in scope)
  {
    name: 'mentions',
    endpoint: 'adoption',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: `${CONTRIBUTIONS} in the window matching ≥ 1 keyword of the objective`,
  },
  { name: 'authors', endpoint: 'adoption', unit: 'count', better: 'higher', empty: 0, formula: 'distinct authors of mentions' },
  { name: 'departments', endpoint: 'adoption', unit: 'count', better: 'higher', empty: 0, formula: 'distinct known departments of the authors of mentions' },
  {
    name: 'pulled',
    endpoint: 'adoption',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: 'mentions that are a question, or a reply whose thread root is a question',
  },
  {
    name: 'pushed',
    endpoint: 'adoption',
    unit: 'count',
    better: 'neutral',
    empty: 0,
    formula: "mentions that are a post or a share written by a leader of the activity's group",
  },
  { name: 'pullShare', endpoint: 'adoption', unit: 'rate', better: 'higher', empty: null, formula: 'pulled / mentions' },
  { name: 'pushShare', endpoint: 'adoption', unit: 'rate', better: 'neutral', empty: null, formula: 'pushed / mentions' },
  {
    name: 'organicReach',
    endpoint: 'adoption',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: "distinct members other than the mention's author who replied to or reacted on a mention of the window (§3.5 interactions), at any time",
  },
  {
    name: 'firstMentionAt',
    endpoint: 'adoption',
    unit: 'timestamp',
    better: 'neutral',
    empty: null,
    formula: 'occurredAt of the earliest mention in scope, at any time (before from or after to included); null when there is none',
  },
  {
    name: 'newAuthors',
    endpoint: 'adoption',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: 'per bucket: authors whose earliest mention in scope, at any time, falls in the bucket (within the window)',
  },
  {
    name: 'cumulativeAuthors',
    endpoint: 'adoption',
    unit: 'count',
    better: 'higher',
    empty: 0,
    formula: "per bucket: distinct authors of mentions from `from` to the bucket's end",
  },
  // 3.8 people (computed by the people index; docs/people.md)
  {
    name: 'observedScore',
    endpoint: 'experts',
    unit: 'index',
    better: 'higher',
    empty: 0,
    formula: `${weightedSum(OBSERVED_SCORE_WEIGHTS)}, over the live replies a member wrote in other people's threads on the topic (also the profile's observed expertise score); the expert finder ranks by it, a declared level never raising a rank (SPEC §3.8); an observed expert from ${OBSERVED_EXPERT_MIN_SCORE} on`,
    weights: OBSERVED_SCORE_WEIGHTS,
  },
  {
    name: 'animatorScore',
    endpoint: 'animator-candidates',
    unit: 'index',
    better: 'higher',
    empty: 0,
    formula:
      `${weightedSum(ANIMATOR_SCORE_WEIGHTS)}, each signal divided by its maximum over the candidates; ` +
      'centrality: PageRank on the interaction graph; speed = 1 / (1 + median first response in hours / 24), 0 when never first',
    weights: ANIMATOR_SCORE_WEIGHTS,
  },
];

/** The OpenAPI description of a field: its formula, unit and empty value, from the registry. */
export function describeMetric(endpoint: MetricDefinition['endpoint'], name: string): string {
  const metric = METRICS.find((m) => m.endpoint === endpoint && m.name === name);
  if (!metric) throw new Error(`metric ${endpoint}.${name} is not in the registry`);
  return `${metric.formula}. Unit: ${metric.unit}; better: ${metric.better}; empty window: ${metric.empty === null ? 'null' : '0'}.`;
}
