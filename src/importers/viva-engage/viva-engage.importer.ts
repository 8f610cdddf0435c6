import { parse } from 'csv-parse';
import type { ExportSource, ImportedRecord, Importer, SpecRecord } from '../importer';

type Row = Record<string, string>;

/** A row of a CSV file with the line where it starts (csv-parse's `info`: the previous row's last line + 1, after blank lines). */
async function* csvRows(source: ExportSource, file: string): AsyncIterable<{ row: Row; line: number }> {
  const parser = (await source.open(file)).pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }),
  );
  let previousEnd = 1; // the header's line
  let previousEmpty = 0;
  for await (const item of parser as AsyncIterable<{ record: Row; info: { lines: number; empty_lines: number } }>) {
    const line = previousEnd + 1 + (item.info.empty_lines - previousEmpty);
    previousEnd = item.info.lines;
    previousEmpty = item.info.empty_lines;
    yield { row: item.record, line };
  }
}

/** `2026-03-02 12:24:11 UTC`, `2026/03/02 12:24:11 +0000` or ISO 8601 → ISO 8601 with an offset; undefined when empty. */
export function vivaEngageTime(value: string | undefined): string | undefined {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?\s*(UTC|GMT|Z|[+-]\d{2}:?\d{2})?$/i.exec(v);
  if (!m) return v; // not a known shape: passed on as is, so ingestion rejects it with its reason
  const zone = m[8] === undefined || /^(utc|gmt|z)$/i.test(m[8]) ? 'Z' : m[8].length === 5 ? `${m[8].slice(0, 3)}:${m[8].slice(3)}` : m[8];
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}${zone}`;
}

const truthy = (v: string | undefined): boolean => /^(true|1|yes)$/i.test((v ?? '').trim());
const present = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** Keeps only the defined fields, so a record never carries `undefined`. */
function compact(record: Record<string, unknown>): SpecRecord {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as SpecRecord;
}

/**
 * A Viva Engage (Yammer) network data export (SPEC "Importers"): Users.csv → members, Groups.csv → groups,
 * Messages.csv → activities (Topics.csv names the topics messages link to). `[[user:ID]]` mentions in bodies
 * are replaced by the member's name (the id when Users.csv does not know it), so texts read as people wrote them.
 */
export const vivaEngageImporter: Importer = {
  format: 'viva-engage',
  async *records(source: ExportSource): AsyncIterable<ImportedRecord> {
    const files = await source.list();
    const find = (name: string): string | undefined => files.find((f) => f.split('/').pop()?.toLowerCase() === name.toLowerCase());
    const names = new Map<string, string>();
    const usersFile = find('Users.csv');
    if (usersFile) {
      for await (const { row, line } of csvRows(source, usersFile)) {
        const id = present(row.id);
        const name = present(row.name) ?? present(row.email) ?? id;
        if (id && name) names.set(id, name);
        yield {
          file: usersFile,
          line,
          record: compact({
            type: 'member',
            externalId: id,
            displayName: name,
            email: present(row.email),
            department: present(row.department),
            site: present(row.location),
            jobTitle: present(row.job_title),
          }),
        };
      }
    }
    const groupsFile = find('Groups.csv');
    if (groupsFile) {
      for await (const { row, line } of csvRows(source, groupsFile)) {
        yield {
          file: groupsFile,
          line,
          record: compact({
            type: 'group',
            externalId: present(row.id),
            name: present(row.name) ?? present(row.id),
            visibility: truthy(row.private) ? 'private' : 'public',
          }),
        };
      }
    }
    const topics = new Map<string, string>();
    const topicsFile = find('Topics.csv');
    if (topicsFile) {
      for await (const { row } of csvRows(source, topicsFile)) {
        const id = present(row.id);
        const name = present(row.name);
        if (id && name) topics.set(id, name);
      }
    }
    const messagesFile = find('Messages.csv');
    if (!messagesFile) return;
    for await (const { row, line } of csvRows(source, messagesFile)) {
      const id = present(row.id);
      if (present(row.deleted_at)) {
        yield { file: messagesFile, line, record: compact({ type: 'activity', externalId: id, deleted: true }) };
        continue;
      }
      const thread = present(row.thread_id);
      const root = thread === undefined || thread === id;
      const body = (row.body ?? '').replace(/\[\[user:(\d+)\]\]/g, (_, user: string) => names.get(user) ?? user).trim();
      const topicIds = (row.topic_ids ?? row.topics ?? '')
        .split(/[,|;]/)
        .map((t) => t.trim())
        .filter(Boolean);
      const tags = topicIds.map((t) => topics.get(t) ?? t);
      yield {
        file: messagesFile,
        line,
        record: compact({
          type: 'activity',
          externalId: id,
          kind: root ? (present(row.message_type)?.toLowerCase() === 'question' ? 'question' : 'post') : 'reply',
          author: present(row.sender_id),
          group: present(row.group_id),
          parent: root ? undefined : (present(row.replied_to_id) ?? thread),
          occurredAt: vivaEngageTime(row.created_at),
          text: body === '' ? undefined : body,
          tags: tags.length > 0 ? tags : undefined,
        }),
      };
    }
  },
};
