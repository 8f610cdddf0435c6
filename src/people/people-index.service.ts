import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Graph from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { DataSource } from 'typeorm';
import { KeywordMatcher } from '../common/text/keyword-matcher';
import { normaliseTokens } from '../common/text/normalise';
import { ENVIRONMENT, Environment } from '../common/config/environment';
import { JobContext, JobOutcome, JobRunner } from '../jobs/job-runner.service';
import { termsOf } from '../common/text/terms';
import { mostFrequent } from '../common/sorting';
import { animatorScores, INTERESTS_PER_MEMBER, mostRecent, rankInterests, SUPPORTING_ACTIVITIES, TAG_WEIGHT } from './people-scores';
import { ANIMATOR_SIGNALS_SQL, INTERACTION_EDGES_SQL } from './queries/animator-signals.query';
import { EXPERTISE_EVIDENCE_SQL } from './queries/expertise-evidence.query';
import { CORPUS_SIZE_SQL, CorpusRow, CORPUS_SQL } from './queries/people-corpus.query';

export { INTERESTS_PER_MEMBER, SUPPORTING_ACTIVITIES, TAG_WEIGHT } from './people-scores';
/** The interaction window of the animator signals: the year before the run. */
export const ANIMATOR_WINDOW_DAYS = 365;
const PAGE = 5000;
/** The job kind of a network's people index (key: the network id). */
export const PEOPLE_INDEX_JOB = 'people-index';

export interface PeopleIndexRun {
  computedAt: Date;
  durationMs: number;
  contributions: number;
  threads: number;
  membersWithInterests: number;
  animatorCandidates: number;
}

/**
 * The people index of a network (SPEC §3.8): inferred interest centres (TF-IDF of each member's own
 * contributions), the topics of each thread, observed expertise per member and topic, and the
 * animator signals with a PageRank centrality. These need the whole network at once, so they are
 * computed by a periodic job rather than per request: every PEOPLE_INDEX_INTERVAL_SECONDS for the
 * networks with new activities or profile changes since their last run, at start for networks never
 * indexed, and on demand (POST /v1/networks/{key}/people-index). Responses carry `computedAt`.
 *
 * A run writes a new generation of rows beside the current one and switches `people_index_runs` to it
 * in one statement, so readers never see a half-written index and no long transaction is held; the
 * old generation is deleted afterwards. Runs are jobs of the one job runner (kind `people-index`,
 * key the network id): one run per network at a time across instances, taken over by another
 * instance when its instance dies, stopped between pages at shutdown (and run again elsewhere).
 * The arithmetic (TF-IDF, animator score) is in src/people/people-scores.ts.
 */
