/** Code-point order: the same on every database collation (PGlite and servers differ). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct values, the most frequent first (ties: code-point order). */
export function byFrequency(values: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return byCount(counts);
}

/** The keys of counted forms, the most counted first (ties: code-point order). */
function byCount(forms: ReadonlyMap<string, number>): string[] {
  return [...forms].sort(([a, x], [b, y]) => y - x || byCodePoint(a, b)).map(([v]) => v);
}

/** The form written most often (ties: code-point order), e.g. the label of a topic or a term. */
export function mostFrequent(forms: ReadonlyMap<string, number>): string {
  return byCount(forms)[0];
}
