import * as fc from 'fast-check';
import { unescape as queryUnescape } from 'node:querystring';
import type { Response } from 'supertest';
import { IngestionReport as Report, newNetwork, uniqueKey } from '../support/factories';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

/**
 * Property-based "bad input" suite (SPEC §1 errors, §2 bulk ingestion). Generated junk is sent to
 * POST /v1/networks/{key}/events and to every query parameter of every GET route of the OpenAPI
 * document. Whatever the input, the service answers:
 *   - never a 5xx;
 *   - a 4xx is application/problem+json with a matching `status`, `type`, `title`, `detail`;
 *   - no body ever carries a stack trace, SQL text or an internal path;
 *   - a 200 ingestion report satisfies inserted + updated + duplicates + rejected.length = received,
 *     keeps every good record of a mixed batch and lists each bad one with its 1-based line.
 * Every property runs with a fixed seed, so a failure is reproducible as it is reported.
 */

const SEED = 20260302;
const auth = { Authorization: `Bearer ${TEST_ADMIN_KEY}` };
/** A request that takes longer than this is a failure too (the client aborts it). */
const REQUEST_TIMEOUT = { response: 20_000, deadline: 30_000 };
const PROPERTY_TEST_TIMEOUT = 300_000;

const RECORD_TYPES = ['member', 'group', 'membership', 'activity'] as const;
type RecordType = (typeof RECORD_TYPES)[number];
const ACTIVITY_KINDS = ['post', 'question', 'reply', 'reaction', 'share', 'accept'] as const;
const ROOT_KINDS = ['post', 'question'];
const VISIBILITIES = ['public', 'private', 'confidential'] as const;
const ROLES = ['member', 'leader'] as const;
const MAX_TEXT = 100_000;
const ONE_MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Response checks
// ---------------------------------------------------------------------------------------------

/** Things no response body may contain (after the client's own input is removed from it). */
const LEAKS: [string, RegExp][] = [
  ['a stack frame line', /(?:\n|\\n)\s*at (?:async )?\S/],
  ['a stack frame', /\bat (?:async )?[\w.$<>[\] ]*\(?(?:\/|[A-Za-z]:\\|node:)[^)\s]*:\d+/],
  ['a source position', /\.(?:ts|js|mjs|cjs):\d+:\d+/],
  ['SQL (SELECT)', /\bSELECT /],
  ['SQL (INSERT)', /\bINSERT /],
  ['SQL (UPDATE/DELETE)', /\bUPDATE \S+ SET\b|\bDELETE FROM\b/i],
  ['node_modules', /node_modules/],
  ['an internal path', /\/work\/|\/src\/\w|\/dist\/\w/],
  ['a driver error', /QueryFailedError|TypeORMError|SQLSTATE|violates .* constraint|invalid input syntax for|out of range for type|relation "\w+"/i],
  ['a JS runtime error', /\b(?:TypeError|ReferenceError|RangeError)\b|Maximum call stack|Cannot read propert/],
];

/** Removes the strings the client sent (raw and JSON-escaped) so echoing them is never taken for a leak. */
function scrub(text: string, echoes: Iterable<string>): string {
  let out = text;
  const list = [...new Set(echoes)].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  for (const s of list) {
    for (const form of new Set([s, JSON.stringify(s).slice(1, -1)])) out = out.split(form).join(' ');
  }
  return out;
}

/** Every key and string value of a JSON text (iteratively: the text may be nested 200 000 deep). */
function stringsOf(jsonText: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch {
    return [];
  }
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.push(k);
        stack.push(x);
      }
    }
  }
  return out;
}

/** A long string cut in the middle, for readable failure messages and counterexamples. */
const short = (s: string, max = 240) => (s.length <= max ? s : `${s.slice(0, Math.floor(max / 2))}…(${s.length} chars)…${s.slice(-Math.floor(max / 4))}`);

/** Gives a generated value a short printed form in fast-check's counterexamples (deep or 1 MB values stay readable). */
function printable<T extends object>(value: T, print: () => string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: print, enumerable: false });
  return value;
}

const show = (res: Response) => `${res.status} ${res.headers['content-type'] ?? '(no content-type)'} ${(res.text ?? '').slice(0, 600)}`;

/** The rules every response obeys, whatever was sent. Throws a precise message on a violation. */
function checkResponse(res: Response, label: string, echoes: Iterable<string> = []): void {
  const text = res.text ?? '';
  if (res.status >= 500) throw new Error(`${label}: server error → ${show(res)}`);
  const scrubbed = scrub(text, echoes);
  for (const [name, pattern] of LEAKS) {
    if (pattern.test(scrubbed)) throw new Error(`${label}: response leaks ${name} (${pattern}) → ${show(res)}`);
  }
  if (res.status >= 400) {
    const contentType = String(res.headers['content-type'] ?? '');
    if (!/^application\/problem\+json(;|$)/.test(contentType)) throw new Error(`${label}: a ${res.status} that is not application/problem+json → ${show(res)}`);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new Error(`${label}: problem body is not JSON → ${show(res)}`);
    }
    if (body === null || typeof body !== 'object') throw new Error(`${label}: problem body is not an object → ${show(res)}`);
    if (body.status !== res.status) throw new Error(`${label}: problem status ${JSON.stringify(body.status)} differs from HTTP ${res.status} → ${show(res)}`);
    for (const field of ['type', 'title', 'detail']) {
      if (typeof body[field] !== 'string' || body[field].length === 0) throw new Error(`${label}: problem without a ${field} → ${show(res)}`);
    }
    if (body.errors !== undefined) {
      if (!Array.isArray(body.errors)) throw new Error(`${label}: problem errors is not an array → ${show(res)}`);
      for (const e of body.errors as { path?: unknown; message?: unknown }[]) {
        if (typeof e?.path !== 'string' || typeof e?.message !== 'string')
          throw new Error(`${label}: problem errors item is not {path, message} → ${show(res)}`);
      }
    }
  }
}

/** A 200 ingestion report: well-formed and counting every received record exactly once. */
function checkReport(res: Response, label: string): Report {
  if (res.status !== 200) throw new Error(`${label}: expected a 200 report → ${show(res)}`);
  if (!/^application\/json/.test(String(res.headers['content-type'] ?? ''))) throw new Error(`${label}: report is not application/json → ${show(res)}`);
  const r = res.body as Report;
  for (const n of [r.received, r.inserted, r.updated, r.duplicates]) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`${label}: report count is not a non-negative integer → ${show(res)}`);
  }
  if (!Array.isArray(r.rejected)) throw new Error(`${label}: rejected is not an array → ${show(res)}`);
  if (r.inserted + r.updated + r.duplicates + r.rejected.length !== r.received) {
    throw new Error(
      `${label}: inserted ${r.inserted} + updated ${r.updated} + duplicates ${r.duplicates} + rejected ${r.rejected.length} ≠ received ${r.received}`,
    );
  }
  for (const x of r.rejected) {
    if (!Number.isInteger(x.line) || x.line < 1) throw new Error(`${label}: rejected line ${JSON.stringify(x.line)} is not a 1-based integer`);
    if (typeof x.error !== 'string' || x.error.length === 0) throw new Error(`${label}: rejected line ${x.line} without a reason`);
  }
  return r;
}

/** Any response to an ingestion request: sane, and a consistent report when it is a 200. */
function checkIngestion(res: Response, label: string, echoes: Iterable<string> = []): Report | undefined {
  checkResponse(res, label, echoes);
  return res.status === 200 ? checkReport(res, label) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Generators: JSON text building blocks
// ---------------------------------------------------------------------------------------------

type Entry = [key: string, json: string];
const objectText = (entries: Entry[]) => `{${entries.map(([k, j]) => `${JSON.stringify(k)}:${j}`).join(',')}}`;
const entriesOf = (record: Record<string, unknown>): Entry[] => Object.entries(record).map(([k, v]) => [k, JSON.stringify(v)]);
const setEntry = (entries: Entry[], key: string, json: string): Entry[] =>
  entries.some(([k]) => k === key) ? entries.map(([k, j]) => [k, k === key ? json : j] as Entry) : [...entries, [key, json]];
const dropEntry = (entries: Entry[], key: string): Entry[] => entries.filter(([k]) => k !== key);

/** Deeply nested arrays or objects, as JSON text (built as text: no recursion on our side). */
const deepNestingArb = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 2, max: 3000 }), fc.constantFrom(10_000, 50_000, 200_000)),
    shape: fc.constantFrom('array', 'object', 'mixed'),
  })
  .map(({ depth, shape }) => {
    if (shape === 'array') return '['.repeat(depth) + ']'.repeat(depth);
    if (shape === 'object') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    return '[{"a":'.repeat(depth / 2) + '[]' + '}]'.repeat(depth / 2);
  });

const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
/** JSON texts of values that are not strings (null excluded: it means "absent" for optional fields). */
const nonStringJson = fc.oneof(
  fc.integer().map(String),
  finiteDouble.map((d) => JSON.stringify(d)),
  fc.constantFrom('true', 'false', '[]', '{}', '1e309', '-1e309', '123456789012345678901234567890', '-0', '0.0000001'),
  fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 3 }).map((a) => JSON.stringify(a)),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { minKeys: 1, maxKeys: 3 }).map((o) => JSON.stringify(o)),
  deepNestingArb,
);
/** JSON texts that are not arrays (null excluded). */
const nonArrayJson = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom('true', '{}', '"vpn"', '"a,b"', '{"0":"a","length":1}'),
  fc.string({ maxLength: 10 }).map((s) => JSON.stringify(s)),
);

