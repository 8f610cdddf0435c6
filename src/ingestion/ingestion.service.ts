import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ENVIRONMENT, Environment } from '../common/config/environment';
import { BadRequest, PayloadTooLarge } from '../common/errors/domain-errors';
import { execute, sql } from '../database/sql';
import { NetworksService } from '../networks/networks.service';
import { IngestionReport, RejectedRecord } from './dto/ingestion-report.dto';
import { IngestionCommits } from './ingestion-commits.service';
import { writeAndAnnounce } from './ingestion-notice';
import { readNdjsonLines } from './ndjson-lines';
import { describeErrors, parseRecord, recordKey, RecordRow } from './record-parser';
import { Outcome, RecordWriter, WriteOutcome } from './record-writer';

/** A JSON array larger than this is refused whole (SPEC §2); NDJSON has no record limit. */
export const MAX_JSON_ARRAY_RECORDS = 10_000;
const PROGRESS_EVERY = 100_000;
/** Loads at least this large refresh the planner statistics before the response. */
const ANALYZE_AFTER_RECORDS = 1_000;
/** During loads: the first refresh after this many records, then each time they double. */
const FIRST_ANALYZE_DURING_LOAD = 100;

interface PendingRecord {
  line: number;
  row: RecordRow;
  externalId?: string;
}

/** Tallies outcomes while a request streams; `rejected` keeps every bad line with its reason. */
class ReportBuilder {
  received = 0;
  inserted = 0;
  updated = 0;
  duplicates = 0;
  rejected: RejectedRecord[] = [];

  count(outcome: Outcome): void {
    if (outcome === 'inserted') this.inserted++;
    else if (outcome === 'updated') this.updated++;
    else this.duplicates++;
  }

  /** A written record's outcome, or its refusal by the writer (reported with its line). */
  record(record: PendingRecord, outcome: WriteOutcome): void {
    if (typeof outcome === 'string') this.count(outcome);
    else this.reject(record.line, outcome.rejected, record.externalId);
  }

  reject(line: number, error: string, externalId?: string): void {
    this.rejected.push(externalId === undefined ? { line, error } : { line, externalId, error });
  }

  build(): IngestionReport {
    return {
      received: this.received,
      inserted: this.inserted,
      updated: this.updated,
      duplicates: this.duplicates,
      rejected: this.rejected.sort((a, b) => a.line - b.line),
    };
  }
}

/**
 * Bulk ingestion: validates each record at the edge, writes good ones in chunked transactions
 * (INGEST_CHUNK_SIZE records each) and reports bad ones with their line. The response is sent
 * only after the last chunk commits, so a 200 means every accepted record is durably stored; a
 * connection cut mid-stream leaves whole chunks committed, which a replay completes idempotently.
 */
@Injectable()
export class IngestionService {
  private readonly logger = new Logger(IngestionService.name);

  /** Records written by this instance, and how many had been when statistics were last refreshed. */
  private writtenByInstance = 0;
  private writtenAtLastAnalyze = 0;

  constructor(
    @Inject(ENVIRONMENT) private readonly env: Environment,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly networks: NetworksService,
    private readonly commits: IngestionCommits,
  ) {}

  /**
   * A parsed JSON body: must be an array of at most MAX_JSON_ARRAY_RECORDS records. `scope`: the
   * networks the sending key is limited to (null for admin and unlimited keys), see RecordWriter.
   */
  async ingestJsonArray(networkKey: string, body: unknown, scope: string[] | null): Promise<IngestionReport> {
    if (!Array.isArray(body)) throw new BadRequest('The body must be a JSON array of records, or NDJSON with Content-Type application/x-ndjson');
    if (body.length > MAX_JSON_ARRAY_RECORDS) {
      throw new PayloadTooLarge(`A JSON array may hold at most ${MAX_JSON_ARRAY_RECORDS} records (got ${body.length}); send NDJSON for larger loads`);
    }
    const network = await this.networks.require(networkKey);
    const report = new ReportBuilder();
    const chunk: PendingRecord[] = [];
    for (let i = 0; i < body.length; i++) {
      this.accept(report, chunk, i + 1, body[i]);
      if (chunk.length >= this.env.INGEST_CHUNK_SIZE) await this.flush(network.id, scope, chunk.splice(0, chunk.length), report);
    }
    await this.flush(network.id, scope, chunk, report);
    await this.refreshStatistics(report);
    return report.build();
  }

