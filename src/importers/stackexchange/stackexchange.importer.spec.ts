import { join } from 'node:path';
import { directorySource } from '../export-source';
import type { ImportedRecord } from '../importer';
import { htmlToText, stackexchangeTags, stackexchangeTime, stackexchangeImporter } from './stackexchange.importer';

const MINI = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'stackexchange-mini');

async function all(comments: boolean): Promise<ImportedRecord[]> {
  const out: ImportedRecord[] = [];
  for await (const r of stackexchangeImporter.records(directorySource(MINI), { network: 'qc', comments })) out.push(r);
  return out;
}

describe('stackexchange importer', () => {
  it('maps a small dump (BOM, entities, HTML, deleted accounts, both tag syntaxes, accepts), members and group first', async () => {
    const records = await all(false);
    expect(records).toEqual([
      // Users.xml: the BOM and the XML declaration are lines 1, `<users>` line 2, rows from line 3; `&amp;` decoded
      {
        file: 'Users.xml',
        line: 3,
        record: { type: 'member', externalId: 'se-1', displayName: 'Ana & Bo', site: 'Lyon', joinedAt: '2018-03-01T10:00:00.000Z' },
      },
      { file: 'Users.xml', line: 4, record: { type: 'member', externalId: 'se-2', displayName: 'Caro', joinedAt: '2018-03-01T11:00:00.000Z' } },
      // se-3 (line 5) never wrote: not imported
      // deleted accounts, from the Posts.xml row where each is first seen: by name, then by post (no name)
      { file: 'Posts.xml', line: 5, record: { type: 'member', externalId: 'se-deleted-Gone User', displayName: 'Gone User' } },
      { file: 'Posts.xml', line: 6, record: { type: 'member', externalId: 'se-deleted-post-13', displayName: 'se-deleted-post-13' } },
      { file: 'Posts.xml', line: 1, record: { type: 'group', externalId: 'qc-questions', name: 'qc questions', visibility: 'public' } },
      {
        file: 'Posts.xml',
        line: 3,
        record: {
          type: 'activity',
          externalId: 'q-10',
          kind: 'question',
          author: 'se-1',
          group: 'qc-questions',
          occurredAt: '2018-03-02T09:00:00.000Z', // UTC without zone + Z
          // title + body without HTML: `&amp;amp;` → `&amp;` (XML) → `&` (HTML); `&nbsp;` → space; paragraphs → blank line
          text: 'Gates & qubits\n\nIs H&X < 1?\n\nThanks all',
          tags: ['quantum-gate', 'qubit'], // `<a><b>`
        },
      },
      {
        file: 'Posts.xml',
        line: 4,
        record: {
          type: 'activity',
          externalId: 'a-11',
          kind: 'reply',
          author: 'se-2',
          group: 'qc-questions',
          parent: 'q-10',
          occurredAt: '2018-03-02T12:30:00.000Z',
          text: 'Yes.',
        },
      },
      // the acceptance vote (2018-03-01, a day) is earlier than the answer (2018-03-02 12:30): the answer's time
      {
        file: 'Posts.xml',
        line: 4,
        record: {
          type: 'activity',
          externalId: 'accept-10',
          kind: 'accept',
          author: 'se-1',
          group: 'qc-questions',
          parent: 'a-11',
          occurredAt: '2018-03-02T12:30:00.000Z',
        },
      },
      {
        file: 'Posts.xml',
        line: 5,
        record: {
          type: 'activity',
          externalId: 'q-12',
          kind: 'question',
          author: 'se-deleted-Gone User',
          group: 'qc-questions',
          occurredAt: '2018-03-03T08:00:00.000Z',
          text: 'Noise\n\nWhy?',
          tags: ['noise', 'error-correction'], // `|a|b|`
        },
      },
      {
        file: 'Posts.xml',
        line: 6,
        record: {
          type: 'activity',
          externalId: 'a-13',
          kind: 'reply',
          author: 'se-deleted-post-13',
          group: 'qc-questions',
          parent: 'q-12',
          occurredAt: '2018-03-05T15:00:00.000Z',
          text: 'Because.',
        },
      },
      // two acceptance votes (03-04, 03-07): the last, 03-07, is later than the answer (03-05 15:00); the tag wiki (type 4) and votes of other types are skipped
      {
        file: 'Posts.xml',
        line: 6,
        record: {
          type: 'activity',
          externalId: 'accept-12',
          kind: 'accept',
          author: 'se-deleted-Gone User',
          group: 'qc-questions',
          parent: 'a-13',
          occurredAt: '2018-03-07T00:00:00.000Z',
        },
      },
    ]);
  });

  it('imports comments as replies only with comments: true', async () => {
    const without = await all(false);
    expect(without.filter((r) => String(r.record.externalId).startsWith('c-'))).toEqual([]);
    const withComments = await all(true);
    expect(withComments.filter((r) => r.record.type === 'member').map((r) => r.record.externalId)).toEqual([
      'se-1',
      'se-2',
      'se-deleted-Gone User',
      'se-deleted-post-13',
      'se-deleted-Old Name', // a comment's deleted author
    ]);
    expect(withComments.slice(-2)).toEqual([
      {
        file: 'Comments.xml',
        line: 3,
        record: {
          type: 'activity',
          externalId: 'c-100',
          kind: 'reply',
          author: 'se-2',
          group: 'qc-questions',
          parent: 'q-10',
          occurredAt: '2018-03-02T10:00:00.000Z',
          text: 'Which basis & why?',
        },
      },
      {
        file: 'Comments.xml',
        line: 4,
        record: {
          type: 'activity',
          externalId: 'c-101',
          kind: 'reply',
          author: 'se-deleted-Old Name',
          group: 'qc-questions',
          parent: 'a-11',
          occurredAt: '2018-03-02T13:00:00.000Z',
          text: 'Thanks',
        },
      },
    ]);
  });

  it('parses times, tags and HTML', () => {
    expect(stackexchangeTime('2018-05-01T00:00:00.000')).toBe('2018-05-01T00:00:00.000Z');
    expect(stackexchangeTime('2018-05-01')).toBe('2018-05-01T00:00:00Z');
    expect(stackexchangeTags('<a><b-c>')).toEqual(['a', 'b-c']);
    expect(stackexchangeTags('|a|b-c|')).toEqual(['a', 'b-c']);
    expect(htmlToText('<ul><li>one &eacute;</li><li>two</li></ul><pre><code>x &lt; y</code></pre>')).toBe('one é\ntwo\n\nx < y');
    expect(htmlToText('a<br>b <em>c</em>&#39;s<hr />d')).toBe("a\nb c's\n\nd"); // an unclosed <br> (HTML), a numeric entity
  });
});
