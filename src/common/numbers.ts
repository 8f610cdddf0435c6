/** Rates and indices: 4 decimals (SPEC §1); null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : round(numerator / denominator, 4);
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Durations from PostgreSQL (float seconds or null) to seconds with millisecond precision. */
export function seconds(value: number | string | null): number | null {
  return value === null ? null : round(Number(value), 3);
}
