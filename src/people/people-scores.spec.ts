import { mostFrequent } from '../common/sorting';
import { animatorScores, compareExperts, mostRecent, observedScore, rankInterests, responseSpeed, tfIdf } from './people-scores';

/** The people-index arithmetic against figures computed by hand (the computation beside each). */
describe('people scores', () => {
  describe('TF-IDF of inferred interests', () => {
    it('weighs a term by tf × ln(N / df)', () => {
      expect(tfIdf(3, 100, 10)).toBeCloseTo(6.907755278982137, 12); // 3 × ln(100 / 10) = 3 × 2.302585092994046
      expect(tfIdf(2, 8, undefined)).toBeCloseTo(4.1588830833596715, 12); // df unknown counts as 1: 2 × ln(8) = 2 × 2.0794415416798357
      expect(tfIdf(4, 8, 8)).toBe(0); // a term in every contribution: 4 × ln(1) = 0
    });

    it("ranks a member's terms by weight, ties by key, leaves weights ≤ 0 out, keeps at most the limit", () => {
      // corpus of 8 contributions
      const terms = new Map([
        ['d', { tf: 1 }], // 1 × ln(8 / 1) = 2.0794415416798357
        ['c', { tf: 4 }], // 4 × ln(8 / 8) = 0 → left out
        ['b', { tf: 1 }], // 1 × ln(8 / 1) = 2.0794415416798357 (same as d: b first by key)
        ['a', { tf: 2 }], // 2 × ln(8 / 2) = 2.772588722239781
      ]);
      const df = new Map([
        ['a', 2],
        ['b', 1],
        ['c', 8],
      ]); // d: unknown, counts as 1
      const ranked = rankInterests(terms, 8, df, 10);
      expect(ranked.map((r) => r.key)).toEqual(['a', 'b', 'd']);
      expect(ranked[0].weight).toBeCloseTo(2.772588722239781, 12);
      expect(ranked[1].weight).toBeCloseTo(2.0794415416798357, 12);
      expect(rankInterests(terms, 8, df, 2).map((r) => r.key)).toEqual(['a', 'b']);
    });

    it('supports an interest with the 5 most recent activities, ties by id', () => {
      const activities = [
        { id: 'x1', at: 10 },
        { id: 'x2', at: 70 },
        { id: 'x3', at: 30 },
        { id: 'x5', at: 50 },
        { id: 'x4', at: 50 },
        { id: 'x6', at: 60 },
        { id: 'x7', at: 20 },
      ];
      // at 70, 60, 50 (x4 before x5), 50, 30; 20 and 10 are dropped
      expect(mostRecent(activities).map((a) => a.id)).toEqual(['x2', 'x6', 'x4', 'x5', 'x3']);
    });

    it('labels a term with its most frequent form, ties in code-point order', () => {
      // Cloud and cloud twice each: 'C' (U+0043) sorts before 'c' (U+0063)
      expect(
        mostFrequent(
          new Map([
            ['cloud', 2],
            ['CLOUD', 1],
            ['Cloud', 2],
          ]),
        ),
      ).toBe('Cloud');
      expect(
        mostFrequent(
          new Map([
            ['cloud', 3],
            ['Cloud', 2],
          ]),
        ),
      ).toBe('cloud');
    });
  });

  describe('observed expertise', () => {
    it('scores 3 × accepted answers + replies + 0.5 × reactions received + 2 × people helped', () => {
      // 3 × 2 + 5 + 0.5 × 3 + 2 × 4 = 6 + 5 + 1.5 + 8 = 20.5
      expect(observedScore({ acceptedAnswers: 2, replies: 5, reactionsReceived: 3, peopleHelped: 4 })).toBe(20.5);
      // one reply to one person, one reaction: 0 + 1 + 0.5 + 2 = 3.5
      expect(observedScore({ acceptedAnswers: 0, replies: 1, reactionsReceived: 1, peopleHelped: 1 })).toBe(3.5);
    });

    it('ranks experts by observed score first; a declared level never raises a rank (SPEC §3.8)', () => {
      const rows = [
        { externalId: 'declares-5', observed: 0, declaredLevel: 5 },
        { externalId: 'declares-2', observed: 0, declaredLevel: 2 },
        { externalId: 'b-answers', observed: 3.5, declaredLevel: null },
        { externalId: 'a-answers', observed: 3.5, declaredLevel: null },
        { externalId: 'answers-and-declares', observed: 3, declaredLevel: 5 },
        { externalId: 'summer', observed: 20.5, declaredLevel: null },
      ];
      // observed evidence first by observed score (ties: externalId), then declared-only by level
      expect(rows.sort(compareExperts).map((r) => r.externalId)).toEqual([
        'summer',
        'a-answers',
        'b-answers',
        'answers-and-declares',
        'declares-5',
        'declares-2',
      ]);
    });
  });

  describe('animator score', () => {
    it('turns the median first response into a speed in [0, 1]', () => {
      expect(responseSpeed(null)).toBe(0); // never responded first
      expect(responseSpeed(0)).toBe(1); // 1 / (1 + 0)
      expect(responseSpeed(86_400)).toBe(0.5); // a day: 1 / (1 + 24 h / 24) = 1 / 2
      expect(responseSpeed('43200')).toBeCloseTo(2 / 3, 12); // half a day (as PostgreSQL's numeric text): 1 / (1 + 12 / 24) = 1 / 1.5
    });

    it('weighs each signal divided by its maximum over the candidates', () => {
      const signals = [
        { memberId: 'A', peopleHelped: 4, departmentsReached: 2, groups: ['1', '2'], acceptedAnswers: 1, medianFirstResponse: 0 },
        { memberId: 'B', peopleHelped: 2, departmentsReached: 2, groups: ['1'], acceptedAnswers: 0, medianFirstResponse: 86_400 },
      ];
      const scored = animatorScores(signals, { A: 0.6, B: 0.3 });
      // maxima: helped 4, departments 2, groups 2, accepted 1, centrality 0.6, speed 1 (A: instant)
      // A: 0.30 × 4/4 + 0.15 × 2/2 + 0.15 × 2/2 + 0.15 × 1/1 + 0.15 × 0.6/0.6 + 0.10 × 1/1 = 1
      expect(scored[0].score).toBeCloseTo(1, 12);
      expect(scored[0].centrality).toBe(0.6);
      // B: 0.30 × 2/4 + 0.15 × 2/2 + 0.15 × 1/2 + 0.15 × 0/1 + 0.15 × 0.3/0.6 + 0.10 × 0.5/1
      //  = 0.15 + 0.15 + 0.075 + 0 + 0.075 + 0.05 = 0.5
      expect(scored[1].score).toBeCloseTo(0.5, 12);
      expect(scored[1].centrality).toBe(0.3);
    });

    it('divides counts by at least 1 and an absent centrality or speed by the smallest positive number', () => {
      // one candidate, no PageRank entry, never responded first, no group, no accepted answer:
      // 0.30 × 1/1 + 0.15 × 1/1 + 0.15 × 0/1 + 0.15 × 0/1 + 0.15 × 0/MIN + 0.10 × 0/MIN = 0.45
      const [c] = animatorScores([{ memberId: 'C', peopleHelped: 1, departmentsReached: 1, groups: [], acceptedAnswers: 0, medianFirstResponse: null }], {});
      expect(c.score).toBeCloseTo(0.45, 12);
      expect(c.centrality).toBe(0);
    });
  });
});
