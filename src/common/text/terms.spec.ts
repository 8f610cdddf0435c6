import { isStopword, languageOf, termsOf, words } from './terms';

describe('terms of a contribution', () => {
  it('drops French and English stop-words, short words and numbers', () => {
    const keys = termsOf('Les serveurs de la VPN sont en panne depuis 2 jours, avec le the and 2026', null).map((t) => t.form);
    expect(keys).toEqual(['serveurs', 'vpn', 'panne', 'jours']);
    expect(['les', 'avec', 'the', 'and', 'pour'].every(isStopword)).toBe(true);
  });

  it('merges inflected forms through the stemmer of the text language and folds accents after stemming', () => {
    const french = termsOf('Problème de serveur : les serveurs ont des problèmes', null);
    expect(french.map((t) => t.key)).toEqual(['problem', 'serveur']);
    // the Snowball algorithm itself keeps "connexion" and "connexions" apart (the -ions rule)
    expect(termsOf('connexion connexions', null).map((t) => t.key)).toEqual(['connexion', 'connex']);
    const english = termsOf('The outage and the outages of the servers', null);
    expect(english.map((t) => t.key)).toEqual(['outag', 'server']);
  });

  it('chooses English only when English stop-words outnumber French ones', () => {
    expect(languageOf(words('the VPN is down for the whole team'))).toBe('en');
    expect(languageOf(words("le VPN est tombé pour toute l'équipe"))).toBe('fr');
    expect(languageOf(words('VPN'))).toBe('fr');
  });

  it('keeps a tag whole and merges it with the same word in the text', () => {
    const terms = termsOf('Le VPN ne répond plus', ['VPN', 'Mot de passe', 'les']);
    expect(terms).toEqual([
      { key: 'vpn', form: 'vpn', inTag: true },
      { key: 'repond', form: 'répond', inTag: false },
      { key: 'mot de pass', form: 'mot de passe', inTag: true },
    ]);
  });
});