/** Impossible or malformed date-times: each one must be rejected. */
const IMPOSSIBLE_DATES = [
  '2026-02-30T00:00:00Z',
  '2026-06-31T10:00:00Z',
  '2025-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '99999-01-01T00:00:00Z',
  '+099999-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '',
  ' ',
  'yesterday',
  'now',
  'today',
  'NaN',
  'Invalid Date',
  '1e309',
  '2026-13-45',
  '2026-13-45T00:00:00Z',
  '2026-00-10T00:00:00Z',
  '2026-01-00T00:00:00Z',
  '2026-03-02T24:00:00Z',
  '2026-03-02T23:60:00Z',
  '2026-03-02T23:59:60Z',
  '2026-03-02T10:15:00',
  '2026-03-02',
  '2026-03-02T10:15:00+14:01',
  '2026-03-02T10:15:00+15:00',
  '2026-03-02T10:15:00-24:00',
  '2026-03-02T10:15:00+01:60',
  '2026-03-02T10:15:00+01',
  '2026-03-02T10:15:00ZZ',
  '2026-03-02T10:15:00Z ',
  ' 2026-03-02T10:15:00Z',
  '２０２６-03-02T10:15:00Z',
  '2026-3-2T10:15:00Z',
  'Mon, 02 Mar 2026 10:15:00 GMT',
  '1772442900000',
  '2026-03-02T10:15:00.Z',
];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const impossibleDateArb = fc.oneof(
  fc.constantFrom(...IMPOSSIBLE_DATES),
  // one component out of range, the others fine
  fc
    .record({
      year: fc.integer({ min: 1000, max: 9999 }),
      bad: fc.constantFrom('month', 'day', 'hour', 'minute', 'second', 'offset'),
      n: fc.integer({ min: 0, max: 99 }),
    })
    .map(({ year, bad, n }) => {
      const month = bad === 'month' ? (n % 2 === 0 ? 0 : 13 + (n % 87)) : 2;
      const day = bad === 'day' ? 29 + (n % 71) + (year % 4 === 0 ? 1 : 0) : 14; // Feb 29/30… when impossible
      const hour = bad === 'hour' ? 24 + (n % 76) : 10;
      const minute = bad === 'minute' ? 60 + (n % 40) : 15;
      const second = bad === 'second' ? 60 + (n % 40) : 0;
      const offset = bad === 'offset' ? `+${pad(15 + (n % 85))}:00` : 'Z';
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      const safeDay = bad === 'day' ? Math.max(day, leap ? 30 : 29) : day;
      return `${year}-${pad(month)}-${pad(safeDay)}T${pad(hour)}:${pad(minute)}:${pad(second)}${offset}`;
    }),
  fc.string({ maxLength: 30 }).filter((s) => !/^\d{4}-\d{2}-\d{2}T/.test(s)),
  fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => !/^\d{4}-\d{2}-\d{2}T/.test(s)),
);

/** Strings that look dangerous but are perfectly valid values: they must be stored verbatim. */
const SPECIAL_STRINGS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '__lookupSetter__',
  "'; DROP TABLE activities; --",
  "Robert'); DROP TABLE members;--",
  "' OR '1'='1",
  '1; SELECT pg_sleep(10) --',
  '" OR ""="',
  '$1',
  '$$; DROP TABLE groups; $$',
  '\\',
  '\\x00',
  '%',
  '%00',
  '%s%s%s%n',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  'a/b',
  'a?b#c',
  'NULL',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  ' ',
  '\t',
  'é',
  'e\u0301',
  '\uFEFFbom',
  '\u202Eevil',
  'a\u200Db',
  '🙂👩‍👩‍👧‍👦',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '\u0001\u001f\u007f',
  'x'.repeat(200),
];
const specialStringArb = fc.oneof(
  fc.constantFrom(...SPECIAL_STRINGS),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => s.isWellFormed() && !s.includes('\u0000')),
);
/** A valid id (1-200 UTF-16 units, storable, not a path segment "." or ".."). */
const specialIdArb = specialStringArb.filter((s) => s.length >= 1 && s.length <= 200 && s !== '.' && s !== '..');

// ---------------------------------------------------------------------------------------------
// Generators: good and bad records
// ---------------------------------------------------------------------------------------------

