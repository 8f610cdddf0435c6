import type { Readable } from 'node:stream';
import type { ExportSource, ImportedRecord, Importer, SpecRecord } from '../importer';

type Json = Record<string, unknown>;

/**
 * The elements of the top-level array of a JSON file, streamed: each element's bytes are gathered as they pass
 * (strings and escapes followed) and parsed alone, so only one message is held at a time, with the line where it
 * starts. (stream-json 3 is published as ES modules only, which this CommonJS build and its tests cannot load.)
 */
async function* jsonElements(stream: Readable): AsyncIterable<{ value: Json; line: number }> {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: Buffer[] = [];
  let startLine = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = -1;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 0x0a) line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === 0x5c) escaped = true;
        else if (byte === 0x22) inString = false;
        continue;
      }
      if (byte === 0x22) inString = true;
      else if (byte === 0x5b || byte === 0x7b) {
        depth += 1;
        if (depth === 2) {
          from = i;
          startLine = line;
          parts = [];
        }
      } else if (byte === 0x5d || byte === 0x7d) {
        depth -= 1;
        if (depth === 1) {
          parts.push(chunk.subarray(from === -1 ? 0 : from, i + 1));
          from = -1;
          const value = JSON.parse(Buffer.concat(parts).toString('utf8')) as Json;
          parts = [];
          yield { value, line: startLine };
        }
      }
    }
    if (depth >= 2) parts.push(chunk.subarray(from === -1 ? 0 : from));
  }
}

/** Slack's `ts` (epoch seconds with microseconds, `1772454251.000200`) → ISO 8601 UTC (milliseconds kept). */
export function slackTime(ts: string): string {
  return new Date(Math.round(Number(ts) * 1000)).toISOString();
}

/** The subtypes SPEC "Importers" skips: channel housekeeping, bots and the placeholders of deleted thread roots. */
const SKIPPED = new Set(['channel_join', 'channel_leave', 'channel_topic', 'channel_purpose', 'channel_name', 'bot_message', 'tombstone']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function compact(record: Record<string, unknown>): SpecRecord {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as SpecRecord;
}

/** A message's id within the network: its channel's id and its `ts` (unique within a channel). */
export const slackMessageId = (channel: string, ts: string): string => `${channel}-${ts}`;

/**
 * A Slack workspace export (SPEC "Importers"): users.json → members (bots skipped), channels.json and groups.json
 * → groups (public / private) with their members, then every channel folder's daily files in date order →
 * posts, replies and one reaction per reacting user. Group ids are channel ids (stable across renames); the
 * folders are named after the channels. `<@U…>` mentions are replaced by the member's name.
 */
export const slackImporter: Importer = {
  format: 'slack',
  async *records(source: ExportSource): AsyncIterable<ImportedRecord> {
    const files = await source.list();
    const names = new Map<string, string>();
    const bots = new Set<string>(['USLACKBOT']);
    if (files.includes('users.json')) {
      for await (const { value: u, line } of jsonElements(await source.open('users.json'))) {
        const id = str(u.id);
        const profile = (u.profile ?? {}) as Json;
        if (!id) continue;
        if (u.is_bot === true || id === 'USLACKBOT') {
          bots.add(id);
          continue;
        }
        const name = str(u.real_name) ?? str(profile.real_name) ?? str(u.name) ?? id;
        names.set(id, name);
        yield { file: 'users.json', line, record: compact({ type: 'member', externalId: id, displayName: name, jobTitle: str(profile.title) }) };
      }
    }
    const folders = new Map<string, string>(); // channel folder (its name) → group id
    for (const [file, visibility] of [
      ['channels.json', 'public'],
      ['groups.json', 'private'],
    ] as const) {
      if (!files.includes(file)) continue;
      for await (const { value: c, line } of jsonElements(await source.open(file))) {
        const id = str(c.id);
        if (!id) continue;
        const name = str(c.name) ?? id;
        folders.set(name, id);
        yield { file, line, record: compact({ type: 'group', externalId: id, name, visibility }) };
        for (const member of Array.isArray(c.members) ? c.members : []) {
          if (typeof member !== 'string' || bots.has(member)) continue;
          yield { file, line, record: { type: 'membership', group: id, member, role: 'member' } };
        }
      }
    }
    const mention = (text: string): string => text.replace(/<@([A-Z0-9]+)(\|[^>]*)?>/g, (_, user: string) => names.get(user) ?? user);
    for (const file of files) {
      const m = /^(.+)\/(\d{4}-\d{2}-\d{2})\.json$/.exec(file);
      if (!m || !folders.has(m[1])) continue;
      const group = folders.get(m[1]) as string;
      for await (const { value: msg, line } of jsonElements(await source.open(file))) {
        const ts = str(msg.ts);
        const user = str(msg.user);
        const subtype = str(msg.subtype);
        if (!ts || !user || (subtype && SKIPPED.has(subtype)) || bots.has(user) || (msg.bot_id && !names.has(user))) continue;
        const id = slackMessageId(group, ts);
        const thread = str(msg.thread_ts);
        const occurredAt = slackTime(ts);
        const text = mention(typeof msg.text === 'string' ? msg.text : '').trim();
        yield {
          file,
          line,
          record: compact({
            type: 'activity',
            externalId: id,
            kind: thread === undefined || thread === ts ? 'post' : 'reply',
            author: user,
            group,
            parent: thread === undefined || thread === ts ? undefined : slackMessageId(group, thread),
            occurredAt,
            text: text === '' ? undefined : text,
          }),
        };
        for (const reaction of Array.isArray(msg.reactions) ? (msg.reactions as Json[]) : []) {
          const label = str(reaction.name) ?? 'reaction';
          for (const reactor of Array.isArray(reaction.users) ? reaction.users : []) {
            if (typeof reactor !== 'string' || bots.has(reactor)) continue;
            yield {
              file,
              line,
              record: {
                type: 'activity',
                externalId: `${id}-${label}-${reactor}`,
                kind: 'reaction',
                author: reactor,
                group,
                parent: id,
                occurredAt,
                reaction: label,
              },
            };
          }
        }
      }
    }
  },
};
