import * as sax from 'sax';
import type { ExportSource, ImportedRecord, Importer, ImportOptions, SpecRecord } from '../importer';

type Row = Record<string, string>;

/**
 * The `<row …/>` elements of a dump file with the (1-based) line each starts on, parsed by `sax` chunk by
 * chunk (never the whole file in memory). sax decodes the XML entities; a leading BOM is dropped.
 */
export async function* xmlRows(source: ExportSource, file: string): AsyncIterable<{ row: Row; line: number }> {
  const parser = sax.parser(true, { trim: false });
  let pending: { row: Row; line: number }[] = [];
  let startLine = 0;
  let error: Error | undefined;
  parser.onopentagstart = () => {
    startLine = parser.line + 1;
  };
  parser.onopentag = (tag) => {
    if (tag.name !== 'row') return;
    pending.push({ row: tag.attributes as Row, line: startLine });
  };
  parser.onerror = (e) => {
    error = e;
  };
  const stream = await source.open(file);
  stream.setEncoding('utf8');
  let first = true;
  for await (const chunk of stream as AsyncIterable<string>) {
    parser.write(first ? chunk.replace(/^\uFEFF/, '') : chunk);
    first = false;
    if (error) throw new Error(`${file}:${parser.line + 1}: ${error.message}`);
    const rows = pending;
    pending = [];
    yield* rows;
  }
  parser.close();
  if (error) throw new Error(`${file}:${parser.line + 1}: ${error.message}`);
  yield* pending;
}

const BLOCKS = new Set(['p', 'br', 'li', 'pre', 'blockquote', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'tr', 'ul', 'ol', 'table']);

/**
 * An HTML body as plain text: parsed by sax in its lenient (HTML) mode, which decodes HTML entities
 * (`&amp;`, `&nbsp;`, `&#39;`…); block elements become line breaks, spaces within a line are collapsed.
 */
export function htmlToText(html: string): string {
  const parser = sax.parser(false, { lowercase: true });
  const parts: string[] = [];
  parser.ontext = (t) => parts.push(t);
  parser.oncdata = (t) => parts.push(t);
  // `<br>` may not close (HTML): a break where it opens; `<li>`: a break where it closes; other blocks: both
  parser.onopentag = (tag) => {
    if (BLOCKS.has(tag.name) && tag.name !== 'li') parts.push('\n');
  };
  parser.onclosetag = (name) => {
    if (BLOCKS.has(name) && name !== 'br') parts.push('\n');
  };
  parser.onerror = () => {
    (parser as unknown as { error: Error | null }).error = null;
    parser.resume();
  };
  parser.write(`<body>${html}</body>`).close(); // one root: sax stops reading tags after the first one closes
  return parts
    .join('')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t\r]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A dump's time (UTC without a zone, `2018-03-12T18:03:39.303`, or a date) → ISO 8601 in UTC. */
export function stackexchangeTime(value: string | undefined): string | undefined {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v}T00:00:00Z`;
  return /(Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}Z`;
}

/** Tags as `<a><b>` (older dumps) or `|a|b|` (newer ones). */
export function stackexchangeTags(value: string | undefined): string[] {
  const v = (value ?? '').trim();
  if (v === '') return [];
  const parts = v.startsWith('<') ? v.slice(1, -1).split('><') : v.split('|');
  return parts.map((t) => t.trim()).filter(Boolean);
}

const present = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** The member who wrote a post or comment: `se-<UserId>`, else the deleted account by name, else by post. */
function authorOf(userId: string | undefined, displayName: string | undefined, fallback: string): string {
  const id = present(userId);
  if (id !== undefined) return `se-${id}`;
  const name = present(displayName);
  return name !== undefined ? `se-deleted-${name}` : `se-deleted-${fallback}`;
}

function compact(record: Record<string, unknown>): SpecRecord {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as SpecRecord;
}

/**
 * A Stack Exchange data dump (SPEC "Importers"). Reads Posts.xml once to learn the accepted answers and
 * the authors (ids and names only; an account that never wrote is not imported), Votes.xml for the acceptance votes' dates, then yields the
 * members (Users.xml, then the deleted accounts), the `<network>-questions` group, the posts with each
 * accept right after its answer, and the comments when asked for.
 */