/** An ISO 8601 date-time with an offset, for an instant and an offset in minutes. */
function isoWithOffset(ms: number, offsetMinutes: number, millis: boolean): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  const base = millis ? local.slice(0, 23) : local.slice(0, 19);
  if (offsetMinutes === 0 && !millis) return `${base}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${base}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
const YEAR_1 = Date.parse('0001-01-01T00:00:00Z');
const YEAR_10000 = Date.parse('9999-12-31T23:59:59.999Z') + 1;
const validDateArb = fc
  .record({
    ms: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }),
    offset: fc.integer({ min: -56, max: 56 }).map((q) => q * 15),
    millis: fc.boolean(),
  })
  .map(({ ms, offset, millis }) => isoWithOffset(ms, offset, millis));

const goodTextArb = fc.oneof(fc.constantFrom(...SPECIAL_STRINGS), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.lorem({ maxCount: 8 }));
const goodTagArb = fc.oneof(
  fc.constantFrom('vpn', 'cloud', "'; DROP TABLE activities; --", '__proto__', 'constructor', 'é', '🙂'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
);

type GoodRecipe =
  | { type: 'member'; displayName: string; department?: string }
  | { type: 'group'; name: string; visibility: (typeof VISIBILITIES)[number] }
  | { type: 'activity'; kind: (typeof ACTIVITY_KINDS)[number]; occurredAt: string; text?: string; tags?: string[]; reaction?: string; inGroup: boolean };

const goodRecipeArb: fc.Arbitrary<GoodRecipe> = fc.oneof(
  fc.record(
    {
      type: fc.constant('member' as const),
      displayName: fc
        .oneof(fc.constantFrom(...SPECIAL_STRINGS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 15 }))
        .filter((s) => s.length >= 1 && s.length <= 200),
      department: fc.constantFrom('R&D', "'; DROP TABLE activities; --", '__proto__', 'Ventes & Marketing'),
    },
    { requiredKeys: ['type', 'displayName'] },
  ),
  fc.record({
    type: fc.constant('group' as const),
    name: fc
      .oneof(fc.constantFrom(...SPECIAL_STRINGS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 15 }))
      .filter((s) => s.length >= 1 && s.length <= 200),
    visibility: fc.constantFrom(...VISIBILITIES),
  }),
  fc.record(
    {
      type: fc.constant('activity' as const),
      kind: fc.constantFrom(...ACTIVITY_KINDS),
      occurredAt: validDateArb,
      text: goodTextArb,
      tags: fc.uniqueArray(goodTagArb, { maxLength: 5 }),
      reaction: fc.constantFrom('like', 'praise', '👍'),
      inGroup: fc.boolean(),
    },
    { requiredKeys: ['type', 'kind', 'occurredAt', 'inGroup'] },
  ),
);

interface BuiltGood {
  text: string;
  check: { kind: 'member' | 'group' | 'activity'; id: string; expected: Record<string, unknown> };
}

/** The JSON text of a good record with ids made unique by `prefix` and `index`. */
function buildGood(recipe: GoodRecipe, prefix: string, index: number): BuiltGood {
  if (recipe.type === 'member') {
    const id = `${prefix}m${index}`;
    const record = { type: 'member', externalId: id, displayName: recipe.displayName, ...(recipe.department ? { department: recipe.department } : {}) };
    return {
      text: JSON.stringify(record),
      check: { kind: 'member', id, expected: { externalId: id, displayName: recipe.displayName, department: recipe.department ?? null } },
    };
  }
  if (recipe.type === 'group') {
    const id = `${prefix}g${index}`;
    const record = { type: 'group', externalId: id, name: recipe.name, visibility: recipe.visibility };
    return { text: JSON.stringify(record), check: { kind: 'group', id, expected: { externalId: id, name: recipe.name, visibility: recipe.visibility } } };
  }
  const id = `${prefix}a${index}`;
  const isRoot = ROOT_KINDS.includes(recipe.kind);
  const record: Record<string, unknown> = {
    type: 'activity',
    externalId: id,
    kind: recipe.kind,
    author: `${prefix}author`,
    occurredAt: recipe.occurredAt,
    ...(isRoot ? {} : { parent: `${prefix}parent-of-${index}` }),
    ...(recipe.inGroup ? { group: `${prefix}grp` } : {}),
    ...(recipe.text !== undefined ? { text: recipe.text } : {}),
    ...(recipe.tags !== undefined ? { tags: recipe.tags } : {}),
    ...(recipe.kind === 'reaction' && recipe.reaction ? { reaction: recipe.reaction } : {}),
  };
  return {
    text: JSON.stringify(record),
    check: {
      kind: 'activity',
      id,
      expected: {
        externalId: id,
        kind: recipe.kind,
        author: `${prefix}author`,
        parent: isRoot ? null : `${prefix}parent-of-${index}`,
        group: recipe.inGroup ? `${prefix}grp` : null,
        text: recipe.text ?? null,
        occurredAt: new Date(recipe.occurredAt).toISOString(),
      },
    },
  };
}

/** Valid records the bad ones are mutated from (ids never collide with good ones). */
const TEMPLATES: Record<RecordType, Record<string, unknown>> = {
  member: {
    type: 'member',
    externalId: 'bad-input-m',
    displayName: 'Bad Input',
    email: 'bad.input@example.com',
    department: 'R&D',
    site: 'Lyon',
    jobTitle: 'Tester',
    joinedAt: '2026-01-05T09:00:00Z',
  },
  group: { type: 'group', externalId: 'bad-input-g', name: 'Bad group', visibility: 'public', createdAt: '2024-01-10T08:00:00Z', leaders: ['bad-input-m'] },
  membership: {
    type: 'membership',
    group: 'bad-input-g',
    member: 'bad-input-m',
    role: 'member',
    joinedAt: '2026-01-05T09:00:00Z',
    leftAt: '2026-02-05T09:00:00Z',
  },
  activity: {
    type: 'activity',
    externalId: 'bad-input-a',
    kind: 'reaction',
    author: 'bad-input-m',
    group: 'bad-input-g',
    parent: 'bad-input-root',
    occurredAt: '2026-03-02T10:15:00+01:00',
    text: 'hello',
    tags: ['vpn'],
    reaction: 'like',
  },
};

type FieldKind = 'type' | 'id' | 'str200' | 'email' | 'date' | 'enum' | 'ids' | 'tags' | 'text' | 'reaction';
interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  values?: readonly string[];
}
const FIELDS: Record<RecordType, FieldSpec[]> = {
  member: [
    { name: 'type', kind: 'type', required: true },
    { name: 'externalId', kind: 'id', required: true },
    { name: 'displayName', kind: 'str200', required: true },
    { name: 'email', kind: 'email', required: false },
    { name: 'department', kind: 'str200', required: false },
    { name: 'site', kind: 'str200', required: false },
    { name: 'jobTitle', kind: 'str200', required: false },
    { name: 'joinedAt', kind: 'date', required: false },
  ],
  group: [
    { name: 'type', kind: 'type', required: true },
    { name: 'externalId', kind: 'id', required: true },
    { name: 'name', kind: 'str200', required: true },
    { name: 'visibility', kind: 'enum', required: true, values: VISIBILITIES },
    { name: 'createdAt', kind: 'date', required: false },
    { name: 'leaders', kind: 'ids', required: false },
  ],
  membership: [
    { name: 'type', kind: 'type', required: true },
    { name: 'group', kind: 'id', required: true },
    { name: 'member', kind: 'id', required: true },
    { name: 'role', kind: 'enum', required: false, values: ROLES },
    { name: 'joinedAt', kind: 'date', required: false },
    { name: 'leftAt', kind: 'date', required: false },
  ],
  activity: [
    { name: 'type', kind: 'type', required: true },
    { name: 'externalId', kind: 'id', required: true },
    { name: 'kind', kind: 'enum', required: true, values: ACTIVITY_KINDS },
    { name: 'author', kind: 'id', required: true },
    { name: 'group', kind: 'id', required: false },
    { name: 'parent', kind: 'id', required: true }, // the template is a reaction: its parent is required
    { name: 'occurredAt', kind: 'date', required: true },
    { name: 'text', kind: 'text', required: false },
    { name: 'tags', kind: 'tags', required: false },
    { name: 'reaction', kind: 'reaction', required: false },
  ],
};
const KNOWN_FIELDS: Record<RecordType, string[]> = {
  member: FIELDS.member.map((f) => f.name),
  group: FIELDS.group.map((f) => f.name),
  membership: FIELDS.membership.map((f) => f.name),
  activity: [...FIELDS.activity.map((f) => f.name), 'deleted'],
};
const STRING_FIELDS = (type: RecordType) => FIELDS[type].filter((f) => f.kind !== 'ids' && f.kind !== 'tags');

const longString = (min: number) =>
  fc.oneof(fc.integer({ min: min + 1, max: min + 300 }), fc.constantFrom(min + 1, 10_000, ONE_MB + 16)).map((n) => JSON.stringify('x'.repeat(n)));

/** JSON texts of strings that are invalid for a field of that kind (too short, too long, outside its set…). */
function invalidStringFor(field: FieldSpec): fc.Arbitrary<string> {
  switch (field.kind) {
    case 'type':
      return fc
        .oneof(
          fc.constantFrom('', 'Member', 'ACTIVITY', ' member', 'member ', 'robot', 'members', 'activity-deletion', '__proto__', 'constructor'),
          fc.string({ maxLength: 12 }),
        )
        .filter((s) => !(RECORD_TYPES as readonly string[]).includes(s))
        .map((s) => JSON.stringify(s));
    case 'id':
      return fc.oneof(fc.constant('""'), longString(200));
    case 'str200':
      return fc.oneof(fc.constant('""'), longString(200));
    case 'email':
      return fc.oneof(
        fc
          .constantFrom('not-an-email', 'a@', '@example.com', 'a b@example.com', 'a@b', '', 'a@@example.com', "'; DROP TABLE members; --@x")
          .map((s) => JSON.stringify(s)),
        fc.integer({ min: 321, max: 2000 }).map((n) => JSON.stringify('x'.repeat(n) + '@example.com')),
      );
    case 'date':
      return impossibleDateArb.map((s) => JSON.stringify(s));
    case 'enum':
      return fc
        .oneof(
          fc.constantFrom(
            '',
            'POST',
            'Post',
            ' post',
            'post ',
            'posts',
            'comment',
            'like',
            'PUBLIC',
            'secret',
            'hidden',
            'owner',
            'LEADER',
            'member\t',
            '__proto__',
          ),
          fc.string({ maxLength: 12 }),
        )
        .filter((s) => !(field.values ?? []).includes(s))
        .map((s) => JSON.stringify(s));
    case 'text':
      return fc.oneof(fc.integer({ min: MAX_TEXT + 1, max: MAX_TEXT + 50 }), fc.constant(ONE_MB + 16)).map((n) => JSON.stringify('x'.repeat(n)));
    case 'reaction':
      return fc.oneof(fc.constant('""'), longString(64));
    case 'ids':
      return fc.oneof(
        nonArrayJson,
        fc.constantFrom('[1]', '[null]', '[[]]', '[{}]', '[true]', '["a","a"]', '[""]', `["${'x'.repeat(201)}"]`),
        fc.constant(JSON.stringify(Array.from({ length: 1001 }, (_, i) => `l${i}`))),
      );
    case 'tags':
      return fc.oneof(
        nonArrayJson,
        fc.constantFrom('[1]', '[null]', '[[]]', '[{}]', '[false]', '[""]', `["${'x'.repeat(101)}"]`),
        fc.integer({ min: 51, max: 80 }).map((n) => JSON.stringify(Array.from({ length: n }, (_, i) => `t${i}`))),
      );
  }
}

/** Inserts `char` at a position of the string held by a JSON text (top-level string or an array's first string). */
function insertInto(json: string, char: string, at: number): string {
  const value = JSON.parse(json) as unknown;
  const put = (s: string) => s.slice(0, at % (s.length + 1)) + char + s.slice(at % (s.length + 1));
  if (typeof value === 'string') return JSON.stringify(put(value));
  if (Array.isArray(value) && typeof value[0] === 'string') return JSON.stringify([put(value[0]), ...value.slice(1)]);
  return JSON.stringify(put(''));
}

interface BadRecord {
  why: string;
  /** The JSON text of the record (an array item, or an NDJSON line). */
  text: string;
}

const recordTypeArb = fc.constantFrom(...RECORD_TYPES);

const unknownFieldArb: fc.Arbitrary<BadRecord> = recordTypeArb.chain((type) =>
  fc
    .record({
      key: fc.oneof(
        fc.constantFrom(
          '__proto__',
          'constructor',
          'prototype',
          'toString',
          'valueOf',
          'hasOwnProperty',
          '__defineGetter__',
          'isPrototypeOf',
          '',
          ' ',
          'Type',
          'TYPE',
          'externalID',
          'extra',
          "'; DROP TABLE activities; --",
          'kind',
          'visibility',
          'displayName',
          'text',
          'deleted',
          'line',
          'id',
          '$where',
        ),
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
      ),
      value: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null'),
        fc.constantFrom('{"admin":true}', '{"polluted":"yes"}', 'null'),
        deepNestingArb,
      ),
    })
    .filter(({ key }) => !KNOWN_FIELDS[type].includes(key))
    .map(({ key, value }) => ({
      why: `${type} with unknown field ${JSON.stringify(key).slice(0, 60)}`,
      text: objectText(setEntry(entriesOf(TEMPLATES[type]), key, value)),
    })),
);

const wrongTypeArb: fc.Arbitrary<BadRecord> = recordTypeArb.chain((type) =>
  fc.constantFrom(...FIELDS[type]).chain((field) =>
    (field.kind === 'ids' || field.kind === 'tags' ? nonArrayJson : field.required ? fc.oneof(nonStringJson, fc.constant('null')) : nonStringJson).map(
      (json) => ({
        why: `${type}.${field.name} of the wrong type`,
        text: objectText(setEntry(entriesOf(TEMPLATES[type]), field.name, json)),
      }),
    ),
  ),
);

const invalidStringArb: fc.Arbitrary<BadRecord> = recordTypeArb.chain((type) =>
  fc.constantFrom(...FIELDS[type]).chain((field) =>
    invalidStringFor(field).map((json) => ({
      why: `${type}.${field.name} invalid (${json.length > 40 ? `${json.length} chars` : json})`,
      text: objectText(setEntry(entriesOf(TEMPLATES[type]), field.name, json)),
    })),
  ),
);

const badDateArb: fc.Arbitrary<BadRecord> = recordTypeArb.chain((type) =>
  fc.constantFrom(...FIELDS[type].filter((f) => f.kind === 'date')).chain((field) =>
    impossibleDateArb.map((date) => ({
      why: `${type}.${field.name} = ${JSON.stringify(date)}`,
      text: objectText(setEntry(entriesOf(TEMPLATES[type]), field.name, JSON.stringify(date))),
    })),
  ),
);

/** A NUL or a lone surrogate inside any string (ids, text, tags, leaders, enums, dates). */
const unstorableCharArb: fc.Arbitrary<BadRecord> = recordTypeArb.chain((type) =>
  fc
    .record({
      field: fc.constantFrom(...[...STRING_FIELDS(type), ...FIELDS[type].filter((f) => f.kind === 'ids' || f.kind === 'tags')]),
      char: fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\u0000'),
      at: fc.nat(),
    })
    .map(({ field, char, at }) => {
      const entries = entriesOf(TEMPLATES[type]);
      const current = entries.find(([k]) => k === field.name)?.[1] ?? '""';
      return { why: `${type}.${field.name} with ${JSON.stringify(char)}`, text: objectText(setEntry(entries, field.name, insertInto(current, char, at))) };
    }),
);

const missingFieldArb: fc.Arbitrary<BadRecord> = recordTypeArb.chain((type) =>
  fc
    .constantFrom(...FIELDS[type].filter((f) => f.required))
    .map((field) => ({ why: `${type} without ${field.name}`, text: objectText(dropEntry(entriesOf(TEMPLATES[type]), field.name)) })),
);

const activity = (fields: Record<string, unknown>, drop: string[] = []) => {
  const record: Record<string, unknown> = { ...TEMPLATES.activity, ...fields };
  for (const d of drop) delete record[d];
  return JSON.stringify(record);
};
const RULE_VIOLATIONS: BadRecord[] = [
  { why: 'a post with a parent', text: activity({ kind: 'post' }, ['reaction']) },
  { why: 'a question with a parent', text: activity({ kind: 'question' }, ['reaction']) },
  { why: 'a reply without parent', text: activity({ kind: 'reply' }, ['parent', 'reaction']) },
  { why: 'a reply with a null parent', text: activity({ kind: 'reply', parent: null }, ['reaction']) },
  { why: 'a reaction without parent', text: activity({}, ['parent']) },
  { why: 'a share without parent', text: activity({ kind: 'share' }, ['parent', 'reaction']) },
  { why: 'an accept without parent', text: activity({ kind: 'accept' }, ['parent', 'reaction']) },
  { why: 'an activity that is its own parent', text: activity({ parent: 'bad-input-a' }) },
  { why: 'a reaction label on a reply', text: activity({ kind: 'reply' }) },
  { why: 'a deletion with other fields', text: activity({ deleted: true }) },
  { why: 'a deletion with text', text: JSON.stringify({ type: 'activity', externalId: 'bad-input-a', deleted: true, text: 'x' }) },
  { why: 'a deletion without externalId', text: JSON.stringify({ type: 'activity', deleted: true }) },
  { why: 'deleted as a string', text: activity({ deleted: 'true' }) },
  { why: 'deleted as a number', text: activity({ deleted: 1 }) },
  { why: 'leftAt before joinedAt', text: JSON.stringify({ ...TEMPLATES.membership, joinedAt: '2026-02-01T00:00:00Z', leftAt: '2026-01-01T00:00:00Z' }) },
  { why: 'a duplicate key making externalId a number', text: JSON.stringify(TEMPLATES.member).replace(/}$/, ',"externalId":42}') },
  { why: 'an empty object', text: '{}' },
];

/** JSON values that are not records at all. */
const notAnObjectArb: fc.Arbitrary<BadRecord> = fc
  .oneof(
    fc.constantFrom('null', 'true', 'false', '0', '-1', '1e309', '""', '"member"', '[]', '[{}]'),
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null'),
    deepNestingArb.map((d) => (d.startsWith('[') ? d : `[${d}]`)),
  )
  .filter((text) => {
    const v = JSON.parse(text) as unknown;
    return v === null || typeof v !== 'object' || Array.isArray(v);
  })
  .map((text) => ({ why: `not an object: ${text.slice(0, 40)}`, text }));

/** Prototype-pollution keys with every kind of value (the JSON text keeps them as own keys). */
const prototypeKeyArb: fc.Arbitrary<BadRecord> = fc
  .record({
    type: recordTypeArb,
    key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
    value: fc.constantFrom(
      'null',
      '{}',
      '[]',
      '42',
      '"x"',
      'true',
      '{"admin":true}',
      '{"polluted":"yes","toString":1}',
      '{"prototype":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
    ),
    nested: fc.boolean(),
  })
  .map(({ type, key, value, nested }) => {
    const entries = entriesOf(TEMPLATES[type]);
    // either a top-level key, or inside a field that takes an array/object (leaders, tags) or a string
    const field = type === 'group' ? 'leaders' : type === 'activity' ? 'tags' : type === 'member' ? 'department' : 'role';
    const text = nested ? objectText(setEntry(entries, field, `{${JSON.stringify(key)}:${value}}`)) : objectText(setEntry(entries, key, value));
    return { why: `${type} with ${nested ? `${field}: {${key}: ${value}}` : `${key}: ${value}`}`, text };
  });

/** A field (known or not) holding a deeply nested array/object. */
const deeplyNestedArb: fc.Arbitrary<BadRecord> = recordTypeArb.chain((type) =>
  fc.record({ field: fc.constantFrom(...KNOWN_FIELDS[type].filter((f) => f !== 'deleted'), 'extra'), nested: deepNestingArb }).map(({ field, nested }) => ({
    why: `${type}.${field} nested ${(nested.length / 2) | 0}-ish levels deep`,
    text: objectText(setEntry(entriesOf(TEMPLATES[type]), field, nested)),
  })),
);

const printableBad = (arb: fc.Arbitrary<BadRecord>) => arb.map((bad) => printable({ ...bad }, () => `bad(${bad.why}: ${JSON.stringify(short(bad.text))})`));

/** Bad records that are valid JSON: usable as JSON array items and as NDJSON lines. */
const badRecordArb: fc.Arbitrary<BadRecord> = printableBad(
  fc.oneof(
    unknownFieldArb,
    prototypeKeyArb,
    wrongTypeArb,
    invalidStringArb,
    badDateArb,
    unstorableCharArb,
    deeplyNestedArb,
    missingFieldArb,
    fc.constantFrom(...RULE_VIOLATIONS),
    notAnObjectArb,
  ),
);

interface RawLine {
  why: string;
  bytes: Buffer;
}

const INVALID_UTF8: number[][] = [
  [0xff],
  [0xfe],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xc3],
  [0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const isValidUtf8 = (b: Uint8Array) => {
  try {
    strictUtf8.decode(b);
    return true;
  } catch {
    return false;
  }
};

/** NDJSON lines that are not JSON at all, or not UTF-8 (never blank, never containing \n). */
const rawLineArb: fc.Arbitrary<RawLine> = fc.oneof(
  // a good record cut short
  fc.record({ type: recordTypeArb, cut: fc.nat() }).map(({ type, cut }) => {
    const full = JSON.stringify(TEMPLATES[type]);
    const at = 1 + (cut % (full.length - 1));
    return { why: `truncated ${type} JSON`, bytes: Buffer.from(full.slice(0, at)) };
  }),
  // junk text
  fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 80 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).map((s) => s.replace(/\n/g, ' ')),
      fc.constantFrom(
        '{',
        '}',
        '[',
        '{"type":"member",}',
        "{'type':'member'}",
        '{type:"member"}',
        'NaN',
        'undefined',
        '{"a":1}{"b":2}',
        '{"type":"member"',
        '\\u0000',
        '<xml/>',
        '--',
        "'; DROP TABLE activities; --",
      ),
    )
    .filter((s) => {
      const bytes = Buffer.from(s);
      if (bytes.includes(0x0a)) return false;
      const decoded = s.replace(/\r$/, '');
      if (decoded.trim().length === 0) return false;
      try {
        const v = JSON.parse(decoded) as unknown;
        return v === null || typeof v !== 'object' || Array.isArray(v);
      } catch {
        return true;
      }
    })
    .map((s) => ({ why: `junk line ${JSON.stringify(s).slice(0, 50)}`, bytes: Buffer.from(s) })),
  // invalid UTF-8 inside an otherwise good record
  fc.record({ type: recordTypeArb, seq: fc.constantFrom(...INVALID_UTF8), repeat: fc.integer({ min: 1, max: 3 }) }).map(({ type, seq, repeat }) => {
    const full = JSON.stringify({
      ...TEMPLATES[type],
      ...(type === 'activity' ? { text: '@@' } : type === 'group' ? { name: '@@' } : type === 'member' ? { displayName: '@@' } : { member: '@@' }),
    });
    const [before, after] = full.split('@@');
    const bad = Buffer.from(Array.from({ length: repeat }, () => seq).flat());
    return { why: `invalid UTF-8 ${bad.toString('hex')} in a ${type}`, bytes: Buffer.concat([Buffer.from(before), bad, Buffer.from(after)]) };
  }),
  // a raw NUL byte (or another raw control character) inside a JSON string: not valid JSON
  fc.record({ type: recordTypeArb, byte: fc.constantFrom(0x00, 0x01, 0x08, 0x1f) }).map(({ type, byte }) => {
    const full = JSON.stringify(TEMPLATES[type]);
    const at = full.indexOf('"', full.indexOf(':') + 1) + 1;
    return {
      why: `raw control byte 0x${byte.toString(16)} in a ${type} string`,
      bytes: Buffer.concat([Buffer.from(full.slice(0, at)), Buffer.from([byte]), Buffer.from(full.slice(at))]),
    };
  }),
  // random bytes that are not UTF-8
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((b) => Buffer.from(b.map((x) => (x === 0x0a ? 0xff : x))))
    .filter((b) => !isValidUtf8(b))
    .map((bytes) => ({ why: `random bytes ${bytes.toString('hex').slice(0, 40)}`, bytes })),
);

const printableRawLineArb = rawLineArb.map((raw) => printable({ ...raw }, () => `raw(${raw.why}: hex ${short(raw.bytes.toString('hex'))})`));

type BatchItem = { good: GoodRecipe } | { bad: BadRecord } | { raw: RawLine } | { blank: string };

const blankArb = fc.constantFrom('', '   ', '\t', ' \t ').map((blank): BatchItem => ({ blank }));

/** A batch of good records, bad ones (from `bad`, and raw NDJSON lines from `raw`) and blank lines, as NDJSON or a JSON array. */
function batchArb(bad: fc.Arbitrary<BadRecord> | null, raw: fc.Arbitrary<RawLine> | null, formats: ('ndjson' | 'json')[] = ['ndjson', 'json']) {
  return fc.record({
    format: fc.constantFrom(...formats),
    crlf: fc.boolean(),
    items: fc.array(
      fc.oneof(
        { arbitrary: goodRecipeArb.map((good): BatchItem => ({ good })), weight: 3 },
        ...(bad ? [{ arbitrary: bad.map((b): BatchItem => ({ bad: b })), weight: 4 }] : []),
        ...(raw ? [{ arbitrary: raw.map((r): BatchItem => ({ raw: r })), weight: raw && bad ? 2 : 4 }] : []),
        { arbitrary: blankArb, weight: 1 },
      ),
      { minLength: 1, maxLength: 10 },
    ),
  });
}
type Batch = { format: 'ndjson' | 'json'; crlf: boolean; items: BatchItem[] };

/** Joins NDJSON lines (strings or raw bytes) with \n or \r\n, with a final newline. */
function ndjsonBody(lines: (string | Buffer)[], crlf = false): Buffer {
  const sep = Buffer.from(crlf ? '\r\n' : '\n');
  return Buffer.concat(lines.flatMap((l) => [Buffer.isBuffer(l) ? l : Buffer.from(l, 'utf8'), sep]));
}

const encodeId = (id: string) => encodeURIComponent(id);

// ---------------------------------------------------------------------------------------------
// Query-string junk
// ---------------------------------------------------------------------------------------------

/** Percent-encodes every byte of the UTF-8 form of `value` except unreserved characters. */
function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** A query value: `raw` is put in the URL as is (already encoded, possibly broken on purpose). */
type QueryValue = { value: string } | { raw: string };
const encodeQueryValue = (v: QueryValue) => ('raw' in v ? v.raw : percentEncode(v.value));
/** What the server sees once it decoded the value (for scrubbing echoes). */
const decodedQueryValue = (v: QueryValue) => ('raw' in v ? queryUnescape(v.raw) : v.value);

const cursorOf = (after: unknown) => Buffer.from(JSON.stringify({ after })).toString('base64url');

const JUNK_QUERY_CONSTANTS = [
  '',
  ' ',
  '0',
  '-0',
  '-1',
  '1.5',
  '1e3',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '0b1',
  '1_000',
  ' 1',
  '1 ',
  '١٢',
  '9007199254740993',
  '-9223372036854775809',
  '9'.repeat(400),
  'x'.repeat(2000),
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  'a\u0000b',
  '\u0000',
  '\uFFFD',
  "'; DROP TABLE activities; --",
  "' OR 1=1 --",
  '__proto__',
  'constructor',
  '2026-13-45',
  '2026-02-30',
  '2026-06-31',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '99999-01-01',
  '2026-13-45T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '0001-01-01T00:00:00+14:00',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59-14:00',
  '99999-01-01T00:00:00Z',
  '2026-03-02T10:15:00',
  'yesterday',
  'day',
  'week',
  'month',
  'year',
  'asc',
  'desc',
  'contributions',
  '7d',
  '0d',
  '-7d',
  '99999999d',
  '1h',
  'department',
  'site',
  'garbage',
  cursorOf('1'),
  cursorOf('0'),
  cursorOf('-1'),
  cursorOf('999999999999999'),
  cursorOf('3000000000'),
  cursorOf(1),
  cursorOf(null),
  cursorOf({}),
  cursorOf('x'),
  Buffer.from('not json').toString('base64url'),
];
const RAW_QUERY_JUNK = ['%', '%G1', '%FF', '%ED%A0%80', '%C0%AF', '%00', 'a%00b', '%E2%82', '+', '%2B', '%26', '%3D', '%5B%5D', 'a+b', '%25', '%%', '%u0041'];

const dateShapedArb = fc
  .record({
    y: fc.integer({ min: 0, max: 99999 }),
    mo: fc.integer({ min: 0, max: 99 }),
    d: fc.integer({ min: 0, max: 99 }),
    h: fc.integer({ min: 0, max: 99 }),
    time: fc.boolean(),
    off: fc.constantFrom('Z', '+14:00', '-14:00', '+99:99', '+01:00', ''),
  })
  .map(({ y, mo, d, h, time, off }) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}${time ? `T${pad(h)}:00:00${off}` : ''}`);

