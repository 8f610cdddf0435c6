import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { commonTopFolder, directorySource, zipBufferSource, zipFileSource } from './export-source';
import { importerFor, knownFormats } from './formats';

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('export sources', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'export-source-'));
    // an export folder with a file at its root and one in a subfolder
    mkdirSync(join(dir, 'export', 'general'), { recursive: true });
    writeFileSync(join(dir, 'export', 'users.json'), '[{"id":"U1"}]');
    writeFileSync(join(dir, 'export', 'general', '2026-03-02.json'), '[]');
    // zipped with its top folder, and zipped from inside it (without); -D: no folder entries in one,
    // folder entries kept in the other
    execFileSync('zip', ['-q', '-r', join(dir, 'with-top.zip'), 'export'], { cwd: dir });
    execFileSync('zip', ['-q', '-r', '-D', join(dir, 'without-top.zip'), '.'], { cwd: join(dir, 'export') });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const expected = ['general/2026-03-02.json', 'users.json'];

  it('lists and opens a directory', async () => {
    const source = directorySource(join(dir, 'export'));
    expect(await source.list()).toEqual(expected);
    expect(await text(await source.open('users.json'))).toBe('[{"id":"U1"}]');
  });

  it.each(['with-top.zip', 'without-top.zip'])('reads %s as the same files', async (name) => {
    const source = await zipFileSource(join(dir, name));
    try {
      expect(await source.list()).toEqual(expected);
      expect(await text(await source.open('users.json'))).toBe('[{"id":"U1"}]');
      expect(await text(await source.open('general/2026-03-02.json'))).toBe('[]');
      await expect(source.open('nope.json')).rejects.toThrow('The ZIP has no file nope.json');
    } finally {
      await source.close();
    }
  });

  it('reads a ZIP held in memory', async () => {
    const source = await zipBufferSource(readFileSync(join(dir, 'with-top.zip')));
    expect(await source.list()).toEqual(expected);
    expect(await text(await source.open('general/2026-03-02.json'))).toBe('[]');
    await source.close();
  });

  it('rejects bytes that are not a ZIP', async () => {
    await expect(zipBufferSource(Buffer.from('not a zip at all'))).rejects.toThrow();
  });

  it('drops a top folder only when every file is under it', () => {
    expect(commonTopFolder(['a/x', 'a/b/y'])).toBe('a');
    expect(commonTopFolder(['a/x', 'y'])).toBeNull();
    expect(commonTopFolder(['a/x', 'b/y'])).toBeNull();
    expect(commonTopFolder([])).toBeNull();
  });
});

describe('format registry', () => {
  it('finds an importer by its format', () => {
    expect(knownFormats()).toEqual(['slack', 'stackexchange', 'viva-engage']);
    expect(importerFor('stackexchange').format).toBe('stackexchange');
    expect(importerFor('slack').format).toBe('slack');
    expect(importerFor('viva-engage').format).toBe('viva-engage');
  });

  it('answers an unknown format with a 400 naming the known ones', () => {
    expect(() => importerFor('mbox')).toThrow(`Unknown format "mbox"; known formats: ${knownFormats().join(', ')}`);
    expect(() => importerFor(undefined)).toThrow(expect.objectContaining({ status: 400, code: 'bad-request' }));
  });
});
