import { normaliseTokens } from './normalise';

export interface MatcherKeyword {
  id: number;
  /** SPEC §3.6 tokens, joined by single spaces (objective_keywords.tokens). */
  tokens: string;
}

/**
 * Finds which keywords a contribution matches (SPEC §3.6: the keyword's token sequence occurs
 * contiguously in the tokens of the text or of any one tag). Keywords are indexed by their first
 * token, so a text is walked once whatever the number of keywords.
 */
export class KeywordMatcher {
  private readonly byFirstToken = new Map<string, { id: number; tokens: string[] }[]>();
  /** Ids of the keywords it matches. */
  readonly keywordIds: number[];

  constructor(keywords: readonly MatcherKeyword[]) {
    this.keywordIds = keywords.map((k) => k.id);
    for (const k of keywords) {
      const tokens = k.tokens.split(' ');
      const list = this.byFirstToken.get(tokens[0]) ?? [];
      list.push({ id: k.id, tokens });
      this.byFirstToken.set(tokens[0], list);
    }
  }

  get isEmpty(): boolean {
    return this.byFirstToken.size === 0;
  }

  /** Ids of the keywords matched by the text or by one of the tags, each once, ascending. */
  match(text: string | null, tags: readonly string[] | null): number[] {
    if (this.isEmpty) return [];
    const found = new Set<number>();
    if (text) this.scan(normaliseTokens(text), found);
    for (const tag of tags ?? []) this.scan(normaliseTokens(tag), found);
    return [...found].sort((a, b) => a - b);
  }

  private scan(tokens: string[], found: Set<number>): void {
    tokens.forEach((token, start) => {
      for (const k of this.byFirstToken.get(token) ?? []) {
        if (found.has(k.id) || start + k.tokens.length > tokens.length) continue;
        if (k.tokens.every((t, i) => tokens[start + i] === t)) found.add(k.id);
      }
    });
  }
}