/** Well-formed but forged cursors: base64url JSON whose `after` is a huge, negative, fractional or non-numeric position. */
const forgedCursorArb = fc
  .oneof(
    {
      arbitrary: fc.constantFrom(
        '0',
        '2147483647',
        '2147483648',
        '3000000000',
        '4294967296',
        '9007199254740991',
        '999999999999999',
        '9223372036854775807',
        '9223372036854775808',
        '-1',
        '-2147483649',
        '1e3',
        '1.5',
        '0x10',
        ' 1',
        '',
      ),
      weight: 3,
    },
    { arbitrary: fc.stringMatching(/^\d{1,15}$/), weight: 1 },
    // positions past the int4 range but still 15 digits at most: well-formed, just never issued
    { arbitrary: fc.integer({ min: 2 ** 31, max: 10 ** 15 - 1 }).map(String), weight: 2 },
    { arbitrary: fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }).map(String), weight: 2 },
    { arbitrary: fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String), weight: 1 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
    { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(null), fc.constant([1]), fc.constant({})), weight: 1 },
  )
  .map((after): QueryValue => ({ value: cursorOf(after) }));

function queryValueArb(example: string[], name: string): fc.Arbitrary<QueryValue> {
  return fc.oneof(
    { arbitrary: forgedCursorArb, weight: name === 'cursor' ? 60 : 1 },
    { arbitrary: fc.constantFrom(...JUNK_QUERY_CONSTANTS).map((value): QueryValue => ({ value })), weight: 4 },
    { arbitrary: fc.constantFrom(...RAW_QUERY_JUNK).map((raw): QueryValue => ({ raw })), weight: 1 },
    { arbitrary: fc.string({ maxLength: 40 }).map((value): QueryValue => ({ value })), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((value): QueryValue => ({ value })), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map((value): QueryValue => ({ value })), weight: 1 },
    { arbitrary: fc.oneof(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.maxSafeInteger()).map((n): QueryValue => ({ value: String(n) })), weight: 1 },
    { arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((n): QueryValue => ({ value: String(n) })), weight: 1 },
    { arbitrary: fc.double().map((n): QueryValue => ({ value: String(n) })), weight: 1 },
    { arbitrary: dateShapedArb.map((value): QueryValue => ({ value })), weight: 2 },
    // a NUL somewhere in an otherwise ordinary value (PostgreSQL text cannot hold it)
    {
      arbitrary: fc
        .record({ s: fc.string({ maxLength: 12 }), at: fc.nat() })
        .map(({ s, at }): QueryValue => ({ value: s.slice(0, at % (s.length + 1)) + '\u0000' + s.slice(at % (s.length + 1)) })),
      weight: 2,
    },
    { arbitrary: fc.string({ maxLength: 30 }).map((s): QueryValue => ({ value: Buffer.from(s).toString('base64url') })), weight: 1 },
    ...(example.length > 0 ? [{ arbitrary: fc.constantFrom(...example).map((value): QueryValue => ({ value })), weight: 3 }] : []),
  );
}

