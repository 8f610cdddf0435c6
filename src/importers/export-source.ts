import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { byCodePoint } from '../common/sorting';
import type { ExportSource } from './importer';

/** An export unpacked in a directory (the command line's PATH when it is a directory). */
export function directorySource(root: string): ExportSource {
  return {
    async list(): Promise<string[]> {
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
        .sort(byCodePoint);
    },
    open(path: string): Promise<Readable> {
      return Promise.resolve(createReadStream(join(root, ...path.split('/'))));
    },
  };
}

/** A ZIP export: its files' bytes are inflated entry by entry as they are read, never all at once. */
export interface ZipExportSource extends ExportSource {
  /** Releases the ZIP (its file descriptor); the source cannot be read afterwards. */
  close(): Promise<void>;
}

/** The ZIP at `path` (the command line's PATH when it is a file). */
export async function zipFileSource(path: string): Promise<ZipExportSource> {
  return zipSource(await yauzl.openPromise(path, ZIP_OPTIONS));
}

/** A ZIP held in memory (an upload to the imports API). */
export async function zipBufferSource(buffer: Buffer): Promise<ZipExportSource> {
  return zipSource(await yauzl.fromBufferPromise(buffer, ZIP_OPTIONS));
}

const ZIP_OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true };

/**
 * Reads the central directory once (names and offsets only), then opens each entry on demand.
 * An export zipped with its folder (`export/Posts.xml`, `export/Users.xml`) reads like one zipped
 * without it (`Posts.xml`, `Users.xml`): when every file sits under the same top folder, that
 * folder is dropped. Folders, and the `__MACOSX/` metadata macOS adds, are not files of the export.
 */
async function zipSource(zip: yauzl.ZipFile): Promise<ZipExportSource> {
  const entries = await readEntries(zip);
  const names = [...entries.keys()];
  const top = commonTopFolder(names);
  const byPath = new Map<string, yauzl.Entry>();
  for (const [name, entry] of entries) byPath.set(top === null ? name : name.slice(top.length + 1), entry);
  const paths = [...byPath.keys()].sort(byCodePoint);
  return {
    list: () => Promise.resolve([...paths]),
    async open(path: string): Promise<Readable> {
      const entry = byPath.get(path);
      if (entry === undefined) throw new Error(`The ZIP has no file ${path}`);
      return zip.openReadStreamPromise(entry);
    },
    close(): Promise<void> {
      zip.close();
      return Promise.resolve();
    },
  };
}

function readEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      const isFolder = name.endsWith('/');
      if (!isFolder && !name.startsWith('__MACOSX/')) entries.set(name, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** The folder every file sits under, or null when some file is at the root or the files differ in their first folder. */
export function commonTopFolder(paths: string[]): string | null {
  let top: string | null = null;
  for (const path of paths) {
    const slash = path.indexOf('/');
    if (slash < 0) return null;
    const first = path.slice(0, slash);
    if (top === null) top = first;
    else if (first !== top) return null;
  }
  return top;
}
