import { getMetadataStorage, validateSync } from 'class-validator';
import { findUnstorableString } from '../common/validation/unstorable';
import { FieldError } from '../common/errors/domain-errors';
import { parseIsoDateTime } from '../common/validation/iso-date-time';
import { flattenValidationErrors } from '../common/validation/validation';
import { ActivityKind, ROOT_KINDS } from './activity.entity';
import {
  ActivityDeletionRecord,
  ActivityFields,
  ActivityRecord,
  GroupFields,
  GroupRecord,
  MemberFields,
  MemberRecord,
  MembershipRecord,
  RECORD_TYPES,
} from './dto/event-records.dto';
import type { GroupVisibility } from './group.entity';
import type { MembershipRole } from './membership.entity';

/** Records after validation: dates parsed, optional fields made explicit (null), ready to write. */
export interface MemberRow {
  type: 'member';
  externalId: string;
  displayName: string;
  email: string | null;
  department: string | null;
  site: string | null;
  jobTitle: string | null;
  joinedAt: Date | null;
}
export interface GroupRow {
  type: 'group';
  externalId: string;
  name: string;
  visibility: GroupVisibility;
  createdAt: Date | null;
  leaders: string[];
}
export interface MembershipRow {
  type: 'membership';
  group: string;
  member: string;
  role: MembershipRole;
  joinedAt: Date | null;
  leftAt: Date | null;
}
export interface ActivityRow {
  type: 'activity';
  externalId: string;
  kind: ActivityKind;
  author: string;
  group: string | null;
  parent: string | null;
  occurredAt: Date;
  text: string | null;
  tags: string[] | null;
  reaction: string | null;
}
export interface ActivityDeletionRow {
  type: 'activity-deletion';
  externalId: string;
}
export type RecordRow = MemberRow | GroupRow | MembershipRow | ActivityRow | ActivityDeletionRow;

export type ParseResult = { ok: true; row: RecordRow } | { ok: false; externalId?: string; errors: FieldError[] };

const RECORD_CLASSES = {
  member: MemberRecord,
  group: GroupRecord,
  membership: MembershipRecord,
  activity: ActivityRecord,
} as const;

/** The key two records must share to be the same record (re-sending it is a duplicate or an update). */
export function recordKey(row: RecordRow): string {
  switch (row.type) {
    case 'member':
      return `m\u0001${row.externalId}`;
    case 'group':
      return `g\u0001${row.externalId}`;
    case 'membership':
      return `ms\u0001${row.group}\u0001${row.member}`;
    case 'activity':
    case 'activity-deletion':
      return `a\u0001${row.externalId}`;
  }
}

type RecordClass = new () => object;

const knownFields = new Map<RecordClass, Set<string>>();

/** The fields a record class declares, read once from class-validator's metadata. */
function fieldsOf(cls: RecordClass): Set<string> {
  let fields = knownFields.get(cls);
  if (!fields) {
    fields = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(cls, '', true, false)
        .map((m) => m.propertyName),
    );
    knownFields.set(cls, fields);
  }
  return fields;
}

/**
 * Same rules as the global ValidationPipe (unknown fields rejected, nothing coerced), tuned for the
 * bulk path: records are flat, so a prototype assignment replaces class-transformer and the
 * unknown-field check is a set lookup instead of class-validator's whitelist pass (3x faster together).
 */
function validate<T extends object>(cls: new () => T, raw: object): { value: T; errors: FieldError[] } {
  const fields = fieldsOf(cls);
  // only declared fields are copied: an own "__proto__" key (JSON.parse creates one) would otherwise
  // go through the prototype setter of Object.assign and strip the record of its class
  const value = new cls();
  for (const [k, v] of Object.entries(raw)) if (fields.has(k)) (value as Record<string, unknown>)[k] = v;
  const unknown: FieldError[] = Object.keys(raw)
    .filter((k) => !fields.has(k))
    .map((k) => ({ path: k, message: `${k} is not a known field` }));
  const errors = [...unknown, ...flattenValidationErrors(validateSync(value, { forbidUnknownValues: true, validationError: { target: false, value: false } }))];
  return { value, errors };
}

const orNull = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);
const dateOrNull = (v: string | null | undefined): Date | null => (v == null ? null : parseIsoDateTime(v));

