import { containsSequence, keywordMatches, normaliseTokens } from './normalise';

describe('SPEC §3.6 normalisation', () => {
  it.each([
    ['Cybersécurité', ['cybersecurite']],
    ['Données PERSONNELLES', ['donnee', 'personnelle']], // accents folded, case folded, plural s dropped
    ['réseaux', ['reseau']], // plural x dropped
    ['bus gaz abs', ['bus', 'gaz', 'abs']], // 3 characters: kept as written
    ['bass', ['bas']], // one final s only
    ['e-mail, VPN/SSO: 2FA!', ['e', 'mail', 'vpn', 'sso', '2fa']], // every character outside [a-z0-9] splits
    ['ﬁchiers', ['fichier']], // NFKD expands the ligature
    ['  ', []],
  ])('%j → %j', (input, expected) => {
    expect(normaliseTokens(input)).toEqual(expected);
  });
});

describe('contiguous token match', () => {
  it('finds a run, not scattered tokens', () => {
    expect(containsSequence(['a', 'b', 'c'], ['b', 'c'])).toBe(true);
    expect(containsSequence(['a', 'b', 'x', 'c'], ['b', 'c'])).toBe(false);
    expect(containsSequence(['a'], ['a', 'b'])).toBe(false);
    expect(containsSequence(['a'], [])).toBe(false);
  });

  it('matches whole tokens: "cybersécurité" does not match "sécurité"', () => {
    expect(keywordMatches('sécurité', 'Formation cybersécurité', null)).toBe(false);
    expect(keywordMatches('sécurité', 'La sécurité des postes', null)).toBe(true);
  });

  it('matches multi-word keywords across accents, case and plurals', () => {
    expect(keywordMatches('donnée personnelle', 'Protection des DONNÉES personnelles au bureau', null)).toBe(true);
    expect(keywordMatches('data privacy', 'privacy of data', null)).toBe(false); // order matters
  });

  it('matches inside one tag, never across two tags or text and tag', () => {
    expect(keywordMatches('cloud souverain', null, ['Cloud-Souverain'])).toBe(true);
    expect(keywordMatches('cloud souverain', null, ['cloud', 'souverain'])).toBe(false);
    expect(keywordMatches('cloud souverain', 'notre cloud', ['souverain'])).toBe(false);
  });

  it('a keyword that normalises to nothing matches nothing', () => {
    expect(keywordMatches('!!', 'anything !!', ['!!'])).toBe(false);
  });
});
