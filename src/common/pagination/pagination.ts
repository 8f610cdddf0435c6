import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationFailed } from '../errors/domain-errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
/** The largest int4 id: a cursor beyond it (forged, or from another table) simply has nothing after it. */
export const INT4_MAX = 2_147_483_647;

/** An id cursor for an int4 key, clamped so that a large forged value reads as "after everything" instead of failing the cast. */
export function int4After(cursor: string | undefined): number {
  return Math.min(Number(cursor ?? 0), INT4_MAX);
}

/** `limit` and `cursor`, shared by every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'Page size' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: "Opaque cursor from the previous page's `nextCursor`" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

/** Cursors are the last seen row's id, base64url-encoded so clients treat them as opaque. */
export function encodeCursor(lastId: string | number): string {
  return Buffer.from(JSON.stringify({ after: String(lastId) })).toString('base64url');
}

/** Ids and offsets stay below 2^53 here, so anything longer was not issued by this service. */
export const ID_CURSOR = /^\d{1,15}$/;

/**
 * Returns the position to continue after (matching `pattern`), or undefined for the first page;
 * a forged cursor is a 400.
 */
export function decodeCursor(cursor: string | undefined, pattern: RegExp = ID_CURSOR): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string' && pattern.test(parsed.after)) return parsed.after;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationFailed([{ path: 'cursor', message: 'cursor is not a cursor this service issued' }]);
}

/** Builds a page from `limit + 1` fetched rows: the extra row only tells that more exist. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  idOf: (row: Row) => string | number,
  map: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(idOf(pageRows[pageRows.length - 1])) : null,
  };
}

export class PageMeta {
  @ApiProperty({ nullable: true, type: String, example: 'eyJhZnRlciI6IjQyIn0', description: 'Cursor of the next page; null on the last page' })
  nextCursor: string | null;
}

/**
 * One page of a list computed whole and ranked in memory (comparisons, drift, experts, topics): the
 * cursor holds the offset of the page; `offset` is returned for ranks that continue across pages.
 */
export function offsetPage<T>(all: T[], query: { limit?: number; cursor?: string }): { items: T[]; nextCursor: string | null; offset: number } {
  const offset = Number(decodeCursor(query.cursor) ?? 0);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  return { items: all.slice(offset, offset + limit), nextCursor: offset + limit < all.length ? encodeCursor(offset + limit) : null, offset };
}