/** Validates one raw event record (an element of the JSON array or one NDJSON line). */
export function parseRecord(raw: unknown): ParseResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: '(record)', message: 'a record must be a JSON object' }] };
  }
  const obj = raw as Record<string, unknown>;
  const externalId = typeof obj.externalId === 'string' && obj.externalId.length <= 200 ? obj.externalId : undefined;
  const fail = (errors: FieldError[]): ParseResult => ({ ok: false, externalId, errors });

  const bad = findUnstorableString(obj);
  if (bad) return fail([bad]);
  const type = obj.type;
  if (typeof type !== 'string' || !(RECORD_TYPES as readonly string[]).includes(type)) {
    return fail([{ path: 'type', message: `type must be one of ${RECORD_TYPES.join(', ')}` }]);
  }
  if (type === 'activity' && obj.deleted === true) {
    const { value, errors } = validate(ActivityDeletionRecord, obj);
    if (errors.length)
      return fail(
        errors.map((e) => (e.message.endsWith('is not a known field') ? { path: e.path, message: 'a deletion carries only type, externalId and deleted' } : e)),
      );
    return { ok: true, row: { type: 'activity-deletion', externalId: value.externalId } };
  }
  const { value, errors } = validate(RECORD_CLASSES[type as keyof typeof RECORD_CLASSES] as new () => object, obj);
  if (errors.length) return fail(errors);
  const row = toRow(type as keyof typeof RECORD_CLASSES, value);
  const ruleErrors = checkRecordRules(row);
  return ruleErrors.length ? fail(ruleErrors) : { ok: true, row };
}

function toRow(type: keyof typeof RECORD_CLASSES, value: object): RecordRow {
  switch (type) {
    case 'member':
      return memberRow((value as MemberRecord).externalId, value as MemberRecord);
    case 'group':
      return groupRow((value as GroupRecord).externalId, value as GroupRecord);
    case 'membership': {
      const v = value as MembershipRecord;
      return { type: 'membership', group: v.group, member: v.member, role: v.role ?? 'member', joinedAt: dateOrNull(v.joinedAt), leftAt: dateOrNull(v.leftAt) };
    }
    case 'activity':
      return activityRow(value as ActivityRecord);
  }
}

export function memberRow(externalId: string, v: MemberFields): MemberRow {
  return {
    type: 'member',
    externalId,
    displayName: v.displayName,
    email: orNull(v.email),
    department: orNull(v.department),
    site: orNull(v.site),
    jobTitle: orNull(v.jobTitle),
    joinedAt: dateOrNull(v.joinedAt),
  };
}

export function groupRow(externalId: string, v: GroupFields): GroupRow {
  return { type: 'group', externalId, name: v.name, visibility: v.visibility, createdAt: dateOrNull(v.createdAt), leaders: v.leaders ?? [] };
}

export function activityRow(v: ActivityFields): ActivityRow | ActivityDeletionRow {
  if (v.deleted === true) return { type: 'activity-deletion', externalId: v.externalId };
  return {
    type: 'activity',
    externalId: v.externalId,
    kind: v.kind,
    author: v.author,
    group: orNull(v.group),
    parent: orNull(v.parent),
    occurredAt: parseIsoDateTime(v.occurredAt) as Date,
    text: orNull(v.text),
    tags: v.tags == null ? null : v.tags,
    reaction: orNull(v.reaction),
  };
}

/** Rules that span several fields, shared by bulk records and single-record endpoints. */
export function checkRecordRules(row: RecordRow): FieldError[] {
  if (row.type === 'membership' && row.joinedAt && row.leftAt && row.leftAt < row.joinedAt) {
    return [{ path: 'leftAt', message: 'leftAt must not be before joinedAt' }];
  }
  if (row.type === 'activity') {
    const isRoot = ROOT_KINDS.includes(row.kind);
    if (isRoot && row.parent !== null) return [{ path: 'parent', message: `a ${row.kind} starts a thread and has no parent` }];
    if (!isRoot && row.parent === null) return [{ path: 'parent', message: `a ${row.kind} needs a parent` }];
    if (row.parent === row.externalId) return [{ path: 'parent', message: 'an activity cannot be its own parent' }];
    if (row.reaction !== null && row.kind !== 'reaction') return [{ path: 'reaction', message: 'reaction is only for activities of kind reaction' }];
  }
  return [];
}

export function describeErrors(errors: FieldError[]): string {
  return errors.map((e) => e.message).join('; ');
}
