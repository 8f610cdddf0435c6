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
import { rows } from '../database/sql';
import {
  BASELINE_WINDOWS,
  IndexedTermRow,
  termMentionsQuery,
  termSources,
  windowBounds,
  WindowBounds,
  windowTermsQuery,
} from './queries/emerging-topics.query';
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

/** Minimum support of a term in the current window, and how many sample ids it shows. */
interface Support {
  minMentions: number;
  minAuthors: number;
  samples: number;
}

/** The current window's supported terms, and their mentions over the baseline windows. */
interface WindowTerms {
  candidates: IndexedTermRow[];
  previousMentions: Map<string, number>;
}

/**
 * Emerging topics (SPEC §3.8, docs/alignment.md): terms of the window's contributions whose mentions
 * burst above the mean of the 4 previous windows, scored (mentions − baseline) / √(baseline + 1) — a
 * Poisson-style surprise, about 0 for a term used steadily — and kept only with enough support.
 * Terms are extracted once per contribution, when it is written (activity_terms), and counted in SQL.
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
    const support = { minMentions, minAuthors, samples: MAX_SAMPLES };
    const { candidates, previousMentions } = network.termsIndexed
      ? await this.indexedTerms(network.id, bounds, support)
      : await this.extractedTerms(network.id, bounds, support);

    const items: EmergingTopicView[] = [];
    for (const s of candidates) {
      const baseline = (previousMentions.get(s.term) ?? 0) / BASELINE_WINDOWS;
      const score = (s.mentions - baseline) / Math.sqrt(baseline + 1);
      if (score < minScore) continue;
      items.push({
        term: s.form,
        mentions: s.mentions,
        authors: s.authors,
        questions: s.questions,
        questionThreadMentions: s.questionThreadMentions,
        baseline: round(baseline, 4),
        score: round(score, 4),
        kind: s.questionThreadMentions * 2 > s.mentions ? 'problem' : 'topic',
        samples: s.samples,
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

  /** The window's supported terms and their baseline mentions, counted in SQL from `activity_terms` (networks whose terms are indexed). */
  private async indexedTerms(networkId: number, bounds: WindowBounds[], support: Support): Promise<WindowTerms> {
    const candidates = await rows(this.db, windowTermsQuery(networkId, bounds[0], support));
    const previousMentions = new Map<string, number>();
    if (candidates.length > 0) {
      const baseline = await rows(
        this.db,
        termMentionsQuery(
          networkId,
          bounds[bounds.length - 1].from,
          bounds[1].to,
          candidates.map((c) => c.term),
        ),
      );
      for (const r of baseline) previousMentions.set(r.term, r.mentions);
    }
    return { candidates, previousMentions };
  }

  /**
   * The same, with the terms extracted from the contributions' texts at each request: for a network
   * whose activities predate `activity_terms` until the terms-index job has filled it (and the
   * reference the indexed path is tested against).
   */
  private async extractedTerms(networkId: number, bounds: WindowBounds[], support: Support): Promise<WindowTerms> {
    const current = new Map<string, TermStats>();
    for (const row of await termSources(this.db, networkId, bounds[0])) {
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
    const candidates: IndexedTermRow[] = [...current]
      .filter(([, s]) => s.mentions >= support.minMentions && s.authors.size >= support.minAuthors)
      .map(([term, s]) => ({
        term,
        mentions: s.mentions,
        questions: s.questions,
        questionThreadMentions: s.questionThreadMentions,
        authors: s.authors.size,
        form: mostFrequent(s.forms),
        samples: s.samples
          .sort((a, b) => b.at - a.at || byCodePoint(a.externalId, b.externalId))
          .slice(0, support.samples)
          .map((x) => x.externalId),
      }));
    const wanted = new Set(candidates.map((c) => c.term));
    const previousMentions = new Map<string, number>();
    if (wanted.size > 0) {
      for (const previous of bounds.slice(1)) {
        for (const row of await termSources(this.db, networkId, previous)) {
          for (const { key } of termsOf(row.text, row.tags)) if (wanted.has(key)) previousMentions.set(key, (previousMentions.get(key) ?? 0) + 1);
        }
      }
    }
    return { candidates, previousMentions };
  }
}
