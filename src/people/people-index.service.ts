import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Graph from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { DataSource } from 'typeorm';
import { KeywordMatcher } from '../common/text/keyword-matcher';
import { normaliseTokens } from '../common/text/normalise';
import { ENVIRONMENT, Environment } from '../common/config/environment';
import { JobContext, JobOutcome, JobRunner } from '../jobs/job-runner.service';
import { IngestionCommits } from '../ingestion/ingestion-commits.service';
import { termsOf } from '../common/text/terms';
import { mostFrequent } from '../common/sorting';
import { animatorScores, INTERESTS_PER_MEMBER, mostRecent, rankInterests, SUPPORTING_ACTIVITIES, TAG_WEIGHT } from './people-scores';
import { animatorSignals, interactionEdges } from './queries/animator-signals.query';
import { writeExpertiseEvidence } from './queries/expertise-evidence.query';
import {
  corpusByAuthorPage,
  corpusDocumentFrequencyQuery,
  corpusPage,
  CorpusRow,
  corpusSize as corpusSizeOf,
  insertIndexedInterestsQuery,
  termFormsQuery,
} from './queries/people-corpus.query';
import { row, rows } from '../database/sql';
import {
  analyze,
  AnimatorScoreRow,
  currentRun,
  declaredTopicKeys,
  deleteGeneration,
  INDEX_TABLES,
  insertAnimatorScores,
  insertInterests,
  insertThreadTopics,
  insertTopicLabels,
  InterestRow,
  runStart,
  staleNetworks,
  switchGeneration,
  ThreadTopic,
} from './queries/people-index.query';

