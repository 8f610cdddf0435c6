import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { directorySource } from '../../src/importers/export-source';
import { knownFormats } from '../../src/importers/formats';
import { slackImporter } from '../../src/importers/slack/slack.importer';
import { uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '../..');
const FIXTURE = join(ROOT, 'test/fixtures/slack-mini');

/** The command line's process: its exit code and what it printed. */
function runImport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('node', [join(ROOT, 'dist/cli/cli/import.js'), ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The final report line: received, inserted, updated, duplicates, rejected. */
function finalReport(stdout: string): number[] {
  const m = /received (\d+), inserted (\d+), updated (\d+), duplicates (\d+), rejected (\d+)/.exec(stdout);
  if (!m) throw new Error(`no report in:\n${stdout}`);
  return m.slice(1).map(Number);
}

/**
 * npm run import as a real process against a running service: a Slack export directory is
 * streamed through POST /events (NDJSON), a re-run from the same export zipped is all duplicates, and a checkpoint left by an
 * interrupted run makes the next run skip what it says was committed.
 */
describe('npm run import', () => {
  let t: TestApp;
  let base: string;
  let dir: string;
  let records: number;

  beforeAll(async () => {
    execFileSync('npx', ['tsc', '-p', 'cli/tsconfig.json'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_OPTIONS: '' } });
    t = await startTestApp();
    await new Promise<void>((r) => t.app.getHttpServer().listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
    // the independent count: the records the importer yields for the fixture
    records = 0;
    for await (const _ of slackImporter.records(directorySource(FIXTURE), { network: 'x' })) records++;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const createNetwork = async (): Promise<string> => {
    const network = uniqueKey('imp');
    const res = await t.http().post('/v1/networks').set('Authorization', `Bearer ${TEST_ADMIN_KEY}`).send({ key: network, name: network });
    expect(res.status).toBe(201);
    return network;
  };

  it('imports an export, and a re-run changes nothing', async () => {
    const network = await createNetwork();
    const checkpoint = join(dir, 'first.json');
    const args = ['--format', 'slack', '--network', network, '--url', base, '--key', TEST_ADMIN_KEY, '--batch', '3', '--checkpoint', checkpoint, FIXTURE];
    const first = await runImport(args);
    expect([first.code, first.stderr]).toEqual([0, '']);
    const [received, inserted, updated, duplicates, rejected] = finalReport(first.stdout);
    expect(received).toBe(records);
    expect(rejected).toBe(0);
    // every record is new or updates one sent before it in the same export
    expect(inserted + updated + duplicates).toBe(records);
    expect(existsSync(checkpoint)).toBe(false);
    // not a terminal: plain progress lines, the last one at the total
    expect(first.stdout).toContain(`${records}/${records} records`);

    // the same export zipped with its top folder: the same records, all duplicates
    const zip = join(dir, 'slack-export.zip');
    execFileSync('zip', ['-q', '-r', zip, 'slack-mini'], { cwd: join(FIXTURE, '..') });
    const again = await runImport([...args.slice(0, -1), zip]);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(finalReport(again.stdout)).toEqual([records, 0, 0, records, 0]);
  });

  it('resumes after the records a checkpoint says were committed', async () => {
    const network = await createNetwork();
    const checkpoint = join(dir, 'resume.json');
    // an interrupted run that committed all but the last 2 records (none actually sent here)
    const done = records - 2;
    writeFileSync(
      checkpoint,
      JSON.stringify({ format: 'slack', network, done, report: { received: done, inserted: done, updated: 0, duplicates: 0, rejected: [] } }),
    );
    const run = await runImport(['--format', 'slack', '--network', network, '--url', base, '--key', TEST_ADMIN_KEY, '--checkpoint', checkpoint, FIXTURE]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain(`Resuming from ${checkpoint}: ${done} of ${records} records already imported`);
    const [received, inserted, updated, duplicates] = finalReport(run.stdout);
    // the checkpoint's done records plus the 2 sent now, each new or an update of an earlier one
    expect(received).toBe(records);
    expect(inserted + updated + duplicates).toBe(records);
    expect(duplicates).toBe(0);
    expect(existsSync(checkpoint)).toBe(false);
  });

  it('refuses an unknown format, naming the known ones', async () => {
    const run = await runImport(['--format', 'mbox', '--network', 'n', '--url', base, '--key', TEST_ADMIN_KEY, FIXTURE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`import: Unknown format "mbox"; known formats: ${knownFormats().join(', ')}`);
  });
});
