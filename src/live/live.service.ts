import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { EntityManager } from 'typeorm';
import { ENVIRONMENT, Environment } from '../common/config/environment';
import { SERVER_STOPPING } from '../common/http/server-stopping';
import type { IngestionNotice } from '../database/notifications';
import { AuditService } from '../governance/audit.service';
import { canSeeConfidential, Principal } from '../governance/principal';
import { IndicatorsService } from '../indicators/indicators.service';
import { NetworksService } from '../networks/networks.service';
import type { LiveCountersEvent } from './dto/live-events.dto';
import { IngestionListener } from './ingestion-listener.service';
import { DEFAULT_STREAM_OPTIONS, firstEventId, LiveStream } from './live-stream';
import { liveActivities, liveCounts } from './queries/live.query';

/** At most one counters query per network in this interval, shared by all its streams. */
export const COUNTERS_INTERVAL_MS = 250;
/** Counters are also recomputed this often while a network has streams: `lastHour` and `today` move with the clock. */
const REFRESH_MS = 60_000;
/** Activities read per run: a stream sends at most 50 per second anyway (LiveStream). */
const ACTIVITIES_PER_RUN = 50;
/** Announced id ranges kept per network between two runs; beyond, they are merged into one span. */
const MAX_RANGES = 64;
/** The client's reconnection delay (SSE `retry`), in ms. */
const RETRY_MS = 2000;

