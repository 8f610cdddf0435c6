import type { FieldError } from '../errors/domain-errors';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Inputs are flat (a record holds an array of tag strings at most): deeper values are junk, refused before any recursion. */
const MAX_DEPTH = 8;

/**
 * Finds strings PostgreSQL or UTF-8 cannot store as sent: NUL characters (text columns reject
 * them, and a query with one fails) and lone surrogates (they would be silently replaced on the
 * wire); values nested deeper than MAX_DEPTH (thousands of nested arrays would exhaust the stack of
 * any recursive check); and the keys `__proto__`, `constructor` and `prototype`, which no input
 * declares and which would reach object prototypes when copied.
 */
export function findUnstorableString(value: unknown, path = '', depth = 0): FieldError | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path: path || '(value)', message: `${path || 'value'} contains a NUL character` };
    if (!value.isWellFormed()) return { path: path || '(value)', message: `${path || 'value'} is not valid Unicode (lone surrogate)` };
    return null;
  }
  if (value !== null && typeof value === 'object' && depth >= MAX_DEPTH) {
    return { path: path || '(value)', message: `${path || 'value'} is nested more than ${MAX_DEPTH} levels deep` };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableString(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(k)) return { path: path ? `${path}.${k}` : k, message: `${path ? `${path}.${k}` : k} is not a known field` };
      const found = findUnstorableString(k, path ? `${path}.${k}` : k, depth + 1) ?? findUnstorableString(v, path ? `${path}.${k}` : k, depth + 1);
      if (found) return found;
    }
  }
  return null;
}
