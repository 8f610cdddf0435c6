import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
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
