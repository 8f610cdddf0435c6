/** Code-point order: the same on every database collation (PGlite and servers differ). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The form written most often (ties: code-point order), e.g. the label of a topic or a term. */
export function mostFrequent(forms: ReadonlyMap<string, number>): string {
  return [...forms].sort(([a, x], [b, y]) => y - x || byCodePoint(a, b))[0][0];
}