/** The streams of one network in this process and what they wait for. */
interface Feed {
  networkId: number;
  networkKey: string;
  timezone: string;
  streams: Set<LiveStream>;
  /** Activity id ranges (after, upTo] announced since the last run. */
  ranges: [string, string][];
  timer: NodeJS.Timeout | undefined;
  refresh: NodeJS.Timeout;
  running: boolean;
  /** Something happened while a run was under way: run again after it. */
  dirty: boolean;
  lastRunAt: number;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * The live stream of a network (SPEC §3.11), fanned out in memory from the database's notices:
 * ingestion announces each commit (CHANNELS.INGESTION, from any instance), IngestionListener hears
 * it on one connection per process, and each network with streams here gets at most one counters
 * query per COUNTERS_INTERVAL_MS whatever the number of its streams and commits, followed by the
 * announced contributions (read by id, never sent in the notice). Nothing here waits for a client:
 * LiveStream drops a slow one.
 */
@Injectable()
export class LiveService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LiveService.name);
  private readonly feeds = new Map<number, Feed>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectEntityManager() private readonly db: EntityManager,
    private readonly networks: NetworksService,
    private readonly indicators: IndicatorsService,
    private readonly audit: AuditService,
    private readonly listener: IngestionListener,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    this.listener.onNotice((notice) => this.noticed(notice));
    this.listener.onResync(() => this.feeds.forEach((feed) => this.schedule(feed)));
    this.heartbeat = setInterval(() => this.feeds.forEach((feed) => feed.streams.forEach((s) => s.heartbeat())), this.env.LIVE_HEARTBEAT_SECONDS * 1000);
    this.heartbeat.unref();
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as import('node:http').Server | undefined;
    server?.on(SERVER_STOPPING, () => this.endAll());
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
    this.endAll();
  }

  /** Streams in this process (for tests and metrics). */
  get streamCount(): number {
    let n = 0;
    this.feeds.forEach((feed) => (n += feed.streams.size));
    return n;
  }

  /**
   * Opens a stream on `res` (auth and the network scope were checked by the guard): 404 before any
   * byte for an unknown network; then an audit entry, the event-stream headers, and the counters as
   * soon as the network's next run (at most COUNTERS_INTERVAL_MS away).
   */
  async open(principal: Principal, networkKey: string, lastEventId: string | undefined, req: Request, res: Response): Promise<void> {
    const network = await this.networks.require(networkKey);
    await this.audit.record(principal, { action: 'live.read', target: networkKey, ...(lastEventId !== undefined ? { details: { lastEventId } } : {}) });
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('X-Accel-Buffering', 'no'); // proxies such as nginx: do not buffer the stream
    res.flushHeaders();
    req.socket.setNoDelay(true);
    res.write(`retry: ${RETRY_MS}\n\n`);

    const stream = new LiveStream(res, canSeeConfidential(principal, networkKey), { ...DEFAULT_STREAM_OPTIONS, firstId: firstEventId(lastEventId) });
    const feed = this.feedOf(network.id, network.key, network.timezone);
    feed.streams.add(stream);
    stream.onClose = (reason) => {
      if (reason === 'slow') this.logger.warn({ network: networkKey, key: principal.keyId }, 'a live stream client did not keep up and was disconnected');
      this.leave(feed, stream);
    };
    res.on('close', () => stream.close('client'));
    this.schedule(feed);
  }

  private feedOf(networkId: number, networkKey: string, timezone: string): Feed {
    let feed = this.feeds.get(networkId);
    if (feed === undefined) {
      const created: Feed = {
        networkId,
        networkKey,
        timezone,
        streams: new Set(),
        ranges: [],
        timer: undefined,
        refresh: setInterval(() => this.schedule(created), REFRESH_MS),
        running: false,
        dirty: false,
        lastRunAt: 0,
      };
      created.refresh.unref();
      this.feeds.set(networkId, created);
      feed = created;
    }
    return feed;
  }

  private leave(feed: Feed, stream: LiveStream): void {
    feed.streams.delete(stream);
    if (feed.streams.size > 0 || this.feeds.get(feed.networkId) !== feed) return;
    clearTimeout(feed.timer);
    clearInterval(feed.refresh);
    this.feeds.delete(feed.networkId);
  }

  private endAll(): void {
    for (const feed of [...this.feeds.values()]) for (const stream of [...feed.streams]) stream.close('shutdown');
  }

  /** A committed ingestion (from any instance): only networks with streams here do any work. */
  private noticed(notice: IngestionNotice): void {
    const feed = this.feeds.get(notice.network);
    if (feed === undefined) return;
    if (BigInt(notice.upTo) > BigInt(notice.after)) {
      feed.ranges.push([notice.after, notice.upTo]);
      if (feed.ranges.length > MAX_RANGES) feed.ranges = [span(feed.ranges)];
    }
    this.schedule(feed);
  }

  /** Runs the feed now, or as soon as COUNTERS_INTERVAL_MS has passed since its last run (one run at a time). */
  private schedule(feed: Feed): void {
    if (feed.running) {
      feed.dirty = true;
      return;
    }
    if (feed.timer !== undefined) return;
    const delay = Math.max(0, feed.lastRunAt + COUNTERS_INTERVAL_MS - Date.now());
    feed.timer = setTimeout(() => void this.run(feed), delay);
  }

  private async run(feed: Feed): Promise<void> {
    feed.timer = undefined;
    feed.running = true;
    feed.dirty = false;
    feed.lastRunAt = Date.now();
    const ranges = feed.ranges;
    feed.ranges = [];
    try {
      const counters = await this.counters(feed);
      const activities = await liveActivities(this.db, feed.networkId, ranges, ACTIVITIES_PER_RUN);
      for (const stream of feed.streams) {
        stream.sendCounters(counters);
        for (const a of activities) {
          stream.sendActivity({
            externalId: a.externalId,
            kind: a.kind,
            group: stream.seesConfidential || !a.confidential ? a.group : null,
            occurredAt: iso(a.occurredAt),
          });
        }
      }
    } catch (error) {
      // the next notice or refresh tries again; the streams stay open
      this.logger.warn({ err: error, network: feed.networkKey }, 'live counters could not be read');
    } finally {
      feed.running = false;
      if (feed.dirty && this.feeds.get(feed.networkId) === feed) this.schedule(feed);
    }
  }

  /** The counters of SPEC §3.11 at this moment; unansweredQuestions is the responsiveness indicator's own figure. */
  private async counters(feed: Feed): Promise<LiveCountersEvent> {
    const now = new Date();
    const c = await liveCounts(this.db, feed.networkId, feed.timezone, now);
    const responsiveness = await this.indicators.responsiveness(feed.networkKey, { from: iso(c.windowStart), to: iso(c.dayEnd) }, now);
    return {
      at: now.toISOString(),
      today: {
        activities: c.todayActivities,
        contributions: c.todayContributions,
        questions: c.todayQuestions,
        activeMembers: c.todayActiveMembers,
        unansweredQuestions: responsiveness.unansweredQuestions,
      },
      lastHour: { activities: c.lastHourActivities, contributions: c.lastHourContributions, activeMembers: c.lastHourActiveMembers },
    };
  }
}

/** One range covering all of them. */
function span(ranges: [string, string][]): [string, string] {
  let after = BigInt(ranges[0][0]);
  let upTo = BigInt(ranges[0][1]);
  for (const [a, u] of ranges) {
    if (BigInt(a) < after) after = BigInt(a);
    if (BigInt(u) > upTo) upTo = BigInt(u);
  }
  return [after.toString(), upTo.toString()];
}
