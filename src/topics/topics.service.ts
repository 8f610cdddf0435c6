import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { ValidationFailed } from '../common/errors/domain-errors';
import { offsetPage } from '../common/pagination/pagination';
import { isCalendarDate, localDate } from '../common/validation/calendar-date';
import { checkDay } from '../common/validation/window-limits';
import { round } from '../common/numbers';
import { byCodePoint, mostFrequent } from '../common/sorting';
import { NetworksService } from '../networks/networks.service';
import {
  DEFAULT_MIN_AUTHORS,
  DEFAULT_MIN_MENTIONS,
  DEFAULT_MIN_SCORE,
  EmergingTopicsPage,
  EmergingTopicsQuery,
  EmergingTopicView,
  MAX_WINDOW_DAYS,
} from './dto/emerging-topics.dto';
import { BASELINE_WINDOWS, termSources, windowBounds } from './queries/emerging-topics.query';
import { termsOf } from '../common/text/terms';

const MAX_SAMPLES = 5;

/** What the current window knows of a term. */
interface TermStats {
  mentions: number;
  questions: number;
  /** Mentions in question threads (SPEC §3.8): the question itself and the replies and shares under it. */
  questionThreadMentions: number;
  authors: Set<string>;
  forms: Map<string, number>;
  samples: { externalId: string; at: number }[];
}

/**
 * Emerging topics (SPEC §3.8, docs/alignment.md): terms of the window's contributions whose mentions
 * burst above the mean of the 4 previous windows, scored (mentions − baseline) / √(baseline + 1) — a
 * Poisson-style surprise, about 0 for a term used steadily — and kept only with enough support.
 * Terms are extracted when the request comes (terms.ts), one window at a time.
 */
@Injectable()
export class TopicsService {
  constructor(
    @InjectEntityManager() private readonly db: EntityManager,
    private readonly networks: NetworksService,
  ) {}

  async emerging(networkKey: string, query: EmergingTopicsQuery, now = new Date()): Promise<EmergingTopicsPage> {
    const network = await this.networks.require(networkKey);
    const at = query.at ?? localDate(now, network.timezone);
    if (!isCalendarDate(at)) throw new ValidationFailed([{ path: 'at', message: `at ${at} is not a calendar date` }]);
    checkDay('at', at);
    const window = query.window ?? '7d';
    const days = Number(window.slice(0, -1));
    if (days < 1 || days > MAX_WINDOW_DAYS) throw new ValidationFailed([{ path: 'window', message: `window must be between 1d and ${MAX_WINDOW_DAYS}d` }]);
    const minMentions = query.minMentions ?? DEFAULT_MIN_MENTIONS;
    const minAuthors = query.minAuthors ?? DEFAULT_MIN_AUTHORS;
    const minScore = query.minScore ?? DEFAULT_MIN_SCORE;

    const bounds = await windowBounds(this.db, { networkId: network.id, timezone: network.timezone, at, days });
    const current = new Map<string, TermStats>();
    for (const row of await termSources(this.db, network.id, bounds[0])) {
      for (const { key, form } of termsOf(row.text, row.tags)) {
        const stats = current.get(key) ?? {
          mentions: 0,
          questions: 0,
          questionThreadMentions: 0,
          authors: new Set<string>(),
          forms: new Map<string, number>(),
          samples: [],
        };
        stats.mentions++;
        if (row.kind === 'question') stats.questions++;
        if (row.inQuestionThread) stats.questionThreadMentions++;
        stats.authors.add(row.authorId);
        stats.forms.set(form, (stats.forms.get(form) ?? 0) + 1);
        stats.samples.push({ externalId: row.externalId, at: new Date(row.occurredAt).getTime() });
        current.set(key, stats);
      }
    }
    // only terms that can pass the support thresholds need a baseline
    const candidates = new Map([...current].filter(([, s]) => s.mentions >= minMentions && s.authors.size >= minAuthors));
    const previousMentions = new Map<string, number>();
    if (candidates.size > 0) {
      for (const previous of bounds.slice(1)) {
        for (const row of await termSources(this.db, network.id, previous)) {
          for (const { key } of termsOf(row.text, row.tags)) if (candidates.has(key)) previousMentions.set(key, (previousMentions.get(key) ?? 0) + 1);
        }
      }
    }

    const items: EmergingTopicView[] = [];
    for (const [key, s] of candidates) {
      const baseline = (previousMentions.get(key) ?? 0) / BASELINE_WINDOWS;
      const score = (s.mentions - baseline) / Math.sqrt(baseline + 1);
      if (score < minScore) continue;
      items.push({
        term: mostFrequent(s.forms),
        mentions: s.mentions,
        authors: s.authors.size,
        questions: s.questions,
        questionThreadMentions: s.questionThreadMentions,
        baseline: round(baseline, 4),
        score: round(score, 4),
        kind: s.questionThreadMentions * 2 > s.mentions ? 'problem' : 'topic',
        samples: s.samples
          .sort((a, b) => b.at - a.at || byCodePoint(a.externalId, b.externalId))
          .slice(0, MAX_SAMPLES)
          .map((x) => x.externalId),
      });
    }
    items.sort((a, b) => b.score - a.score || b.mentions - a.mentions || byCodePoint(a.term, b.term));
    const page = offsetPage(items, query);
    return {
      at,
      window,
      timezone: network.timezone,
      from: bounds[0].from.toISOString(),
      to: bounds[0].to.toISOString(),
      items: page.items,
      nextCursor: page.nextCursor,
    };
  }
}
