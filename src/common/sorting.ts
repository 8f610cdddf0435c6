/** Code-point order: the same on every database collation (PGlite and servers differ). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
