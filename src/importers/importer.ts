import type { Readable } from 'node:stream';

/**
 * The importers of the exports companies already have (SPEC "Importers"): each turns an export into
 * SPEC §2 records — the records `POST /v1/networks/{key}/events` accepts — streamed one by one, so an
 * export of millions of messages is never held in memory. Both ways in (the imports API, run as a
 * background job, and the `npm run import` command line) feed these records to the same ingestion
 * path, so re-importing an export changes nothing.
 */
export type ImportFormat = 'stackexchange' | 'viva-engage' | 'slack';

/** A SPEC §2 record as the events endpoint accepts it (`type`: member, group, membership or activity). */
export type SpecRecord = Record<string, unknown> & { type: 'member' | 'group' | 'membership' | 'activity' };

/** One record of an export and where it comes from, for the report's rejected lines. */
export interface ImportedRecord {
  record: SpecRecord;
  /** The file of the export, as a path inside it with `/` separators (e.g. `Posts.xml`, `general/2026-03-02.json`). */
  file: string;
  /** The line of that file where the source row starts (1-based). */
  line: number;
}

/** The files of an export (a directory or a ZIP), opened on demand. */
export interface ExportSource {
  /** Every file, as a path with `/` separators relative to the export's root, sorted in code-point order. */
  list(): Promise<string[]>;
  /** A stream of the file's bytes. */
  open(path: string): Promise<Readable>;
}

export interface ImportOptions {
  /** The key of the network imported into (some formats name a group after it). */
  network: string;
  /** stackexchange: import comments as replies (SPEC: only with `comments=true`). */
  comments?: boolean;
}

export interface Importer {
  readonly format: ImportFormat;
  /** The export's records, members and groups first, in a deterministic order. */
  records(source: ExportSource, options: ImportOptions): AsyncIterable<ImportedRecord>;
}
