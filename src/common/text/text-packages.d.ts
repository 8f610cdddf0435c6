// @orama/stemmers and @orama/stopwords publish one entry per language through package.json
// "exports", which the node10 module resolution of this project does not read for types.
declare module '@orama/stemmers/french' {
  export function stemmer(word: string): string;
}
declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
}
declare module '@orama/stopwords/french' {
  export const stopwords: string[];
}
declare module '@orama/stopwords/english' {
  export const stopwords: string[];
}
// stopwords-iso ships its lists as one JSON file without types
declare module 'stopwords-iso' {
  const lists: Record<string, string[]>;
  export = lists;
}
