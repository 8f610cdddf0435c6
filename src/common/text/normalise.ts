/**
 * SPEC §3.6 normalisation, shared by keywords, texts and tags so that they compare equal:
 * Unicode NFKD, combining marks dropped, lowercase, split on every character outside [a-z0-9]
 * (empty pieces dropped), and a token longer than 3 characters loses one final `s` or `x`
 * (a light plural rule: "réseaux" → "reseau", "données" → "donnee", "bus" stays "bus").
 */
export function normaliseTokens(input: string): string[] {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0)
    .map(singular);
}

function singular(token: string): string {
  return token.length > 3 && (token.endsWith('s') || token.endsWith('x')) ? token.slice(0, -1) : token;
}

/** True when `needle` occurs in `haystack` as a contiguous run of tokens. */
export function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let i = 0; i < needle.length; i++) if (haystack[start + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}

/**
 * SPEC §3.6 match: the keyword's token sequence occurs contiguously in the tokens of the text or of
 * any one tag — never across two tags or across text and tag. Whole tokens only, so "cybersécurité"
 * does not match "sécurité".
 */
export function keywordMatches(keyword: string, text: string | null, tags: readonly string[] | null): boolean {
  const needle = normaliseTokens(keyword);
  if (needle.length === 0) return false;
  if (text !== null && containsSequence(normaliseTokens(text), needle)) return true;
  return (tags ?? []).some((tag) => containsSequence(normaliseTokens(tag), needle));
}
