import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import stopwordsIso from 'stopwords-iso';

/**
 * Significant terms of a contribution, for emerging topics (SPEC §3.8) and, later, inferred
 * interests: stop-words removed, words reduced by the Snowball stemmer of the text's language
 * (@orama/stemmers). French stop-words are the stopwords-iso list with the Snowball one (the
 * Snowball list alone keeps "plus", "depuis", "toujours"…); English ones are the Snowball list only,
 * because the stopwords-iso English list removes words that carry topics ("problem", "system",
 * "information", "work").
 *
 * Words are runs of letters and digits, lowercased; a word is stemmed as written (the stemmers
 * know accents) and the stem is then folded to ASCII, so "Problème", "problèmes" and
 * "probleme" meet on one key. Text words shorter than 3 characters and numbers are dropped.
 * A tag is one term as a whole (its words stemmed and joined by a space), unless it is a single
 * stop-word.
 */
export type Language = 'fr' | 'en';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
const FRENCH_STOPWORDS = new Set([...frenchStopwords, ...stopwordsIso.fr].map(fold));
const ENGLISH_STOPWORDS = new Set(englishStopwords.map(fold));
const WORD = /[\p{L}\p{N}]+/gu;
const MIN_WORD_LENGTH = 3;

export function isStopword(word: string): boolean {
  const folded = fold(word.toLowerCase());
  return FRENCH_STOPWORDS.has(folded) || ENGLISH_STOPWORDS.has(folded);
}

/** Lowercased words of a text, accents kept. */
export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

/** English when the text holds more English than French stop-words; French otherwise (the default). */
export function languageOf(textWords: readonly string[]): Language {
  let french = 0;
  let english = 0;
  for (const w of textWords) {
    const folded = fold(w);
    if (FRENCH_STOPWORDS.has(folded)) french++;
    if (ENGLISH_STOPWORDS.has(folded)) english++;
  }
  return english > french ? 'en' : 'fr';
}

/** Stems are memoised: a network's vocabulary is small next to its number of words, and stemming dominates the cost. */
const stems = { fr: new Map<string, string>(), en: new Map<string, string>() };
const MAX_MEMOISED = 200_000;

export function stemKey(word: string, language: Language): string {
  const memo = stems[language];
  let key = memo.get(word);
  if (key === undefined) {
    key = fold(language === 'en' ? englishStemmer(word) : frenchStemmer(word));
    if (memo.size >= MAX_MEMOISED) memo.clear();
    memo.set(word, key);
  }
  return key;
}

/** A term of an activity: `key` groups its forms, `form` is how it was written (lowercased), `inTag` whether a tag holds it. */
export interface Term {
  key: string;
  form: string;
  inTag: boolean;
}

/** The distinct terms of a contribution's text and tags (one entry per key, the first form seen). */
export function termsOf(text: string | null, tags: readonly string[] | null): Term[] {
  const textWords = text ? words(text) : [];
  const language = languageOf(textWords);
  const found = new Map<string, Term>();
  for (const w of textWords) {
    if (w.length < MIN_WORD_LENGTH || /^\p{N}+$/u.test(w) || isStopword(w)) continue;
    const key = stemKey(w, language);
    if (!found.has(key)) found.set(key, { key, form: w, inTag: false });
  }
  for (const tag of tags ?? []) {
    const tagWords = words(tag);
    if (tagWords.length === 0 || (tagWords.length === 1 && isStopword(tagWords[0]))) continue;
    const key = tagWords.map((w) => stemKey(w, language)).join(' ');
    const seen = found.get(key);
    if (seen) seen.inTag = true;
    else found.set(key, { key, form: tagWords.join(' '), inTag: true });
  }
  return [...found.values()];
}