@Injectable()
export class PeopleIndexService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PeopleIndexService.name);
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    private readonly jobs: JobRunner,
  ) {
    // no retry: a refresh asked for through the API answers the failure at once, and the periodic refresh asks again
    jobs.register(PEOPLE_INDEX_JOB, { run: (job) => this.run(job), maxAttempts: 1 });
  }

  onApplicationBootstrap(): void {
    const seconds = this.env.PEOPLE_INDEX_INTERVAL_SECONDS;
    if (seconds > 0) {
      this.timer = setInterval(() => void this.refreshStale(), seconds * 1000);
      this.timer.unref();
      setImmediate(() => void this.refreshStale());
    }
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
  }

  /** Runs the network's people index (on whichever instance takes the job) and answers its figures. */
  async refresh(networkId: number): Promise<PeopleIndexRun> {
    await this.jobs.runAndWait(PEOPLE_INDEX_JOB, String(networkId));
    const [run]: {
      computed_at: Date;
      duration_ms: number;
      contributions: number;
      threads: number;
      members_with_interests: number;
      animator_candidates: number;
    }[] = await this.db.query(
      `SELECT computed_at, duration_ms, contributions, threads, members_with_interests, animator_candidates FROM people_index_runs WHERE network_id = $1`,
      [networkId],
    );
    return {
      computedAt: new Date(run.computed_at),
      durationMs: Number(run.duration_ms),
      contributions: Number(run.contributions),
      threads: Number(run.threads),
      membersWithInterests: Number(run.members_with_interests),
      animatorCandidates: Number(run.animator_candidates),
    };
  }

  /** Networks whose activities or profiles changed since their last run (or never indexed). */
  private async refreshStale(): Promise<void> {
    if (this.stopping) return;
    try {
      const stale: { id: number }[] = await this.db.query(
        `SELECT n.id FROM networks n LEFT JOIN people_index_runs r ON r.network_id = n.id
         WHERE r.network_id IS NULL
            OR (SELECT max(a.id) FROM activities a WHERE a.network_id = n.id) IS DISTINCT FROM r.last_activity_id
            OR (SELECT max(p.updated_at) FROM member_profiles p) > r.computed_at
         ORDER BY n.id`,
      );
      for (const { id } of stale) if (!this.stopping) await this.jobs.enqueue(PEOPLE_INDEX_JOB, String(id), { ifIdle: true });
    } catch (error) {
      this.logger.error({ err: error }, 'people index refresh failed');
    }
  }

  private async run(job: JobContext): Promise<JobOutcome> {
    const networkId = Number(job.key);
    const started = Date.now();
    const [{ now, generation, last_activity_id }]: { now: Date; generation: number; last_activity_id: string | null }[] = await this.db.query(
      `SELECT now() AS now, coalesce((SELECT generation FROM people_index_runs WHERE network_id = $1), 0) + 1 AS generation,
              (SELECT max(id)::text FROM activities WHERE network_id = $1) AS last_activity_id`,
      [networkId],
    );
    const q = (sql: string, params: unknown[]) => this.db.query(sql, params);
    // rows of an unfinished earlier run of this generation, if any
    for (const table of ['thread_topics', 'member_interests', 'member_topic_evidence', 'animator_scores', 'topic_labels']) {
      await q(`DELETE FROM ${table} WHERE network_id = $1 AND generation = $2`, [networkId, generation]);
    }
    const [{ n: corpusSize }]: { n: number }[] = await q(CORPUS_SIZE_SQL, [networkId]);
    const phases: Record<string, number> = {};
    let mark = Date.now();
    const phase = (name: string) => {
      phases[name] = Date.now() - mark;
      mark = Date.now();
    };

    // pass 1: document frequencies, and the topics of each thread (root tags, declared topics found in the root)
    const declared: { topic_key: string; topic: string }[] = await q(
      `SELECT DISTINCT ON (topic_key) topic_key, topic FROM profile_topics ORDER BY topic_key, topic`,
      [],
    );
    const declaredMatcher = new KeywordMatcher(declared.map((d, i) => ({ id: i, tokens: d.topic_key })));
    const documentFrequency = new Map<string, number>();
    const labels = new Map<string, Map<string, number>>();
    for (const d of declared) labels.set(d.topic_key, new Map([[d.topic, 0]]));
    let threads = 0;
    const topicsPass = await this.pages(
      job,
      q,
      `${CORPUS_SQL} AND a.id > $2 ORDER BY a.id LIMIT ${PAGE}`,
      [networkId],
      ['0'],
      (r) => [r.id],
      async (rows) => {
        const topicRows: { root: string; key: string; fromTag: boolean }[] = [];
        for (const row of rows) {
          for (const { key } of termsOf(row.text, row.tags)) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
          if (row.kind !== 'post' && row.kind !== 'question') continue;
          const keys = new Map<string, boolean>();
          for (const tag of row.tags ?? []) {
            const key = normaliseTokens(tag).join(' ');
            if (key === '') continue;
            keys.set(key, true);
            const forms = labels.get(key) ?? new Map<string, number>();
            forms.set(tag, (forms.get(tag) ?? 0) + 1);
            labels.set(key, forms);
          }
          for (const i of declaredMatcher.match(row.text, row.tags)) if (!keys.has(declared[i].topic_key)) keys.set(declared[i].topic_key, false);
          if (keys.size > 0) threads++;
          for (const [key, fromTag] of keys) topicRows.push({ root: row.id, key, fromTag });
        }
        if (topicRows.length > 0) {
          await q(
            `INSERT INTO thread_topics (network_id, generation, root_id, topic_key, from_tag) SELECT $1, $2, t.* FROM unnest($3::bigint[], $4::text[], $5::boolean[]) AS t`,
            [networkId, generation, topicRows.map((t) => t.root), topicRows.map((t) => t.key), topicRows.map((t) => t.fromTag)],
          );
        }
      },
    );

    if (topicsPass === 'stopped') return 'stopped';
    // fresh statistics, or the evidence query below is planned for a one-row table (nested loops over
    // every thread: minutes instead of a second); the embedded database has no autovacuum
    await q('ANALYZE thread_topics', []);
    phase('topics');
    // pass 2: each member's terms, TF-IDF, top INTERESTS_PER_MEMBER
    let membersWithInterests = 0;
    let author: string | null = null;
    let terms = new Map<string, { tf: number; forms: Map<string, number>; activities: { id: string; at: number }[] }>();
    const interestRows: { member: string; key: string; term: string; weight: number; activities: string[]; rank: number }[] = [];
    const flushMember = () => {
      if (author === null || terms.size === 0) return;
      const ranked = rankInterests(terms, corpusSize, documentFrequency, INTERESTS_PER_MEMBER);
      ranked.forEach((x, i) =>
        interestRows.push({
          member: author as string,
          key: x.key,
          term: mostFrequent(x.t.forms),
          weight: x.weight,
          activities: mostRecent(x.t.activities).map((a) => a.id),
          rank: i + 1,
        }),
      );
      if (ranked.length > 0) membersWithInterests++;
    };
    const writeInterests = async () => {
      if (interestRows.length === 0) return;
      const rows = interestRows.splice(0);
      await q(
        `INSERT INTO member_interests (network_id, generation, member_id, term_key, term, topic_key, weight, activity_ids, rank)
         SELECT $1, $2, t.member, t.key, t.term, t.topic, t.weight, ARRAY(SELECT json_array_elements_text(t.activities::json)), t.rank
         FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::smallint[]) AS t(member, key, term, topic, weight, activities, rank)`,
        [
          networkId,
          generation,
          rows.map((r) => r.member),
          rows.map((r) => r.key),
          rows.map((r) => r.term),
          rows.map((r) => normaliseTokens(r.term).join(' ')),
          rows.map((r) => r.weight),
          rows.map((r) => JSON.stringify(r.activities)),
          rows.map((r) => r.rank),
        ],
      );
    };
    const interestsPass = await this.pages(
      job,
      q,
      `${CORPUS_SQL} AND (a.author_id, a.id) > ($2::bigint, $3::bigint) ORDER BY a.author_id, a.id LIMIT ${PAGE}`,
      [networkId],
      ['0', '0'],
      (r) => [r.author_id, r.id],
      async (rows) => {
        for (const row of rows) {
          if (row.author_id !== author) {
            flushMember();
            author = row.author_id;
            terms = new Map();
          }
          for (const { key, form, inTag } of termsOf(row.text, row.tags)) {
            const t = terms.get(key) ?? { tf: 0, forms: new Map<string, number>(), activities: [] };
            t.tf += inTag ? TAG_WEIGHT : 1;
            t.forms.set(form, (t.forms.get(form) ?? 0) + 1);
            t.activities.push({ id: row.external_id, at: new Date(row.occurred_at).getTime() });
            if (t.activities.length > 4 * SUPPORTING_ACTIVITIES) t.activities = mostRecent(t.activities);
            terms.set(key, t);
          }
        }
        if (interestRows.length >= PAGE) await writeInterests();
      },
    );
    if (interestsPass === 'stopped') return 'stopped';
    flushMember();
    await writeInterests();

    phase('interests');
    // observed expertise, from the thread topics just written
    await q(EXPERTISE_EVIDENCE_SQL, [networkId, generation]);

    phase('expertise');
    // animator candidates: signals and PageRank on the interaction graph of the last year
    const from = new Date(now.getTime() - ANIMATOR_WINDOW_DAYS * 86_400_000);
    const candidates = await this.animatorScores(q, networkId, generation, from, now);

    phase('animators');
    const labelRows = [...labels].map(([key, forms]) => ({ key, label: mostFrequent(forms) }));
    if (labelRows.length > 0) {
      await q(`INSERT INTO topic_labels (network_id, generation, topic_key, label) SELECT $1, $2, t.* FROM unnest($3::text[], $4::text[]) AS t`, [
        networkId,
        generation,
        labelRows.map((l) => l.key),
        labelRows.map((l) => l.label),
      ]);
    }
    const durationMs = Date.now() - started;
    // the switch to the new generation, only while this instance still holds the job (not after a takeover)
    const held = await this.db.transaction(async (m) => {
      if (!(await job.holdsLease(m))) return false;
      await m.query(
        `INSERT INTO people_index_runs (network_id, generation, computed_at, duration_ms, contributions, threads, members_with_interests, animator_candidates, last_activity_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (network_id) DO UPDATE SET generation = excluded.generation, computed_at = excluded.computed_at, duration_ms = excluded.duration_ms,
           contributions = excluded.contributions, threads = excluded.threads, members_with_interests = excluded.members_with_interests,
           animator_candidates = excluded.animator_candidates, last_activity_id = excluded.last_activity_id`,
        [networkId, generation, now, durationMs, corpusSize, threads, membersWithInterests, candidates, last_activity_id],
      );
      return true;
    });
    if (!held) return 'stopped';
    for (const table of ['thread_topics', 'member_interests', 'member_topic_evidence', 'animator_scores', 'topic_labels']) {
      await q(`DELETE FROM ${table} WHERE network_id = $1 AND generation <> $2`, [networkId, generation]);
      await q(`ANALYZE ${table}`, []);
    }
    this.logger.log({ networkId, durationMs, phases, contributions: corpusSize, threads, membersWithInterests, candidates }, 'people index computed');
    return 'done';
  }

  /** Keyset pages of the corpus: the position after a page (`keyOf` its last row) follows `params`. */
  private async pages(
    job: JobContext,
    q: (sql: string, params: unknown[]) => Promise<CorpusRow[]>,
    sql: string,
    params: unknown[],
    start: string[],
    keyOf: (row: CorpusRow) => string[],
    each: (rows: CorpusRow[]) => Promise<void>,
  ): Promise<JobOutcome> {
    let after = start;
    for (;;) {
      if (job.stopRequested()) return 'stopped';
      const rows = await q(sql, [...params, ...after]);
      if (rows.length === 0) return 'done';
      await each(rows);
      after = keyOf(rows[rows.length - 1]);
      if (rows.length < PAGE) return 'done';
    }
  }

  /**
   * One row per non-leader who replied to someone in the window, with its signals, a PageRank and the
   * score that ranks animator candidates (docs/people.md):
   *   score = 0.30·helped + 0.15·departments + 0.15·groups + 0.15·accepted + 0.15·centrality + 0.10·speed
   * each signal divided by its maximum over the candidates (so in [0, 1]), speed = 1 / (1 + median
   * first response in hours / 24) (1 when instant, ½ after a day; 0 when they never responded first)
   * before that division too.
   */
  private async animatorScores(
    q: (sql: string, params: unknown[]) => Promise<unknown[]>,
    networkId: number,
    generation: number,
    from: Date,
    to: Date,
  ): Promise<number> {
    const edges = (await q(INTERACTION_EDGES_SQL, [networkId, from, to])) as { source: string; target: string; weight: number }[];
    // edges from the person answered to the person answering: rank flows to those who help, and more
    // to those who help people who themselves help
    const graph = new Graph({ type: 'directed' });
    for (const e of edges) {
      graph.mergeNode(e.source);
      graph.mergeNode(e.target);
      graph.mergeEdge(e.target, e.source, { weight: e.weight });
    }
    const centrality: Record<string, number> = graph.order > 0 ? pagerank(graph, { getEdgeWeight: 'weight' }) : {};
    const signals = (await q(ANIMATOR_SIGNALS_SQL, [networkId, from, to])) as {
      member_id: string;
      people_helped: number;
      departments_reached: number;
      groups: string[];
      accepted_answers: number;
      median_first_response: number | null;
    }[];
    if (signals.length === 0) return 0;
    const rows = animatorScores(signals, centrality);
    for (let i = 0; i < rows.length; i += PAGE) {
      const page = rows.slice(i, i + PAGE);
      await q(
        `INSERT INTO animator_scores (network_id, generation, member_id, people_helped, departments_reached, groups, accepted_answers, median_first_response, centrality, score)
         SELECT $1, $2, t.member, t.helped, t.departments, string_to_array(t.groups, ' ')::bigint[], t.accepted, t.median, t.centrality, t.score
         FROM unnest($3::bigint[], $4::int[], $5::int[], $6::text[], $7::int[], $8::float8[], $9::float8[], $10::float8[]) AS t(member, helped, departments, groups, accepted, median, centrality, score)`,
        [
          networkId,
          generation,
          page.map((r) => r.member_id),
          page.map((r) => r.people_helped),
          page.map((r) => r.departments_reached),
          page.map((r) => r.groups.join(' ')),
          page.map((r) => r.accepted_answers),
          page.map((r) => r.median_first_response),
          page.map((r) => r.centrality),
          page.map((r) => r.score),
        ],
      );
    }
    return rows.length;
  }
}