  /** An NDJSON body, read line by line as it arrives (never buffered whole); `scope` as for ingestJsonArray. */
  async ingestNdjson(networkKey: string, scope: string[] | null, stream: Readable, declaredLength?: number): Promise<IngestionReport> {
    const limit = this.env.NDJSON_MAX_BYTES;
    if (limit > 0 && declaredLength !== undefined && declaredLength > limit) {
      throw new PayloadTooLarge(`The NDJSON body is ${declaredLength} bytes; the limit is ${limit}`);
    }
    const network = await this.networks.require(networkKey);
    const report = new ReportBuilder();
    const chunk: PendingRecord[] = [];
    const started = Date.now();
    // One chunk is written while the next is parsed (the database works in parallel with this
    // process); chunks still commit one after the other, in order.
    let writing: Promise<void> = Promise.resolve();
    const writeChunk = async () => {
      await writing;
      const records = chunk.splice(0, chunk.length);
      writing = this.flush(network.id, scope, records, report);
      writing.catch(() => undefined); // awaited (and rethrown) before the next chunk or at the end
    };
    const body = limit > 0 ? limitBytes(stream, limit) : stream;
    try {
      for await (const item of readNdjsonLines(body, this.env.NDJSON_MAX_LINE_BYTES)) {
        if (item.kind === 'too-long') {
          report.received++;
          report.reject(item.line, `line is ${item.bytes} bytes; the limit is ${this.env.NDJSON_MAX_LINE_BYTES}`);
        } else if (item.kind === 'bad-utf8') {
          report.received++;
          report.reject(item.line, 'line is not valid UTF-8');
        } else {
          let raw: unknown;
          try {
            raw = JSON.parse(item.text);
          } catch {
            report.received++;
            report.reject(item.line, 'line is not valid JSON');
            continue;
          }
          this.accept(report, chunk, item.line, raw);
        }
        if (chunk.length >= this.env.INGEST_CHUNK_SIZE) await writeChunk();
        if (report.received % PROGRESS_EVERY === 0 && report.received > 0) {
          const seconds = (Date.now() - started) / 1000;
          this.logger.log(
            { network: networkKey, received: report.received, rejected: report.rejected.length, perSecond: Math.round(report.received / seconds) },
            'ingestion progress',
          );
        }
      }
    } catch (error) {
      if (!(error instanceof BodyLimitExceeded)) throw error;
      // Whole lines read so far are kept (a 200 would have stored them too); say exactly what was stored.
      await writeChunk();
      await writing;
      const tooLarge = new PayloadTooLarge(`The NDJSON body exceeds ${limit} bytes; reading stopped there and the complete lines before it were processed`);
      Object.assign(tooLarge.extensions, { report: report.build() });
      throw tooLarge;
    }
    await writeChunk();
    await writing;
    await this.refreshStatistics(report);
    if (report.received >= PROGRESS_EVERY) {
      this.logger.log(
        { network: networkKey, received: report.received, rejected: report.rejected.length, seconds: (Date.now() - started) / 1000 },
        'ingestion done',
      );
    }
    return report.build();
  }

  /**
   * Writes one record (the convenience endpoints) with the same rules; returns its outcome.
   * `networkId` is null for org-wide member writes, which join no network.
   */
  async ingestOne(networkId: number | null, row: RecordRow): Promise<Outcome> {
    // no scope: these routes write no member for a network-limited key, so nothing is refused
    const [outcome] = await this.dataSource.transaction((manager) =>
      writeAndAnnounce(manager, networkId, () => new RecordWriter(manager, networkId).write([row])),
    );
    this.commits.committed(networkId, [outcome]);
    if (typeof outcome !== 'string') throw new Error(`a single-record write was refused: ${outcome.rejected}`);
    return outcome;
  }

