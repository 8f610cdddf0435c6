import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import type { components } from '../src/client/schema';
import { directorySource, zipFileSource } from '../src/importers/export-source';
import { importerFor, knownFormats } from '../src/importers/formats';
import type { ExportSource, ImportedRecord } from '../src/importers/importer';

const HELP = `npm run import -- --format <format> --network <key> <path> [options]

Imports an export (a directory, or a ZIP with or without its top folder) into a running CNO
analytics service through its public API (POST /v1/networks/{key}/events, NDJSON), with a progress
bar (records/s, ETA) and a checkpoint so that an interrupted import resumes where it stopped.

  --format <format>    ${knownFormats().join(', ')}
  --network <key>      the network imported into (it must exist)
  --url <url>          the service (default: http://localhost:$PORT, PORT defaulting to 3000)
  --key <key>          an admin or integrator key (default: $ADMIN_API_KEY, else the admin-api-key
                       file that npm start writes in $DATA_DIR, default ./data)
  --comments           stackexchange: import comments as replies
  --batch <n>          records per request (default 1000)
  --checkpoint <file>  the checkpoint (default: <path>.import-checkpoint.json); removed once the
                       import is done, kept when it stops early so that a re-run resumes after the
                       last committed batch
  --help`;

type IngestionReport = components['schemas']['IngestionReport'];

interface Rejected {
  file: string;
  line: number;
  error: string;
}

interface Checkpoint {
  format: string;
  network: string;
  /** Records sent and committed, in the importer's (deterministic) order. */
  done: number;
  report: { received: number; inserted: number; updated: number; duplicates: number; rejected: Rejected[] };
}

class ImportError extends Error {}

function defaultKey(): string | undefined {
  if (process.env.ADMIN_API_KEY) return process.env.ADMIN_API_KEY;
  try {
    return readFileSync(resolve(process.env.DATA_DIR ?? './data', 'admin-api-key'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

function readCheckpoint(file: string, format: string, network: string): Checkpoint {
  const fresh: Checkpoint = { format, network, done: 0, report: { received: 0, inserted: 0, updated: 0, duplicates: 0, rejected: [] } };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return fresh;
  }
  const saved = JSON.parse(text) as Checkpoint;
  if (saved.format !== format || saved.network !== network) {
    throw new ImportError(`the checkpoint ${file} is of another import (${saved.format} into ${saved.network}): remove it or pass --checkpoint`);
  }
  return saved;
}

function writeCheckpoint(file: string, checkpoint: Checkpoint): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(checkpoint));
  renameSync(`${file}.tmp`, file);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      network: { type: 'string' },
      url: { type: 'string', default: `http://localhost:${process.env.PORT ?? 3000}` },
      key: { type: 'string' },
      comments: { type: 'boolean', default: false },
      batch: { type: 'string', default: '1000' },
      checkpoint: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const path = positionals[0];
  if (path === undefined || values.network === undefined) throw new ImportError('pass --format, --network and the export path (see --help)');
  let importer;
  try {
    importer = importerFor(values.format);
  } catch (error) {
    throw new ImportError((error as Error).message);
  }
  const network = values.network;
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new ImportError('--batch is an integer from 1 to 100000');
  const url = values.url.replace(/\/+$/, '');
  const key = values.key ?? defaultKey();
  if (!key) throw new ImportError('no key: pass --key, set ADMIN_API_KEY, or start the service once with npm start (it writes data/admin-api-key)');
  const checkpointFile = values.checkpoint ?? `${path.replace(/\/+$/, '')}.import-checkpoint.json`;

  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new ImportError(`no such file or directory: ${path}`);
  }
  const options = { network, comments: values.comments };
  const open = async (): Promise<{ source: ExportSource; close: () => Promise<void> }> => {
    if (isDirectory) return { source: directorySource(path), close: () => Promise.resolve() };
    const zip = await zipFileSource(path).catch((error: Error) => {
      throw new ImportError(`${path} is neither a directory nor a readable ZIP (${error.message})`);
    });
    return { source: zip, close: () => zip.close() };
  };

  // a first pass counts the records, for the bar's total and ETA (parsing is much faster than ingesting)
  let total = 0;
  {
    const { source, close } = await open();
    for await (const _ of importer.records(source, options)) total++;
    await close();
  }
  const checkpoint = readCheckpoint(checkpointFile, importer.format, network);
  if (checkpoint.done > 0) console.log(`Resuming from ${checkpointFile}: ${checkpoint.done} of ${total} records already imported`);
  else console.log(`Importing ${total} records (${importer.format}) from ${path} into "${network}" at ${url}`);

  const tty = process.stdout.isTTY === true;
  const bar = tty
    ? new SingleBar(
        { format: ' [{bar}] {percentage}% | {value}/{total} records | {speed} records/s | ETA {eta_formatted}', hideCursor: true },
        Presets.shades_classic,
      )
    : null;
  bar?.start(total, checkpoint.done, { speed: 0 });
  const started = Date.now();
  const doneAtStart = checkpoint.done;
  let lastLog = 0;
  const progress = (): void => {
    const seconds = (Date.now() - started) / 1000;
    const speed = seconds > 0 ? Math.round((checkpoint.done - doneAtStart) / seconds) : 0;
    if (bar) return bar.update(checkpoint.done, { speed });
    if (Date.now() - lastLog < 2000 && checkpoint.done < total) return;
    lastLog = Date.now();
    const eta = speed > 0 ? `${Math.round((total - checkpoint.done) / speed)} s` : '?';
    console.log(`${checkpoint.done}/${total} records (${speed} records/s, ETA ${eta})`);
  };

  const send = async (batch: ImportedRecord[]): Promise<void> => {
    const body = batch.map((r) => JSON.stringify(r.record)).join('\n') + '\n';
    let response: Response;
    try {
      response = await fetch(`${url}/v1/networks/${encodeURIComponent(network)}/events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/x-ndjson' },
        body,
      });
    } catch (error) {
      throw new ImportError(`cannot reach the service at ${url} (${(error as Error).message}): start it, or pass --url`);
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string };
      throw new ImportError(`POST /events answered ${response.status} ${problem.detail ?? response.statusText}`);
    }
    const report = (await response.json()) as IngestionReport;
    const totals = checkpoint.report;
    totals.received += report.received;
    totals.inserted += report.inserted;
    totals.updated += report.updated;
    totals.duplicates += report.duplicates;
    for (const rejected of report.rejected) {
      const from = batch[rejected.line - 1];
      totals.rejected.push({ file: from?.file ?? '?', line: from?.line ?? 0, error: rejected.error });
    }
    checkpoint.done += batch.length;
    writeCheckpoint(checkpointFile, checkpoint);
    progress();
  };

  const { source, close } = await open();
  try {
    let skipped = 0;
    let batch: ImportedRecord[] = [];
    for await (const record of importer.records(source, options)) {
      if (skipped < doneAtStart) {
        skipped++;
        continue;
      }
      batch.push(record);
      if (batch.length === batchSize) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch);
  } finally {
    bar?.stop();
    await close();
  }
  rmSync(checkpointFile, { force: true });

  const r = checkpoint.report;
  console.log(
    `\nImported "${path}" into "${network}": received ${r.received}, inserted ${r.inserted}, updated ${r.updated}, duplicates ${r.duplicates}, rejected ${r.rejected.length}`,
  );
  for (const rejected of r.rejected) console.log(`  rejected ${rejected.file}:${rejected.line}: ${rejected.error}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ImportError ? `import: ${error.message}` : error);
  process.exit(1);
});