interface QueryParam {
  name: string;
  schema?: { enum?: unknown[]; example?: unknown; default?: unknown; type?: string };
  example?: unknown;
}

/** Documented values of a parameter (enum, example, default): valid ones, so junk can be combined with them. */
function documentedValues(p: QueryParam): string[] {
  const values = [...(p.schema?.enum ?? []), p.schema?.example, p.schema?.default, p.example].filter(
    (v) => v !== undefined && v !== null && typeof v !== 'object',
  );
  return [...new Set(values.map(String))];
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

describe('bad input never causes a 5xx, a malformed error or a leak', () => {
  let t: TestApp;
  /** A network of its own for the batch properties (ids are prefixed per run). */
  let batchNetwork: string;

  beforeAll(async () => {
    t = await startTestApp();
    batchNetwork = await newNetwork(t);
  });
  afterAll(() => t.close());

  const postEvents = (key: string) => t.http().post(`/v1/networks/${key}/events`).set(auth).timeout(REQUEST_TIMEOUT);

  describe('POST /v1/networks/{key}/events under generated bad input', () => {
    it(
      'malformed JSON bodies (application/json): a 4xx problem or a consistent report, never a 5xx',
      async () => {
        const validText = JSON.stringify([TEMPLATES.member, { ...TEMPLATES.activity, kind: 'post', parent: undefined, reaction: undefined }]);
        const corruptArb = fc.oneof(
          fc.nat().map((n) => validText.slice(0, n % validText.length)),
          fc
            .record({ at: fc.nat(), s: fc.string({ minLength: 1, maxLength: 5 }) })
            .map(({ at, s }) => validText.slice(0, at % validText.length) + s + validText.slice(at % validText.length)),
          fc
            .record({ at: fc.nat(), n: fc.integer({ min: 1, max: 5 }) })
            .map(({ at, n }) => validText.slice(0, at % validText.length) + validText.slice((at % validText.length) + n)),
          fc.string({ maxLength: 100 }),
          fc.string({ unit: 'binary', maxLength: 100 }),
          fc.constantFrom(
            '[{"type":"member",}]',
            "[{'type':'member'}]",
            '[{type:"member"}]',
            '[NaN]',
            '[Infinity]',
            '[undefined]',
            '[1,]',
            '[,]',
            '[] []',
            '[]]',
            '[[',
            '/* comment */ []',
            '\uFEFF[]',
            '[{"type":"member","externalId":"\\ud800","displayName":"x"}]',
            '[{"type":"member","externalId":"\\u0000","displayName":"x"}]',
            '[{"type":"member","externalId":"\\x41","displayName":"x"}]',
            '[{"__proto__":{"polluted":true},"type":"member","externalId":"pp","displayName":"x"}]',
            '{"__proto__":[]}',
            '{"length":1,"0":{}}',
            '[' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) + ']',
            '['.repeat(100_000) + ']'.repeat(100_000),
          ),
        );
        const bodyArb = fc.oneof(
          corruptArb.map((text) => printable({ body: Buffer.from(text) }, () => `text ${JSON.stringify(short(text))}`)),
          fc.uint8Array({ maxLength: 200 }).map((b) => printable({ body: Buffer.from(b) }, () => `bytes ${Buffer.from(b).toString('hex')}`)),
        );
        await fc.assert(
          fc.asyncProperty(bodyArb, async ({ body }) => {
            const res = await postEvents(batchNetwork).set('Content-Type', 'application/json').send(body);
            checkIngestion(res, `POST events application/json ${JSON.stringify(body.toString('utf8').slice(0, 120))}`, stringsOf(body.toString('utf8')));
          }),
          { seed: SEED, numRuns: 80 },
        );
      },
      PROPERTY_TEST_TIMEOUT,
    );

    it(
      'random bytes as NDJSON: a consistent report (every non-blank line counted), never a 5xx',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc
              .array(
                fc.oneof(
                  fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b)),
                  rawLineArb.map((r) => r.bytes),
                ),
                { minLength: 1, maxLength: 8 },
              )
              .map((chunks) => printable({ chunks }, () => `hex ${chunks.map((c) => short(c.toString('hex'))).join(' + ')}`)),
            async ({ chunks }) => {
              const body = Buffer.concat(chunks);
              const res = await postEvents(batchNetwork).set('Content-Type', 'application/x-ndjson').send(body);
              const report = checkIngestion(res, `POST events NDJSON bytes ${body.toString('hex').slice(0, 200)}`, stringsOf(body.toString('utf8')));
              if (!report) throw new Error(`NDJSON of random bytes: expected a 200 report → ${show(res)}`);
            },
          ),
          { seed: SEED, numRuns: 60 },
        );
      },
      PROPERTY_TEST_TIMEOUT,
    );

    let batchRun = 0;
    /**
     * Sends a batch and checks: a 200 report counting every non-blank line, exactly the bad lines
     * rejected (each with its 1-based line), every good record stored as sent.
     */
    async function checkBatch({ format, crlf, items }: Batch): Promise<void> {
      batchRun++;
      const prefix = `${uniqueKey('bi')}:${batchRun}:`;
      const usable = format === 'json' ? items.filter((i) => 'good' in i || 'bad' in i) : items;
      fc.pre(usable.length > 0);
      const lines: (string | Buffer)[] = [];
      const goods: (BuiltGood & { line: number })[] = [];
      const badLines: { line: number; why: string }[] = [];
      usable.forEach((item, i) => {
        const line = i + 1;
        if ('good' in item) {
          const built = buildGood(item.good, prefix, line);
          goods.push({ ...built, line });
          lines.push(built.text);
        } else if ('bad' in item) {
          badLines.push({ line, why: item.bad.why });
          lines.push(item.bad.text);
        } else if ('raw' in item) {
          badLines.push({ line, why: item.raw.why });
          lines.push(item.raw.bytes);
        } else lines.push(item.blank);
      });
      const label = `${format} batch [${usable.map((i, n) => `${n + 1}: ${'good' in i ? `good ${i.good.type}` : 'bad' in i ? `bad ${i.bad.why}` : 'raw' in i ? `raw ${i.raw.why}` : 'blank'}`).join(' | ')}]`;
      const echoes = lines.flatMap((l) => stringsOf(Buffer.isBuffer(l) ? l.toString('utf8') : l));
      const req = postEvents(batchNetwork);
      const res =
        format === 'json'
          ? await req.set('Content-Type', 'application/json').send(`[${(lines as string[]).join(',')}]`)
          : await req.set('Content-Type', 'application/x-ndjson').send(ndjsonBody(lines, crlf));
      checkResponse(res, label, echoes);
      const report = checkReport(res, label);
      const nonBlank = usable.filter((i) => !('blank' in i)).length;
      if (report.received !== nonBlank) throw new Error(`${label}: received ${report.received}, expected ${nonBlank}`);
      const rejectedLines = report.rejected.map((r) => r.line).sort((a, b) => a - b);
      const expectedLines = badLines.map((b) => b.line);
      if (JSON.stringify(rejectedLines) !== JSON.stringify(expectedLines)) {
        const accepted = badLines.filter((b) => !rejectedLines.includes(b.line));
        const wronglyRejected = report.rejected.filter((r) => !expectedLines.includes(r.line));
        throw new Error(
          `${label}: rejected lines ${JSON.stringify(rejectedLines)}, expected ${JSON.stringify(expectedLines)}` +
            (accepted.length ? `; bad records accepted: ${JSON.stringify(accepted)}` : '') +
            (wronglyRejected.length ? `; good records rejected: ${short(JSON.stringify(wronglyRejected), 600)}` : ''),
        );
      }
      for (const good of goods) {
        const path =
          good.check.kind === 'member'
            ? `/v1/members/${encodeId(good.check.id)}`
            : good.check.kind === 'group'
              ? `/v1/networks/${batchNetwork}/groups/${encodeId(good.check.id)}`
              : `/v1/networks/${batchNetwork}/activities/${encodeId(good.check.id)}`;
        const read = await t.http().get(path).set(auth).timeout(REQUEST_TIMEOUT);
        checkResponse(read, `${label}: GET ${path}`, echoes);
        if (read.status !== 200) throw new Error(`${label}: good record of line ${good.line} not stored: GET ${path} → ${show(read)}`);
        for (const [field, value] of Object.entries(good.check.expected)) {
          if (JSON.stringify(read.body[field]) !== JSON.stringify(value)) {
            throw new Error(
              `${label}: good record of line ${good.line}: ${field} is ${short(String(JSON.stringify(read.body[field])))}, sent ${short(String(JSON.stringify(value)))}`,
            );
          }
        }
      }
    }

    const CATEGORIES: [name: string, bad: fc.Arbitrary<BadRecord> | null, raw: fc.Arbitrary<RawLine> | null, numRuns: number][] = [
      ['unknown fields', printableBad(unknownFieldArb), null, 60],
      ['prototype-pollution keys (__proto__, constructor, prototype), top-level and nested', printableBad(prototypeKeyArb), null, 60],
      ['wrong types (numbers, booleans, arrays, objects, null where a string is required)', printableBad(wrongTypeArb), null, 60],
      ['empty, over-long and huge strings (ids over 200 chars, 1 MB text, 51 tags, 1001 leaders)', printableBad(invalidStringArb), null, 60],
      ['impossible dates ("2026-02-30T00:00:00Z", year 99999, "", "yesterday", hour 24, offset +15:00)', printableBad(badDateArb), null, 60],
      ['NUL characters and lone surrogates in ids, text, tags, enums and dates', printableBad(unstorableCharArb), null, 60],
      ['deeply nested arrays and objects (up to 200 000 levels)', printableBad(deeplyNestedArb), null, 40],
      [
        'missing required fields, cross-field rule violations and records that are not objects',
        printableBad(fc.oneof(missingFieldArb, fc.constantFrom(...RULE_VIOLATIONS), notAnObjectArb)),
        null,
        60,
      ],
    ];

    for (const [name, bad, raw, numRuns] of CATEGORIES) {
      it(
        `${name}: each bad record is rejected with its line, the good ones around it are stored`,
        async () => {
          await fc.assert(fc.asyncProperty(batchArb(bad, raw), checkBatch), { seed: SEED, numRuns });
        },
        PROPERTY_TEST_TIMEOUT,
      );
    }

    it(
      'malformed NDJSON (truncated JSON, junk, invalid UTF-8, raw control bytes) between good lines: each broken line is rejected with its line, the good ones are stored',
      async () => {
        await fc.assert(fc.asyncProperty(batchArb(null, printableRawLineArb, ['ndjson']), checkBatch), { seed: SEED, numRuns: 60 });
      },
      PROPERTY_TEST_TIMEOUT,
    );

    it(
      'a mixed batch of every kind of bad record and good ones (NDJSON and JSON array): each bad one rejected with its 1-based line, every good one stored',
      async () => {
        await fc.assert(fc.asyncProperty(batchArb(badRecordArb, printableRawLineArb), checkBatch), { seed: SEED, numRuns: 100 });
      },
      PROPERTY_TEST_TIMEOUT,
    );

    it(
      'dangerous-looking but valid strings (SQL, __proto__, constructor, Unicode, 200-char ids) are stored verbatim',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.record({
              memberId: specialIdArb,
              activityId: specialIdArb,
              groupId: specialIdArb,
              displayName: specialIdArb,
              text: fc.oneof(specialStringArb, fc.constant('y'.repeat(MAX_TEXT)), fc.constant('é'.repeat(MAX_TEXT))),
              tags: fc.uniqueArray(
                specialStringArb.filter((s) => s.length <= 100),
                { minLength: 1, maxLength: 5 },
              ),
              department: specialIdArb,
              format: fc.constantFrom('ndjson' as const, 'json' as const),
            }),
            async ({ memberId, activityId, groupId, displayName, text, tags, department, format }) => {
              const key = await newNetwork(t);
              const records = [
                { type: 'member', externalId: memberId, displayName, department },
                { type: 'group', externalId: groupId, name: displayName, visibility: 'public', leaders: [memberId] },
                {
                  type: 'activity',
                  externalId: activityId,
                  kind: 'question',
                  author: memberId,
                  group: groupId,
                  occurredAt: '2026-03-02T10:15:00+01:00',
                  text,
                  tags,
                },
              ];
              const label = `special strings ${format} ${JSON.stringify({ memberId, activityId, groupId, displayName, department, tags, text: text.slice(0, 40) })}`;
              const echoes = records.flatMap((r) => Object.entries(r).flatMap(([k, v]) => [k, ...(Array.isArray(v) ? v : [String(v)])]));
              const req = postEvents(key);
              const res =
                format === 'json'
                  ? await req.send(records)
                  : await req.set('Content-Type', 'application/x-ndjson').send(ndjsonBody(records.map((r) => JSON.stringify(r))));
              checkResponse(res, label, echoes);
              const report = checkReport(res, label);
              if (report.received !== 3 || report.rejected.length !== 0) throw new Error(`${label}: expected 3 records accepted → ${show(res)}`);

              const member = await t
                .http()
                .get(`/v1/members/${encodeId(memberId)}`)
                .set(auth)
                .timeout(REQUEST_TIMEOUT);
              checkResponse(member, `${label}: GET member`, echoes);
              if (
                member.status !== 200 ||
                member.body.externalId !== memberId ||
                member.body.displayName !== displayName ||
                member.body.department !== department
              ) {
                throw new Error(`${label}: member not stored verbatim → ${show(member)}`);
              }
              const group = await t
                .http()
                .get(`/v1/networks/${key}/groups/${encodeId(groupId)}`)
                .set(auth)
                .timeout(REQUEST_TIMEOUT);
              checkResponse(group, `${label}: GET group`, echoes);
              if (
                group.status !== 200 ||
                group.body.externalId !== groupId ||
                group.body.name !== displayName ||
                JSON.stringify(group.body.leaders) !== JSON.stringify([memberId])
              ) {
                throw new Error(`${label}: group not stored verbatim → ${show(group)}`);
              }
              const act = await t
                .http()
                .get(`/v1/networks/${key}/activities/${encodeId(activityId)}`)
                .set(auth)
                .timeout(REQUEST_TIMEOUT);
              checkResponse(act, `${label}: GET activity`, echoes);
              if (
                act.status !== 200 ||
                act.body.externalId !== activityId ||
                act.body.author !== memberId ||
                act.body.group !== groupId ||
                act.body.text !== text ||
                JSON.stringify(act.body.tags) !== JSON.stringify(tags)
              ) {
                throw new Error(`${label}: activity not stored verbatim → ${show(act)}`);
              }
            },
          ),
          { seed: SEED, numRuns: 60 },
        );
      },
      PROPERTY_TEST_TIMEOUT,
    );

    it(
      'absurd but well-formed dates (year 1, year 9999 at ±14:00, leap days, nanoseconds): accepted and readable, or rejected with a reason; never a 5xx',
      async () => {
        const extremeArb = fc.oneof(
          fc.constantFrom(
            '0001-01-01T00:00:00Z',
            '0001-01-01T00:00:00+14:00',
            '0001-01-01T00:00:00-14:00',
            '9999-12-31T23:59:59Z',
            '9999-12-31T23:59:59-14:00',
            '9999-12-31T23:59:59.999999999Z',
            '0000-01-01T00:00:00Z',
            '1970-01-01T00:00:00Z',
            '1969-12-31T23:59:59.999Z',
            '2024-02-29T00:00:00Z',
            '2000-02-29T23:59:59+14:00',
            '2026-03-02T10:15:00.123456789+05:45',
            '2026-03-29T02:30:00+01:00',
          ),
          // any instant of years 1 to 9999, written with any offset (the local time stays in those years)
          fc
            .record({
              ms: fc.integer({ min: YEAR_1 + 86_400_000, max: YEAR_10000 - 86_400_000 }),
              offset: fc.integer({ min: -56, max: 56 }).map((q) => q * 15),
              millis: fc.boolean(),
            })
            .map(({ ms, offset, millis }) => isoWithOffset(ms, offset, millis)),
        );
        // a network of its own: the lists read at the end hold only this property's (benign) texts
        const datesNetwork = await newNetwork(t);
        let run = 0;
        await fc.assert(
          fc.asyncProperty(extremeArb, fc.constantFrom('occurredAt', 'joinedAt', 'createdAt', 'leftAt'), async (date, field) => {
            run++;
            const id = `${uniqueKey('bd')}:${run}`;
            const record =
              field === 'occurredAt'
                ? { type: 'activity', externalId: id, kind: 'post', author: `${id}:u`, occurredAt: date, text: 'absurd date' }
                : field === 'joinedAt'
                  ? { type: 'member', externalId: id, displayName: 'Absurd', joinedAt: date }
                  : field === 'createdAt'
                    ? { type: 'group', externalId: id, name: 'Absurd', visibility: 'public', createdAt: date }
                    : { type: 'membership', group: `${id}:g`, member: `${id}:u`, leftAt: date };
            const label = `${field} = ${date}`;
            const res = await postEvents(datesNetwork)
              .set('Content-Type', 'application/x-ndjson')
              .send(ndjsonBody([JSON.stringify(record)]));
            checkResponse(res, label, [date, id]);
            const report = checkReport(res, label);
            if (report.received !== 1) throw new Error(`${label}: received ${report.received}`);
            if (report.rejected.length === 0 && field === 'occurredAt') {
              const read = await t
                .http()
                .get(`/v1/networks/${datesNetwork}/activities/${encodeId(id)}`)
                .set(auth)
                .timeout(REQUEST_TIMEOUT);
              checkResponse(read, `${label}: GET activity`, [date, id]);
              if (read.status !== 200 || typeof read.body.occurredAt !== 'string') throw new Error(`${label}: accepted but not readable → ${show(read)}`);
              const instant = Date.parse(read.body.occurredAt);
              if (instant !== new Date(date).getTime() && !/\.\d{4,}/.test(date)) throw new Error(`${label}: stored as ${read.body.occurredAt}`);
            }
          }),
          { seed: SEED, numRuns: 60 },
        );
        // indicators and lists of a network holding such activities still answer
        for (const path of [
          'activities',
          'indicators/activity?granularity=month',
          'indicators/responsiveness',
          'indicators/concentration',
          'indicators/engagement',
          'comparisons/groups',
        ]) {
          const res = await t.http().get(`/v1/networks/${datesNetwork}/${path}`).set(auth).timeout(REQUEST_TIMEOUT);
          checkResponse(res, `GET ${path} after absurd dates`);
        }
      },
      PROPERTY_TEST_TIMEOUT,
    );
  });

  describe('every query parameter of every GET route of the OpenAPI document', () => {
    let dataNetwork: string;
    const known: { member: string; group: string; activity: string } = { member: '', group: '', activity: '' };

    beforeAll(async () => {
      dataNetwork = await newNetwork(t);
      const p = `${uniqueKey('q')}:`;
      known.member = `${p}u1`;
      known.group = `${p}g1`;
      known.activity = `${p}a1`;
      const records = [
        { type: 'member', externalId: `${p}u1`, displayName: 'Ana', department: 'R&D', site: 'Lyon' },
        { type: 'member', externalId: `${p}u2`, displayName: 'Bo', department: 'Sales', site: 'Paris' },
        { type: 'member', externalId: `${p}u3`, displayName: 'Cy', department: 'R&D', site: 'Paris' },
        { type: 'group', externalId: `${p}g1`, name: 'Cloud', visibility: 'public', leaders: [`${p}u1`] },
        { type: 'group', externalId: `${p}g2`, name: 'Secret', visibility: 'confidential', leaders: [`${p}u2`] },
        { type: 'membership', group: `${p}g1`, member: `${p}u2`, role: 'member', joinedAt: '2026-01-05T09:00:00Z' },
        {
          type: 'activity',
          externalId: `${p}a1`,
          kind: 'question',
          author: `${p}u2`,
          group: `${p}g1`,
          occurredAt: '2026-03-02T10:15:00+01:00',
          text: 'Quel quota VPN ?',
          tags: ['vpn'],
        },
        {
          type: 'activity',
          externalId: `${p}a2`,
          kind: 'reply',
          author: `${p}u1`,
          group: `${p}g1`,
          parent: `${p}a1`,
          occurredAt: '2026-03-02T11:15:00+01:00',
          text: 'Dix Go',
        },
        {
          type: 'activity',
          externalId: `${p}a3`,
          kind: 'accept',
          author: `${p}u2`,
          group: `${p}g1`,
          parent: `${p}a2`,
          occurredAt: '2026-03-02T12:15:00+01:00',
        },
        {
          type: 'activity',
          externalId: `${p}a4`,
          kind: 'reaction',
          author: `${p}u3`,
          group: `${p}g1`,
          parent: `${p}a2`,
          occurredAt: '2026-03-03T12:15:00+01:00',
          reaction: 'like',
        },
        {
          type: 'activity',
          externalId: `${p}a5`,
          kind: 'post',
          author: `${p}u3`,
          group: `${p}g2`,
          occurredAt: '2026-03-04T08:00:00Z',
          text: 'cloud migration',
          tags: ['cloud'],
        },
        { type: 'activity', externalId: `${p}a6`, kind: 'share', author: `${p}u1`, group: `${p}g2`, parent: `${p}a5`, occurredAt: '2026-03-05T08:00:00Z' },
        {
          type: 'activity',
          externalId: `${p}a7`,
          kind: 'post',
          author: `${p}u1`,
          occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
          text: 'recent cloud vpn',
        },
      ];
      const res = await t.http().post(`/v1/networks/${dataNetwork}/events`).set(auth).send(records);
      expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
      // absurd but valid dates too, when the service accepts them
      const extremes = await t
        .http()
        .post(`/v1/networks/${dataNetwork}/events`)
        .set(auth)
        .send([
          { type: 'activity', externalId: `${p}x1`, kind: 'post', author: `${p}u1`, occurredAt: '0001-01-01T00:00:00+14:00', text: 'very old' },
          { type: 'activity', externalId: `${p}x2`, kind: 'post', author: `${p}u2`, occurredAt: '9999-12-31T23:59:59-14:00', text: 'very late' },
        ]);
      expect(extremes.status).toBe(200);
    });

    it(
      'generated junk in each documented query parameter: never a 5xx, a problem+json 4xx, no stack trace or SQL',
      async () => {
        const docRes = await t.http().get('/docs-json');
        expect(docRes.status).toBe(200);
        const doc = docRes.body as { paths: Record<string, Record<string, { parameters?: (QueryParam & { in: string; $ref?: string })[] }>> };
        const routes = Object.entries(doc.paths)
          .filter(([, item]) => item.get !== undefined)
          .map(([path, item]) => ({ path, params: (item.get.parameters ?? []).filter((p) => p.in === 'query') }));
        expect(routes.length).toBeGreaterThan(10);
        const withParams = routes.filter((r) => r.params.length > 0);
        expect(withParams.length).toBeGreaterThan(5);

        /** Path parameters replaced with real ids (a random one where none is known). */
        const concrete = (path: string) =>
          path
            .replace(/^\/v1\/networks\/\{key\}/, `/v1/networks/${dataNetwork}`)
            .replace(/\/members\/\{externalId\}/, `/members/${encodeId(known.member)}`)
            .replace(/\/groups\/\{externalId\}/, `/groups/${encodeId(known.group)}`)
            .replace(/\/activities\/\{externalId\}/, `/activities/${encodeId(known.activity)}`)
            .replace(/\/api-keys\/\{id\}/, '/api-keys/00000000-0000-4000-8000-000000000000')
            .replace(/\{[^}]+\}/g, 'no-such-thing');

        const failures: string[] = [];
        let requests = 0;
        for (const route of withParams) {
          const url = concrete(route.path);
          const paramArb = fc.constantFrom(...route.params).chain((p) =>
            fc.record({
              name: fc.constant(p.name),
              values: fc.oneof(
                { arbitrary: queryValueArb(documentedValues(p), p.name).map((v) => [v]), weight: 5 },
                { arbitrary: fc.array(queryValueArb(documentedValues(p), p.name), { minLength: 2, maxLength: 3 }), weight: 1 },
              ),
            }),
          );
          /** One parameter gets junk, the others a documented (valid) value or nothing, so the junk is not masked by another 400. */
          const oneJunkArb = paramArb.chain((junk) =>
            fc
              .subarray(route.params.filter((p) => p.name !== junk.name && documentedValues(p).length > 0))
              .chain((others) =>
                fc.tuple(...others.map((p) => fc.constantFrom(...documentedValues(p)).map((value) => ({ name: p.name, values: [{ value }] as QueryValue[] })))),
              )
              .map((valid) => [junk, ...valid]),
          );
          /** Several parameters of junk at once. */
          const manyJunkArb = fc.uniqueArray(paramArb, { minLength: 1, maxLength: Math.min(4, route.params.length), selector: (q) => q.name });
          const queryArb = fc.oneof({ arbitrary: oneJunkArb, weight: 3 }, { arbitrary: manyJunkArb, weight: 1 });
          const details = await fc.check(
            fc.asyncProperty(queryArb, async (query) => {
              requests++;
              const qs = query.flatMap((q) => q.values.map((v) => `${encodeURIComponent(q.name)}=${encodeQueryValue(v)}`)).join('&');
              const res = await t.http().get(`${url}?${qs}`).set(auth).timeout(REQUEST_TIMEOUT);
              checkResponse(
                res,
                `GET ${route.path}?${qs.slice(0, 300)}`,
                query.flatMap((q) => q.values.map(decodedQueryValue)),
              );
            }),
            { seed: SEED, numRuns: Math.min(60, 20 + 8 * route.params.length) },
          );
          if (details.failed) {
            const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
            failures.push(
              `GET ${route.path}: counterexample ${fc.stringify(details.counterexample)} (seed ${details.seed}, path "${details.counterexamplePath}", ${details.numShrinks} shrinks)\n  ${error}`,
            );
          }
        }
        expect(requests).toBeGreaterThan(0);
        if (failures.length > 0) throw new Error(`${failures.length} route(s) mishandle bad query parameters:\n\n${failures.join('\n\n')}`);
      },
      PROPERTY_TEST_TIMEOUT,
    );
  });

  describe('explicit cases', () => {
    it('a JSON array of 10 001 records → 413 problem+json, nothing stored', async () => {
      const key = await newNetwork(t);
      const p = `${uniqueKey('big')}:`;
      const records = Array.from({ length: 10_001 }, (_, i) => ({ type: 'member', externalId: `${p}${i}`, displayName: 'M' }));
      const res = await postEvents(key).send(records);
      checkResponse(res, '10 001 records');
      expect({ status: res.status, contentType: res.headers['content-type'] }).toEqual({
        status: 413,
        contentType: expect.stringMatching(/^application\/problem\+json/),
      });
      expect(JSON.parse(res.text)).toMatchObject({ status: 413 });
      const first = await t
        .http()
        .get(`/v1/members/${encodeId(`${p}0`)}`)
        .set(auth);
      expect(first.status).toBe(404);
    });

    it('a JSON array of exactly 10 000 records is accepted', async () => {
      const key = await newNetwork(t);
      const p = `${uniqueKey('big')}:`;
      const records = Array.from({ length: 10_000 }, (_, i) => ({ type: 'member', externalId: `${p}${i}`, displayName: 'M' }));
      const report = checkReport(await postEvents(key).send(records), '10 000 records');
      expect(report).toMatchObject({ received: 10_000, inserted: 10_000, rejected: [] });
    });

    it.each([
      ['text/plain', '[]'],
      ['text/plain', '{"type":"member","externalId":"x","displayName":"x"}\n'],
      ['application/xml', '<records/>'],
      ['application/x-www-form-urlencoded', 'type=member&externalId=x'],
      ['multipart/form-data; boundary=x', '--x--'],
      ['application/octet-stream', '[]'],
    ])('Content-Type %s → 415 (or 400) problem+json', async (contentType, body) => {
      const key = await newNetwork(t);
      const res = await postEvents(key).set('Content-Type', contentType).send(body);
      checkResponse(res, `Content-Type ${contentType}`);
      expect([400, 415]).toContain(res.status);
    });

    it('an empty body: a 4xx problem or an empty report, for every content type', async () => {
      const key = await newNetwork(t);
      for (const contentType of ['application/json', 'application/x-ndjson', undefined]) {
        const req = postEvents(key);
        if (contentType) req.set('Content-Type', contentType);
        const res = await req.send('');
        const report = checkIngestion(res, `empty body (${contentType ?? 'no content type'})`);
        if (report) expect(report).toEqual({ received: 0, inserted: 0, updated: 0, duplicates: 0, rejected: [] });
        else expect(res.status).toBeGreaterThanOrEqual(400);
      }
      // no Content-Type and no body at all
      const bare = await t.http().post(`/v1/networks/${key}/events`).set(auth);
      checkIngestion(bare, 'no body, no content type');
    });

    it.each([
      ['null', 'null'],
      ['a number', '42'],
      ['a string', '"member"'],
      ['true', 'true'],
      ['an object', '{"type":"member","externalId":"x","displayName":"x"}'],
      ['an empty object', '{}'],
    ])('a JSON body that is %s, not an array → 400 problem+json', async (_, body) => {
      const key = await newNetwork(t);
      const res = await postEvents(key).set('Content-Type', 'application/json').send(body);
      checkResponse(res, `JSON body ${body}`);
      expect(res.status).toBe(400);
    });

    it.each([
      ['"__proto__": null', (v: string) => `{"displayName":"x","__proto__":${v}}`, 'null'],
      ['"__proto__": {"admin": true}', (v: string) => `{"displayName":"x","__proto__":${v}}`, '{"admin":true}'],
      ['"constructor": {"prototype": {}}', (v: string) => `{"displayName":"x","constructor":${v}}`, '{"prototype":{}}'],
      ['a field nested 10 000 levels deep', (v: string) => `{"displayName":${v}}`, '['.repeat(10_000) + ']'.repeat(10_000)],
    ])('PUT /v1/members/{externalId} (same rules as a member event) with %s → 400 problem+json', async (_, body, value) => {
      const id = `${uniqueKey('pp')}:m`;
      const res = await t
        .http()
        .put(`/v1/members/${encodeId(id)}`)
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(body(value));
      checkResponse(res, `PUT member ${short(body(value), 80)}`);
      if (res.status !== 400) throw new Error(`PUT /v1/members/{externalId} ${short(body(value), 120)}: expected 400 problem+json → ${show(res)}`);
    });

    it.each([['null'], ['42'], ['"member"'], ['true'], ['[]'], ['[{"type":"member"}]']])(
      'the NDJSON line %s is rejected on its own with line 1',
      async (line) => {
        const key = await newNetwork(t);
        const report = checkReport(await postEvents(key).set('Content-Type', 'application/x-ndjson').send(`${line}\n`), `NDJSON ${line}`);
        expect(report).toMatchObject({ received: 1, inserted: 0, rejected: [{ line: 1 }] });
      },
    );
  });
});