  /**
   * After a large load, refresh the planner's statistics before answering, so the next indicator
   * query is planned for the data it will read. The embedded database has no autovacuum at all, and
   * on a server autovacuum's analyze lags a bulk load; without fresh statistics the planner takes
   * the tables for empty and picks nested scans that grow with the square of the data.
   */
  private async refreshStatistics(report: ReportBuilder): Promise<void> {
    if (report.inserted + report.updated < ANALYZE_AFTER_RECORDS) return;
    await this.analyze();
  }

  /**
   * During a load too: the rollup triggers join the tables being written, so each time the records
   * written by this instance double (100, 200, 400, …) the statistics are refreshed — a
   * logarithmic number of ANALYZEs keeps the embedded database's plans right from the first chunks.
   */
  private async refreshStatisticsDuringLoad(written: number): Promise<void> {
    this.writtenByInstance += written;
    if (this.writtenByInstance < Math.max(FIRST_ANALYZE_DURING_LOAD, 2 * this.writtenAtLastAnalyze)) return;
    await this.analyze();
  }

  private async analyze(): Promise<void> {
    this.writtenAtLastAnalyze = this.writtenByInstance;
    await execute(
      this.dataSource.manager,
      sql`ANALYZE activities, members, network_members, groups, memberships, activity_day_counts, active_member_bitmaps, active_member_month_bitmaps, thread_facts`,
    );
  }

  private accept(report: ReportBuilder, chunk: PendingRecord[], line: number, raw: unknown): void {
    report.received++;
    const parsed = parseRecord(raw);
    if (parsed.ok) chunk.push({ line, row: parsed.row, externalId: 'externalId' in parsed.row ? parsed.row.externalId : undefined });
    else report.reject(line, describeErrors(parsed.errors), parsed.externalId);
  }

  /** Commits records in one transaction, or isolates the record the database refuses. */
  private async flush(networkId: number, scope: string[] | null, records: PendingRecord[], report: ReportBuilder): Promise<void> {
    if (records.length === 0) return;
    try {
      const outcomes = await this.dataSource.transaction((manager) =>
        writeAndAnnounce(manager, networkId, () => writeInBatches(new RecordWriter(manager, networkId, scope), records)),
      );
      outcomes.forEach((o, i) => report.record(records[i], o));
      this.commits.committed(networkId, outcomes);
      await this.refreshStatisticsDuringLoad(records.length);
    } catch (error) {
      if (!isDataError(error)) throw error;
      // Validation should have caught it; find the culprit one record at a time and keep the rest.
      this.logger.warn({ err: error }, 'a chunk was refused by the database; retrying its records one by one');
      for (const record of records) {
        try {
          const [outcome] = await this.dataSource.transaction((manager) =>
            writeAndAnnounce(manager, networkId, () => new RecordWriter(manager, networkId, scope).write([record.row])),
          );
          report.record(record, outcome);
          this.commits.committed(networkId, [outcome]);
        } catch (e) {
          if (!isDataError(e)) throw e;
          report.reject(record.line, 'the database refused a value of this record', record.externalId);
        }
      }
    }
  }
}

/** Writes records in order, starting a new batch whenever a key repeats, so later records win. */
async function writeInBatches(writer: RecordWriter, records: PendingRecord[]): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  let batch: RecordRow[] = [];
  let keys = new Set<string>();
  for (const record of records) {
    const key = recordKey(record.row);
    if (keys.has(key)) {
      outcomes.push(...(await writer.write(batch)));
      batch = [];
      keys = new Set();
    }
    batch.push(record.row);
    keys.add(key);
  }
  outcomes.push(...(await writer.write(batch)));
  return outcomes;
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity): caused by a record's values. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code ?? (error as { driverError?: { code?: unknown } })?.driverError?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

class BodyLimitExceeded extends Error {}

/** Passes a stream through until `limit` bytes, then fails: bounds chunked bodies that declare no length. */
async function* limitBytes(stream: AsyncIterable<Buffer>, limit: number): AsyncGenerator<Buffer> {
  let seen = 0;
  for await (const chunk of stream) {
    seen += chunk.length;
    if (seen > limit) {
      const room = chunk.length - (seen - limit);
      if (room > 0) yield chunk.subarray(0, room);
      throw new BodyLimitExceeded();
    }
    yield chunk;
  }
}
