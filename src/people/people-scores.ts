/**
 * The arithmetic of the people index (SPEC §3.8, docs/people.md), as pure functions: no database, no
 * clock. PeopleIndexService reads the corpus and the signals and writes what these return;
 * src/people/people-scores.spec.ts checks each against figures computed by hand.
 */
import { ANIMATOR_SCORE_WEIGHTS, OBSERVED_SCORE_WEIGHTS } from '../indicators/metrics.registry';

/** Inferred interests kept per member and network. */
export const INTERESTS_PER_MEMBER = 10;
/** In a member's TF-IDF, a term in a tag of a contribution counts this much, in its text only 1. */
export const TAG_WEIGHT = 2;
/** Activities shown as the support of an inferred interest: the member's most recent ones holding the term. */
export const SUPPORTING_ACTIVITIES = 5;

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Inferred interests: TF-IDF of a member's own contributions
// ---------------------------------------------------------------------------------------------

/**
 * TF-IDF weight of a term for a member: tf × ln(N / df), with tf the member's weighted count of the
 * term (TAG_WEIGHT in a tag, 1 in a text), N the contributions of the network (the corpus) and df
 * how many of them hold the term (1 when unknown).
 */
export function tfIdf(tf: number, corpusSize: number, documentFrequency: number | undefined): number {
  return tf * Math.log(corpusSize / (documentFrequency ?? 1));
}

/**
 * A member's inferred interests: their terms by TF-IDF weight, highest first (ties: term key in
 * code-point order), weights ≤ 0 (a term in every contribution) left out, at most `limit`.
 */
export function rankInterests<T extends { tf: number }>(
  terms: Iterable<[string, T]>,
  corpusSize: number,
  documentFrequency: ReadonlyMap<string, number>,
  limit = INTERESTS_PER_MEMBER,
): { key: string; t: T; weight: number }[] {
  return [...terms]
    .map(([key, t]) => ({ key, t, weight: tfIdf(t.tf, corpusSize, documentFrequency.get(key)) }))
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1))
    .slice(0, limit);
}

/** The SUPPORTING_ACTIVITIES most recent, most recent first (ties: externalId). Sorts `activities` in place. */
export function mostRecent(activities: { id: string; at: number }[]): { id: string; at: number }[] {
  return activities.sort((a, b) => b.at - a.at || byCodePoint(a.id, b.id)).slice(0, SUPPORTING_ACTIVITIES);
}

// ---------------------------------------------------------------------------------------------
// Observed expertise
// ---------------------------------------------------------------------------------------------

/** Observed evidence of a member on a topic. */
export interface ObservedEvidence {
  acceptedAnswers: number;
  replies: number;
  reactionsReceived: number;
  peopleHelped: number;
}

/** observed score = 3 × acceptedAnswers + replies + 0.5 × reactionsReceived + 2 × peopleHelped (OBSERVED_SCORE_WEIGHTS, the metric registry) */
export function observedScore(e: ObservedEvidence): number {
  const w = OBSERVED_SCORE_WEIGHTS;
  return w.acceptedAnswers * e.acceptedAnswers + w.replies * e.replies + w.reactionsReceived * e.reactionsReceived + w.peopleHelped * e.peopleHelped;
}

/** An expert finder row to rank: its observed score and declared level (null: none). */
export interface ExpertCandidate {
  externalId: string;
  observed: number;
  declaredLevel: number | null;
}

/**
 * The expert finder's order (SPEC §3.8: a declared level never raises a rank): members with observed
 * evidence (observed score > 0) first, by observed score; members who only declare the topic after,
 * by declared level; ties by externalId in code-point order.
 */
export function compareExperts(a: ExpertCandidate, b: ExpertCandidate): number {
  const aObserved = a.observed > 0;
  const bObserved = b.observed > 0;
  if (aObserved !== bObserved) return aObserved ? -1 : 1;
  const byFigure = aObserved ? b.observed - a.observed : (b.declaredLevel ?? 0) - (a.declaredLevel ?? 0);
  return byFigure || byCodePoint(a.externalId, b.externalId);
}

// ---------------------------------------------------------------------------------------------
// Animator candidates
// ---------------------------------------------------------------------------------------------

/** The signals of one animator candidate over the window (animatorSignalsQuery). */
export interface AnimatorSignals {
  memberId: string;
  peopleHelped: number;
  departmentsReached: number;
  groups: string[];
  acceptedAnswers: number;
  /** Median first response, in seconds (null: never responded first). */
  medianFirstResponse: number | string | null;
}

/** speed = 1 / (1 + median first response in hours / 24): 1 when instant, ½ after a day, 0 when they never responded first. */
export function responseSpeed(medianFirstResponseSeconds: number | string | null): number {
  return medianFirstResponseSeconds === null ? 0 : 1 / (1 + Number(medianFirstResponseSeconds) / 3600 / 24);
}

/**
 * The animator score of each candidate (docs/people.md; weights ANIMATOR_SCORE_WEIGHTS of the metric registry):
 *   score = 0.30·helped + 0.15·departments + 0.15·groups + 0.15·accepted + 0.15·centrality + 0.10·speed
 * each signal divided by its maximum over the candidates (so in [0, 1]; counts by at least 1,
 * centrality and speed by at least the smallest positive number), `centrality` the PageRank of the
 * member in the interaction graph (0 when absent).
 */
export function animatorScores<S extends AnimatorSignals>(
  signals: S[],
  centrality: Readonly<Record<string, number>>,
): (S & { centrality: number; score: number })[] {
  // a reduce, not Math.max(...values): spreading 100 000 candidates overflows the call stack
  const maxOf = (values: number[], floor: number) => values.reduce((m, v) => (v > m ? v : m), floor);
  const speed = (s: S) => responseSpeed(s.medianFirstResponse);
  const max = {
    helped: maxOf(
      signals.map((s) => s.peopleHelped),
      1,
    ),
    departments: maxOf(
      signals.map((s) => s.departmentsReached),
      1,
    ),
    groups: maxOf(
      signals.map((s) => s.groups.length),
      1,
    ),
    accepted: maxOf(
      signals.map((s) => s.acceptedAnswers),
      1,
    ),
    centrality: maxOf(
      signals.map((s) => centrality[s.memberId] ?? 0),
      Number.MIN_VALUE,
    ),
    speed: maxOf(signals.map(speed), Number.MIN_VALUE),
  };
  const w = ANIMATOR_SCORE_WEIGHTS;
  return signals.map((s) => ({
    ...s,
    centrality: centrality[s.memberId] ?? 0,
    score:
      w.peopleHelped * (s.peopleHelped / max.helped) +
      w.departmentsReached * (s.departmentsReached / max.departments) +
      w.groupsReached * (s.groups.length / max.groups) +
      w.acceptedAnswers * (s.acceptedAnswers / max.accepted) +
      w.centrality * ((centrality[s.memberId] ?? 0) / max.centrality) +
      w.speed * (speed(s) / max.speed),
  }));
}