export const stackexchangeImporter: Importer = {
  format: 'stackexchange',
  async *records(source: ExportSource, options: ImportOptions): AsyncIterable<ImportedRecord> {
    const files = await source.list();
    const find = (name: string): string | undefined => files.find((f) => f.split('/').pop()?.toLowerCase() === name.toLowerCase());
    const usersFile = find('Users.xml');
    const postsFile = find('Posts.xml');
    const votesFile = find('Votes.xml');
    const commentsFile = options.comments ? find('Comments.xml') : undefined;
    const group = `${options.network}-questions`;

    // Pass 1: accepted answer id → the question and its author; the deleted accounts (name → first seen).
    const accepted = new Map<string, { question: string; author: string; lastVote?: number }>();
    const questions = new Set<string>(); // question ids, only to name a comment's parent
    const deleted = new Map<string, { file: string; line: number; name?: string }>();
    const authors = new Set<string>(); // the accounts that wrote something imported: the only members imported
    const noteDeleted = (author: string, file: string, line: number, name: string | undefined): void => {
      authors.add(author);
      if (author.startsWith('se-deleted-') && !deleted.has(author)) deleted.set(author, { file, line, name });
    };
    if (postsFile) {
      for await (const { row, line } of xmlRows(source, postsFile)) {
        if (row.PostTypeId !== '1' && row.PostTypeId !== '2') continue;
        const author = authorOf(row.OwnerUserId, row.OwnerDisplayName, `post-${row.Id}`);
        noteDeleted(author, postsFile, line, present(row.OwnerDisplayName));
        const answer = present(row.AcceptedAnswerId);
        if (commentsFile && row.PostTypeId === '1') questions.add(row.Id);
        if (row.PostTypeId === '1' && answer !== undefined) accepted.set(answer, { question: row.Id, author });
      }
    }
    if (commentsFile) {
      for await (const { row, line } of xmlRows(source, commentsFile)) {
        const author = authorOf(row.UserId, row.UserDisplayName, `comment-${row.Id}`);
        noteDeleted(author, commentsFile, line, present(row.UserDisplayName));
      }
    }
    // Votes: the last acceptance vote (VoteTypeId 1, AcceptedByOriginator) of each accepted answer.
    if (votesFile) {
      for await (const { row } of xmlRows(source, votesFile)) {
        if (row.VoteTypeId !== '1') continue;
        const entry = accepted.get(row.PostId);
        const at = Date.parse(stackexchangeTime(row.CreationDate) ?? '');
        if (entry && !Number.isNaN(at) && (entry.lastVote === undefined || at > entry.lastVote)) entry.lastVote = at;
      }
    }

    if (usersFile) {
      for await (const { row, line } of xmlRows(source, usersFile)) {
        if (!authors.has(`se-${row.Id}`)) continue; // an account that never wrote (most of Users.xml): not a member of the network
        yield {
          file: usersFile,
          line,
          record: compact({
            type: 'member',
            externalId: `se-${row.Id}`,
            displayName: present(row.DisplayName) ?? `se-${row.Id}`,
            site: present(row.Location),
            joinedAt: stackexchangeTime(row.CreationDate),
          }),
        };
      }
    }
    for (const [externalId, { file, line, name }] of deleted) {
      yield { file, line, record: { type: 'member', externalId, displayName: name ?? externalId } };
    }
    yield {
      file: postsFile ?? usersFile ?? 'Posts.xml',
      line: 1,
      record: { type: 'group', externalId: group, name: `${options.network} questions`, visibility: 'public' },
    };

    if (postsFile) {
      for await (const { row, line } of xmlRows(source, postsFile)) {
        const question = row.PostTypeId === '1';
        if (!question && row.PostTypeId !== '2') continue; // wiki, tag excerpts, moderator nominations…
        const occurredAt = stackexchangeTime(row.CreationDate);
        const body = htmlToText(row.Body ?? '');
        const title = present(row.Title);
        const text = question && title !== undefined ? (body === '' ? title : `${title}\n\n${body}`) : body;
        const tags = question ? stackexchangeTags(row.Tags) : [];
        yield {
          file: postsFile,
          line,
          record: compact({
            type: 'activity',
            externalId: `${question ? 'q' : 'a'}-${row.Id}`,
            kind: question ? 'question' : 'reply',
            author: authorOf(row.OwnerUserId, row.OwnerDisplayName, `post-${row.Id}`),
            group,
            parent: question ? undefined : `q-${row.ParentId}`,
            occurredAt,
            text: text === '' ? undefined : text,
            tags: tags.length > 0 ? tags : undefined,
          }),
        };
        const accept = question ? undefined : accepted.get(row.Id);
        if (accept && occurredAt !== undefined) {
          const created = Date.parse(occurredAt);
          const at = accept.lastVote !== undefined && accept.lastVote > created ? new Date(accept.lastVote).toISOString() : occurredAt;
          yield {
            file: postsFile,
            line,
            record: {
              type: 'activity',
              externalId: `accept-${accept.question}`,
              kind: 'accept',
              author: accept.author,
              group,
              parent: `a-${row.Id}`,
              occurredAt: at,
            },
          };
        }
      }
    }
    if (commentsFile) {
      for await (const { row, line } of xmlRows(source, commentsFile)) {
        const text = present(row.Text);
        yield {
          file: commentsFile,
          line,
          record: compact({
            type: 'activity',
            externalId: `c-${row.Id}`,
            kind: 'reply',
            author: authorOf(row.UserId, row.UserDisplayName, `comment-${row.Id}`),
            group,
            parent: `${questions.has(row.PostId) ? 'q' : 'a'}-${row.PostId}`,
            occurredAt: stackexchangeTime(row.CreationDate),
            text,
          }),
        };
      }
    }
  },
};