export { INTERESTS_PER_MEMBER, SUPPORTING_ACTIVITIES, TAG_WEIGHT } from './people-scores';
/** The interaction window of the animator signals: the year before the run. */
export const ANIMATOR_WINDOW_DAYS = 365;
const PAGE = 5000;
/** The job kind of a network's people index (key: the network id). */
export const PEOPLE_INDEX_JOB = 'people-index';
/** How long a read waits for the first index runs of the networks it reads (then it answers with computedAt null). */
export const FIRST_INDEX_READ_WAIT_MS = 10_000;

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
  /** Per network: the debounce timer of its next requested run and when the burst it waits for began. */
  private readonly pending = new Map<number, { timer: NodeJS.Timeout; since: number }>();
  /** First runs a read has requested in this process and not seen end yet, by network. */
  private readonly firstRuns = new Map<number, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENVIRONMENT) private readonly env: Environment,
    private readonly jobs: JobRunner,
    commits: IngestionCommits,
  ) {
    // no retry: a refresh asked for through the API answers the failure at once, and the periodic refresh asks again
    jobs.register(PEOPLE_INDEX_JOB, { run: (job) => this.run(job), maxAttempts: 1 });
    if (env.PEOPLE_INDEX_DEBOUNCE_SECONDS > 0) commits.listen((networkId) => this.afterIngestion(networkId));
  }

  /**
   * The index follows ingestion: each committed ingestion of a network (re)arms a timer of
   * PEOPLE_INDEX_DEBOUNCE_SECONDS; when it fires (the burst or import has paused), a run is requested
   * from the job runner — one pending job per network (the jobs table's key), a running one runs again
   * after. A burst that never pauses still requests a run PEOPLE_INDEX_MAX_DELAY_SECONDS after its
   * first commit. So an accepted event is in the index within that delay plus one run (README). The
   * timers live in the instance that ingested; if it stops first, the periodic refresh catches up.
   */
  private afterIngestion(networkId: number): void {
    if (this.stopping) return;
    const now = Date.now();
    const current = this.pending.get(networkId);
    if (current) clearTimeout(current.timer);
    const since = current?.since ?? now;
    const debounce = this.env.PEOPLE_INDEX_DEBOUNCE_SECONDS * 1000;
    const latest = since + Math.max(this.env.PEOPLE_INDEX_MAX_DELAY_SECONDS * 1000, debounce);
    const timer = setTimeout(() => void this.requestRun(networkId), Math.max(0, Math.min(debounce, latest - now)));
    timer.unref();
    this.pending.set(networkId, { timer, since });
  }

  private async requestRun(networkId: number): Promise<void> {
    this.pending.delete(networkId);
    if (this.stopping) return;
    try {
      await this.jobs.enqueue(PEOPLE_INDEX_JOB, String(networkId));
    } catch (error) {
      this.logger.error({ err: error }, 'requesting the people index after ingestion failed');
    }
  }

  /**
   * Requests now the first run of networks never indexed (a read must not answer from no index), all
   * at once, and waits for them at most FIRST_INDEX_READ_WAIT_MS: a read across many new networks
   * (an unscoped key's experts) must not hang on all of them. Runs still going then finish in the
   * background and the read answers what there is, with computedAt null. Reads arriving meanwhile
   * wait for the same runs (one request per network), within the same bound.
   */
  async ensureIndexed(networkIds: readonly number[]): Promise<void> {
    if (networkIds.length === 0) return;
    const runs = networkIds.map((id) => {
      let run = this.firstRuns.get(id);
      if (run === undefined) {
        run = this.jobs
          .runAndWait(PEOPLE_INDEX_JOB, String(id))
          .then(() => undefined)
          .catch((error: unknown) => {
            // the read then answers what there is, with computedAt null; the next ingestion or refresh asks again
            this.logger.error({ err: error }, 'the first people index run of a network failed');
          })
          .finally(() => this.firstRuns.delete(id));
        this.firstRuns.set(id, run);
      }
      return run;
    });
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, FIRST_INDEX_READ_WAIT_MS);
      timer.unref();
    });
    await Promise.race([Promise.all(runs), waited]);
    clearTimeout(timer);
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
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  /** Runs the network's people index (on whichever instance takes the job) and answers its figures. */
  async refresh(networkId: number): Promise<PeopleIndexRun> {
    await this.jobs.runAndWait(PEOPLE_INDEX_JOB, String(networkId));
    const run = await currentRun(this.db.manager, networkId);
    return {
      computedAt: new Date(run.computedAt),
      durationMs: Number(run.durationMs),
      contributions: Number(run.contributions),
      threads: Number(run.threads),
      membersWithInterests: Number(run.membersWithInterests),
      animatorCandidates: Number(run.animatorCandidates),
    };
  }

  /** Networks whose activities or profiles changed since their last run (or never indexed). */
  private async refreshStale(): Promise<void> {
    if (this.stopping) return;
    try {
      const stale = await staleNetworks(this.db.manager);
      for (const { id } of stale) if (!this.stopping) await this.jobs.enqueue(PEOPLE_INDEX_JOB, String(id), { ifIdle: true });
    } catch (error) {
      this.logger.error({ err: error }, 'people index refresh failed');
    }
  }

  private async run(job: JobContext): Promise<JobOutcome> {
    const networkId = Number(job.key);
    const started = Date.now();
    const db = this.db.manager;
    const { now, generation, lastActivityId, termsIndexed } = await runStart(db, networkId);
    // rows of an unfinished earlier run of this generation, if any
    for (const table of INDEX_TABLES) await deleteGeneration(db, table, networkId, generation, false);
    const corpusSize = await corpusSizeOf(db, networkId);
    const phases: Record<string, number> = {};
    let mark = Date.now();
    const phase = (name: string) => {
      phases[name] = Date.now() - mark;
      mark = Date.now();
    };

    // pass 1: document frequencies, and the topics of each thread (root tags, declared topics found in the root)
    const declared = await declaredTopicKeys(db);
    const declaredMatcher = new KeywordMatcher(declared.map((d, i) => ({ id: i, tokens: d.topicKey })));
    const documentFrequency = new Map<string, number>();
    const labels = new Map<string, Map<string, number>>();
    for (const d of declared) labels.set(d.topicKey, new Map([[d.topic, 0]]));
    let threads = 0;
    // with indexed terms, the document frequencies are counted in SQL and only the thread roots are read
    if (termsIndexed) for (const r of await rows(db, corpusDocumentFrequencyQuery(networkId))) documentFrequency.set(r.term, r.documents);
    const topicsPass = await this.pages(
      job,
      ([afterId]) => corpusPage(db, networkId, afterId, PAGE, termsIndexed),
      ['0'],
      (r) => [r.id],
      async (rows) => {
        const topicRows: ThreadTopic[] = [];
        for (const row of rows) {
          if (!termsIndexed) for (const { key } of termsOf(row.text, row.tags)) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
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
          for (const i of declaredMatcher.match(row.text, row.tags)) if (!keys.has(declared[i].topicKey)) keys.set(declared[i].topicKey, false);
          if (keys.size > 0) threads++;
          for (const [key, fromTag] of keys) topicRows.push({ root: row.id, key, fromTag });
        }
        if (topicRows.length > 0) await insertThreadTopics(db, networkId, generation, topicRows);
      },
    );

    if (topicsPass === 'stopped') return 'stopped';
    // fresh statistics, or the evidence query below is planned for a one-row table (nested loops over
    // every thread: minutes instead of a second); the embedded database has no autovacuum
    await analyze(db, 'thread_topics');
    phase('topics');
    // pass 2: each member's terms, TF-IDF, top INTERESTS_PER_MEMBER
    let membersWithInterests = 0;
    let author: string | null = null;
    let terms = new Map<string, { tf: number; forms: Map<string, number>; activities: { id: string; at: number }[] }>();
    const interestRows: InterestRow[] = [];
    const flushMember = () => {
      if (author === null || terms.size === 0) return;
      const ranked = rankInterests(terms, corpusSize, documentFrequency, INTERESTS_PER_MEMBER);
      ranked.forEach((x, i) => {
        const term = mostFrequent(x.t.forms);
        interestRows.push({
          member: author as string,
          key: x.key,
          term,
          topicKey: normaliseTokens(term).join(' '),
          weight: x.weight,
          activities: mostRecent(x.t.activities).map((a) => a.id),
          rank: i + 1,
        });
      });
      if (ranked.length > 0) membersWithInterests++;
    };
    const writeInterests = async () => {
      if (interestRows.length === 0) return;
      await insertInterests(db, networkId, generation, interestRows.splice(0));
    };
    if (termsIndexed) membersWithInterests = await this.writeIndexedInterests(networkId, generation, corpusSize);
    const interestsPass = termsIndexed
      ? 'done'
      : await this.pages(
          job,
          ([afterAuthor, afterId]) => corpusByAuthorPage(db, networkId, afterAuthor, afterId, PAGE),
          ['0', '0'],
          (r) => [r.authorId, r.id],
          async (rows) => {
            for (const row of rows) {
              if (row.authorId !== author) {
                flushMember();
                author = row.authorId;
                terms = new Map();
              }
              for (const { key, form, inTag } of termsOf(row.text, row.tags)) {
                const t = terms.get(key) ?? { tf: 0, forms: new Map<string, number>(), activities: [] };
                t.tf += inTag ? TAG_WEIGHT : 1;
                t.forms.set(form, (t.forms.get(form) ?? 0) + 1);
                t.activities.push({ id: row.externalId, at: new Date(row.occurredAt).getTime() });
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
    await writeExpertiseEvidence(db, networkId, generation);

    phase('expertise');
    // animator candidates: signals and PageRank on the interaction graph of the last year
    const from = new Date(now.getTime() - ANIMATOR_WINDOW_DAYS * 86_400_000);
    const candidates = await this.animatorScores(networkId, generation, from, now);

    phase('animators');
    const labelRows = [...labels].map(([key, forms]) => ({ key, label: mostFrequent(forms) }));
    if (labelRows.length > 0) await insertTopicLabels(db, networkId, generation, labelRows);
    const durationMs = Date.now() - started;
    // the switch to the new generation, only while this instance still holds the job (not after a takeover)
    const held = await this.db.transaction(async (m) => {
      if (!(await job.holdsLease(m))) return false;
      await switchGeneration(m, {
        networkId,
        generation,
        computedAt: now,
        durationMs,
        contributions: corpusSize,
        threads,
        membersWithInterests,
        animatorCandidates: candidates,
        lastActivityId,
      });
      return true;
    });
    if (!held) return 'stopped';
    for (const table of INDEX_TABLES) {
      await deleteGeneration(db, table, networkId, generation, true);
      await analyze(db, table);
    }
    this.logger.log({ networkId, durationMs, phases, contributions: corpusSize, threads, membersWithInterests, candidates }, 'people index computed');
    return 'done';
  }

  /** Keyset pages of the corpus: `page(after)` reads the page after the position `after` (`keyOf` the last row of the previous page). */
  /** The interests pass from the indexed terms, in one statement (insertIndexedInterestsQuery); returns the members given interests. */
  private async writeIndexedInterests(networkId: number, generation: number, corpusSize: number): Promise<number> {
    const db = this.db.manager;
    const formKeys = (await rows(db, termFormsQuery(networkId))).map(({ form }) => ({ form, key: normaliseTokens(form).join(' ') }));
    const { members } = await row(
      db,
      insertIndexedInterestsQuery(networkId, generation, {
        corpusSize,
        tagWeight: TAG_WEIGHT,
        limit: INTERESTS_PER_MEMBER,
        supporting: SUPPORTING_ACTIVITIES,
        formKeys,
      }),
    );
    return members;
  }

  private async pages(
    job: JobContext,
    page: (after: string[]) => Promise<CorpusRow[]>,
    start: string[],
    keyOf: (row: CorpusRow) => string[],
    each: (rows: CorpusRow[]) => Promise<void>,
  ): Promise<JobOutcome> {
    let after = start;
    for (;;) {
      if (job.stopRequested()) return 'stopped';
      const rows = await page(after);
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
  private async animatorScores(networkId: number, generation: number, from: Date, to: Date): Promise<number> {
    const rows = await this.animatorRanking(networkId, from, to);
    for (let i = 0; i < rows.length; i += PAGE) await insertAnimatorScores(this.db.manager, networkId, generation, rows.slice(i, i + PAGE));
    return rows.length;
  }

  /**
   * The animator candidates of a network over [from, to), with their signals, centrality and score,
   * unordered: what the index stores for the year before its run, and what a request for another
   * window (`from`/`to` of GET …/animator-candidates) computes on the spot.
   */
  async animatorRanking(networkId: number, from: Date, to: Date): Promise<AnimatorScoreRow[]> {
    const db = this.db.manager;
    const edges = await interactionEdges(db, networkId, from, to);
    // edges from the person answered to the person answering: rank flows to those who help, and more
    // to those who help people who themselves help
    const graph = new Graph({ type: 'directed' });
    for (const e of edges) {
      graph.mergeNode(e.source);
      graph.mergeNode(e.target);
      graph.mergeEdge(e.target, e.source, { weight: e.weight });
    }
    const centrality: Record<string, number> = graph.order > 0 ? pagerank(graph, { getEdgeWeight: 'weight' }) : {};
    const signals = await animatorSignals(db, networkId, from, to);
    return signals.length === 0 ? [] : animatorScores(signals, centrality);
  }
}
