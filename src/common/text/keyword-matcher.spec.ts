import { KeywordMatcher } from './keyword-matcher';
import { normaliseTokens } from './normalise';

const keyword = (id: number, term: string) => ({ id, tokens: normaliseTokens(term).join(' ') });

describe('KeywordMatcher', () => {
  const matcher = new KeywordMatcher([keyword(1, 'sécurité'), keyword(2, 'mot de passe'), keyword(3, 'réseaux sociaux'), keyword(4, 'cloud')]);

  it('matches whole tokens after normalisation, never inside a longer word', () => {
    expect(matcher.match('La SÉCURITÉ avant tout', null)).toEqual([1]);
    expect(matcher.match('La cybersécurité avant tout', null)).toEqual([]);
  });

  it('matches a phrase only where its tokens are contiguous, in the text or inside one tag', () => {
    expect(matcher.match('Changer son mot de passe', null)).toEqual([2]);
    expect(matcher.match('Un mot pour de passe', null)).toEqual([]);
    expect(matcher.match(null, ['mot de passe'])).toEqual([2]);
    expect(matcher.match(null, ['mot', 'de passe'])).toEqual([]);
    expect(matcher.match('mot', ['de passe'])).toEqual([]);
  });

  it('applies the light plural rule on both sides and reports each keyword once', () => {
    expect(matcher.match('Les Réseaux Sociaux du groupe', ['Cloud', 'clouds'])).toEqual([3, 4]);
    // the rule only drops a final s or x: "sociaux" → "sociau", which "social" is not
    expect(matcher.match('Le réseau social interne', null)).toEqual([]);
  });

  it('matches a phrase that starts where a shorter partial candidate failed', () => {
    expect(matcher.match('mot mot de passe', null)).toEqual([2]);
  });

  it('matches nothing without keywords', () => {
    expect(new KeywordMatcher([]).match('sécurité', ['cloud'])).toEqual([]);
  });
});
