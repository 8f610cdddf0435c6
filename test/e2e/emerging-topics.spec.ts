import { ingest, newActivity, newGroup, newMember, newMembership, newNetwork, RawRecord, uniqueKey } from '../support/factories';
import { networkGet } from '../support/indicators';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §3.8 emerging topics, docs/alignment.md "Emerging topics", on a hand-built network in
 * Europe/Paris. Every request uses at=2026-03-29, window=7d (the default):
 *
 *   W0 (current)  = local days 2026-03-23..2026-03-29 = [03-23T00:00+01:00, 03-30T00:00+02:00)
 *                   (DST: clocks go forward on 03-29 at 02:00, so the window ends at 03-29T22:00Z)
 *   W1 = [03-16, 03-23), W2 = [03-09, 03-16), W3 = [03-02, 03-09), W4 = [02-23, 03-02) (local days)
 *
 * Members m1, m2, m3 (R&D), m4, m5, m6 (Sales). Groups gpub (public), gpriv (private),
 * gconf (confidential); gghost is only referenced by activities, so it is a placeholder.
 *
 * Stop-words used below (Snowball lists of @orama/stopwords): French "le les des de du la ce au en
 * pas pour avec quelle"; English "the with are is over for we had why these so". "plus", "depuis",
 * "now", "another" are not stop-words.
 *
 * Stems (@orama/stemmers, then accent folding): fr vpn→vpn, projet(s)→projet, badge→badg,
 * imprimante(s)→imprim, cantine→cantin, restructuration→restructur; en outage(s)→outag.
 */
describe('emerging topics', () => {
  let t: TestApp;
  let key: string;
  let emptyKey: string;
  const AT = { at: '2026-03-29' };
  const p = uniqueKey('emt') + ':';
  const m = (n: number) => `${p}m${n}`;
  const pub = { group: 'gpub' };

  const act = (id: string, kind: string, author: number, at: string, fields: RawRecord = {}) => newActivity(id, kind, m(author), at, fields);

  /** Steady: 6 posts in each of the 5 windows, one a day from the window's first day, 10:00 local. */
  const steady: RawRecord[] = [];
  ['2026-03-23', '2026-03-16', '2026-03-09', '2026-03-02', '2026-02-23'].forEach((start, k) => {
    for (let d = 0; d < 6; d++) {
      const day = new Date(Date.parse(`${start}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
      steady.push(act(`s${k}${d}`, 'post', d + 1, `${day}T10:00:00+01:00`, { ...pub, text: d % 2 === 0 ? 'Le projet avance' : 'Les projets du mois' }));
    }
  });

  const records: RawRecord[] = [
    newMember(m(1), { department: 'R&D' }),
    newMember(m(2), { department: 'R&D' }),
    newMember(m(3), { department: 'R&D' }),
    newMember(m(4), { department: 'Sales' }),
    newMember(m(5), { department: 'Sales' }),
    newMember(m(6), { department: 'Sales' }),
    newGroup('gpub'),
    newGroup('gpriv', { visibility: 'private' }),
    newGroup('gconf', { visibility: 'confidential' }),
    ...[1, 2, 3, 4, 5, 6].map((n) => newMembership('gpub', m(n))),
    newMembership('gpriv', m(3)),
    ...[1, 2, 4, 5, 6].map((n) => newMembership('gconf', m(n))),
    ...steady,

    // The planted French burst: "vpn" nowhere before W0.
    act('v1', 'question', 1, '2026-03-24T09:00:00+01:00', { ...pub, text: 'Le VPN ne répond plus', tags: ['vpn'] }), // text + tag: 1 mention
    act('v2', 'question', 2, '2026-03-24T10:00:00+01:00', { ...pub, text: 'Impossible de joindre le vpn depuis ce matin' }),
    act('v3', 'question', 4, '2026-03-25T09:00:00+01:00', { ...pub, text: 'Souci de connexion au bureau', tags: ['vpn'] }), // tag only
    act('v4', 'question', 5, '2026-03-26T14:00:00+01:00', { text: 'Toujours pas de VPN' }), // no group
    act('v5', 'reply', 1, '2026-03-26T15:00:00+01:00', { parent: 'v4', text: 'Le vpn redémarre' }),
    act('v6', 'question', 2, '2026-03-27T08:00:00+01:00', { ...pub, text: 'VPN coupé', tags: ['vpn'] }),
    act('v7', 'question', 4, '2026-03-28T09:00:00+01:00', { ...pub, text: 'VPN encore en panne' }), // deleted below
    act('x1', 'reaction', 6, '2026-03-28T10:00:00+01:00', { ...pub, parent: 'v1', reaction: 'like', text: 'VPN VPN', tags: ['vpn'] }), // a reaction never counts

    // Stop-words only, heavily and only in W0: no term at all.
    act('w1', 'post', 1, '2026-03-24T12:00:00+01:00', { ...pub, text: 'Les des pour avec les des pour avec' }),
    act('w2', 'post', 2, '2026-03-25T12:00:00+01:00', { ...pub, text: 'Les des pour avec' }),
    act('w3', 'post', 4, '2026-03-26T12:00:00+01:00', { ...pub, text: 'Avec les des pour' }),
    act('w4', 'post', 5, '2026-03-27T12:00:00+01:00', { ...pub, text: 'The with the with' }),
    act('w5', 'post', 6, '2026-03-28T12:00:00+01:00', { ...pub, text: 'With the with the' }),
    act('w6', 'question', 3, '2026-03-28T13:00:00+01:00', { ...pub, text: 'Pour les des avec the with' }),

    // English burst, mostly posts; one mention in W4 (its very first instant), one just before W4.
    act('e00', 'post', 6, '2026-02-22T23:59:59+01:00', { ...pub, text: 'The outage is over' }), // before W4: not in the baseline
    act('e0', 'post', 5, '2026-02-23T00:00:00+01:00', { ...pub, text: 'The outage is over' }), // W4
    act('e1', 'post', 1, '2026-03-24T11:00:00+01:00', { ...pub, text: 'The outages are over' }),
    act('e2', 'post', 2, '2026-03-25T11:00:00+01:00', { ...pub, text: 'Another outage for the team' }),
    act('e3', 'post', 3, '2026-03-26T11:00:00+01:00', { group: 'gpriv', text: 'We had outages with the mail server' }), // private group: counted
    act('e4', 'question', 4, '2026-03-27T11:00:00+01:00', { ...pub, text: 'Why are these outages so long' }),
    act('e5', 'post', 6, '2026-03-28T11:00:00+01:00', { ...pub, text: 'The outages are fixed now' }),

    // A burst inside the confidential group only (would be restructuration: 5 mentions, score 5).
    act('c1', 'question', 1, '2026-03-24T14:00:00+01:00', { group: 'gconf', text: 'Restructuration annoncée' }),
    act('c2', 'question', 2, '2026-03-25T14:00:00+01:00', { group: 'gconf', text: 'Restructuration du service' }),
    act('c3', 'question', 4, '2026-03-26T14:00:00+01:00', { group: 'gconf', text: 'Quelle restructuration' }),
    act('c4', 'post', 5, '2026-03-27T14:00:00+01:00', { group: 'gconf', text: 'Restructuration confirmée' }),
    act('c5', 'question', 6, '2026-03-28T14:00:00+01:00', { group: 'gconf', text: 'Inquiétude', tags: ['restructuration'] }),

    // A burst inside a placeholder group (visibility unknown): left out as well (would be fusion: 4).
    act('h1', 'post', 1, '2026-03-24T15:00:00+01:00', { group: 'gghost', text: 'Fusion des équipes' }),
    act('h2', 'post', 2, '2026-03-25T15:00:00+01:00', { group: 'gghost', text: 'Fusion annoncée' }),
    act('h3', 'post', 4, '2026-03-26T15:00:00+01:00', { group: 'gghost', text: 'Fusion prévue' }),
    act('h4', 'post', 5, '2026-03-27T15:00:00+01:00', { group: 'gghost', text: 'Fusion reportée' }),

    // One author only, 4 mentions.
    act('i1', 'post', 3, '2026-03-24T16:00:00+01:00', { ...pub, text: 'Imprimante bloquée' }),
    act('i2', 'post', 3, '2026-03-25T16:00:00+01:00', { ...pub, text: 'Imprimante vide' }),
    act('i3', 'post', 3, '2026-03-26T16:00:00+01:00', { ...pub, text: 'Imprimantes du deuxième étage' }),
    act('i4', 'post', 3, '2026-03-27T16:00:00+01:00', { ...pub, text: 'Imprimante réparée' }),

    // Two mentions, two authors.
    act('k1', 'post', 4, '2026-03-24T17:00:00+01:00', { ...pub, text: 'La cantine ferme tôt' }),
    act('k2', 'post', 5, '2026-03-25T17:00:00+01:00', { ...pub, text: 'Menu de la cantine' }),

    // Local midnights and the DST change.
    act('b1', 'question', 1, '2026-03-23T00:00:00+01:00', { ...pub, text: 'Badge refusé' }), // first instant of W0
    act('b2', 'post', 2, '2026-03-29T23:30:00+02:00', { ...pub, text: 'Badge perdu' }), // 21:30Z, last local day of W0
    act('b3', 'post', 4, '2026-03-26T12:30:00+01:00', { ...pub, text: 'Nouveau badge' }),
    act('b4', 'post', 5, '2026-03-22T23:59:59+01:00', { ...pub, text: 'Badge oublié' }), // last second of W1
    act('b5', 'post', 3, '2026-03-30T00:00:00+02:00', { ...pub, text: 'Badge cassé' }), // 22:00Z: end of W0, excluded
  ];

  beforeAll(async () => {
    t = await startTestApp();
    key = await newNetwork(t, { timezone: 'Europe/Paris' });
    const res = await ingest(t, key, records);
    expect({ status: res.status, rejected: res.body.rejected }).toEqual({ status: 200, rejected: [] });
    const deletion = await ingest(t, key, [{ type: 'activity', externalId: 'v7', deleted: true }]);
    expect({ status: deletion.status, rejected: deletion.body.rejected }).toEqual({ status: 200, rejected: [] });
    emptyKey = await newNetwork(t, { timezone: 'Europe/Paris' });
  });
  afterAll(() => t.close());

  const topics = async (query: Record<string, string | number> = {}, network = key) => {
    const res = await networkGet(t, network, 'emerging-topics', query);
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: expect.objectContaining({ items: expect.any(Array) }) });
    expect(res.text).not.toMatch(/NaN|Infinity/);
    return res.body as { items: Array<Record<string, unknown>>; nextCursor: string | null };
  };

  /** Follows nextCursor until the last page. */
  const allTopics = async (query: Record<string, string | number>) => {
    const items: Array<Record<string, unknown>> = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const body = await topics(cursor === null ? query : { ...query, cursor });
      items.push(...body.items);
      cursor = body.nextCursor;
      if (cursor === null) return items;
    }
    throw new Error('too many pages');
  };

  // vpn: v1 (text and tag: once), v2, v3 (tag only), v4 (no group), v5 (reply), v6 = 6 mentions;
  // v7 deleted, x1 a reaction. Authors m1 (v1, v5), m2 (v2, v6), m4 (v3), m5 (v4) = 4.
  // Questions v1, v2, v3, v4, v6 = 5 > 6/2 → problem. Baseline (0+0+0+0)/4 = 0; score (6 − 0)/√1 = 6.
  // Samples, most recent first, 5 of 6: v6 03-27 08:00, v5 03-26 15:00, v4 03-26 14:00,
  // v3 03-25 09:00, v2 03-24 10:00 (v1 03-24 09:00 is the sixth).
  const VPN = { term: 'vpn', mentions: 6, authors: 4, questions: 5, baseline: 0, score: 6, kind: 'problem', samples: ['v6', 'v5', 'v4', 'v3', 'v2'] };
  // outag: e1, e2, e3 (private group), e4, e5 = 5 mentions; authors m1, m2, m3, m4, m6 = 5;
  // questions e4 = 1 → topic. Written forms: "outages" ×4 (e1, e3, e4, e5), "outage" ×1 (e2).
  // Baseline: W4 holds e0 (its first instant), e00 is before W4 → (0+0+0+1)/4 = 0.25;
  // score (5 − 0.25)/√1.25 = 4.75/1.1180340 = 4.248529 → 4.2485.
  const OUTAGES = {
    term: 'outages',
    mentions: 5,
    authors: 5,
    questions: 1,
    baseline: 0.25,
    score: 4.2485,
    kind: 'topic',
    samples: ['e5', 'e4', 'e3', 'e2', 'e1'],
  };
  // badg: b1 (03-23 00:00+01:00 = first instant of W0), b3, b2 (03-29 23:30+02:00 = 21:30Z < 22:00Z)
  // = 3 mentions; b5 (03-30 00:00+02:00) is after W0, b4 (03-22 23:59:59+01:00) is in W1.
  // Authors m1, m2, m4 = 3; questions b1 = 1 → topic. Baseline (1+0+0+0)/4 = 0.25;
  // score (3 − 0.25)/√1.25 = 2.75/1.1180340 = 2.459675 → 2.4597.
  const BADGE = { term: 'badge', mentions: 3, authors: 3, questions: 1, baseline: 0.25, score: 2.4597, kind: 'topic', samples: ['b2', 'b3', 'b1'] };
  // imprim: i1..i4, all by m3 = 4 mentions, 1 author; "imprimante" ×3, "imprimantes" ×1;
  // baseline 0, score 4/√1 = 4; no question → topic.
  const IMPRIMANTE = { term: 'imprimante', mentions: 4, authors: 1, questions: 0, baseline: 0, score: 4, kind: 'topic', samples: ['i4', 'i3', 'i2', 'i1'] };
  // cantin: k1 (m4), k2 (m5) = 2 mentions, 2 authors, baseline 0, score 2/√1 = 2.
  const CANTINE = { term: 'cantine', mentions: 2, authors: 2, questions: 0, baseline: 0, score: 2, kind: 'topic', samples: ['k2', 'k1'] };

  const terms = (items: Array<Record<string, unknown>>) => items.map((i) => i.term);

  it('default thresholds: exactly the vpn burst (first), the English burst and the badge term', async () => {
    // Every other term of W0 either has < 3 mentions, 1 author, scores 0 (projet 6/6, avance 3/3,
    // mois 3/3: steady) or comes from the confidential / placeholder groups.
    const body = await topics(AT);
    expect(body.items).toEqual([expect.objectContaining(VPN), expect.objectContaining(OUTAGES), expect.objectContaining(BADGE)]);
    expect(body.nextCursor).toBeNull();
  });

  it('window=7d is the default window', async () => {
    const body = await topics({ ...AT, window: '7d' });
    expect(body.items).toEqual([expect.objectContaining(VPN), expect.objectContaining(OUTAGES), expect.objectContaining(BADGE)]);
  });

  it('the planted French burst is ranked first as a problem', async () => {
    const body = await topics(AT);
    expect(body.items[0]).toEqual(expect.objectContaining(VPN));
  });

  it('a steady frequent term is not reported (score 0)', async () => {
    const body = await topics(AT);
    expect(terms(body.items)).not.toContain('projet');
    expect(terms(body.items)).not.toContain('projets');
  });

  it('a steady term scores 0 when minScore lets it through', async () => {
    // projet: 6 mentions in each window (s00..s05 in W0, by m1..m6); baseline (6+6+6+6)/4 = 6;
    // score (6 − 6)/√7 = 0. Written forms in W0: "projet" ×3 (s00, s02, s04), "projets" ×3
    // (s01, s03, s05): a tie, "projet" first in code-point order. Samples s05..s01 (03-28..03-24).
    const body = await topics({ ...AT, minScore: 0 });
    const projet = body.items.find((i) => i.term === 'projet');
    expect(projet).toEqual(
      expect.objectContaining({
        term: 'projet',
        mentions: 6,
        authors: 6,
        questions: 0,
        baseline: 6,
        score: 0,
        kind: 'topic',
        samples: ['s05', 's04', 's03', 's02', 's01'],
      }),
    );
    // avance (s00, s02, s04) and mois (s01, s03, s05): 3 a window, score 0 as well.
    expect(body.items.find((i) => i.term === 'avance')).toEqual(expect.objectContaining({ mentions: 3, baseline: 3, score: 0 }));
  });

  it('stop-words are never reported, whatever the thresholds', async () => {
    // Without the stop-word filter: les/des/pour/avec in w1, w2, w3, w6 (4 authors, baseline 0, score 4)
    // and the/with in w4, w5, w6 (3 authors, score 3), plus over/are/for/… of the English texts.
    const items = await allTopics({ ...AT, minMentions: 1, minAuthors: 1, minScore: 0, limit: 10 });
    const stop = ['les', 'des', 'pour', 'avec', 'the', 'with', 'are', 'over', 'for', 'these', 'why', 'had', 'pas', 'quelle'];
    expect(terms(items).filter((term) => stop.includes(String(term)))).toEqual([]);
  });

  it('French stop-words are the stopwords-iso list with the Snowball one: words only the former holds are no terms either', async () => {
    // plus (v1), depuis (v2), toujours (v4), nouveau (b3), deuxième (i3) are missing from the Snowball
    // French list but in stopwords-iso's (docs/alignment.md): never reported, whatever the thresholds
    const items = await allTopics({ ...AT, minMentions: 1, minAuthors: 1, minScore: 0, limit: 10 });
    expect(terms(items).filter((term) => ['plus', 'depuis', 'toujours', 'nouveau', 'deuxième'].includes(String(term)))).toEqual([]);
  });

  it('an English burst: plural merged by the English stemmer, most frequent written form, kind topic', async () => {
    const body = await topics(AT);
    expect(body.items.find((i) => i.term === 'outages' || i.term === 'outage')).toEqual(expect.objectContaining(OUTAGES));
  });

  it('leaves the confidential group and placeholder groups out entirely, even for the admin key', async () => {
    const items = await allTopics({ ...AT, minMentions: 1, minAuthors: 1, minScore: 0, limit: 10 });
    // Terms only found in gconf (c1..c5) or gghost (h1..h4).
    const hidden = ['restructuration', 'annoncée', 'service', 'confirmée', 'inquiétude', 'fusion', 'équipes', 'prévue', 'reportée'];
    expect(terms(items).filter((term) => hidden.includes(String(term)))).toEqual([]);
    const samples = items.flatMap((i) => i.samples as string[]);
    expect(samples.filter((id) => /^[ch]\d$/.test(id))).toEqual([]);
  });

  it('minimum support: one author is not enough by default, but is with minAuthors=1', async () => {
    expect(terms((await topics(AT)).items)).not.toContain('imprimante');
    const body = await topics({ ...AT, minAuthors: 1 });
    // by score: vpn 6, outages 4.2485, imprimante 4, badge 2.4597
    expect(body.items).toEqual([
      expect.objectContaining(VPN),
      expect.objectContaining(OUTAGES),
      expect.objectContaining(IMPRIMANTE),
      expect.objectContaining(BADGE),
    ]);
  });

  it('minimum support: 2 mentions are not enough by default, but are with minMentions=2', async () => {
    expect(terms((await topics(AT)).items)).not.toContain('cantine');
    const body = await topics({ ...AT, minMentions: 2 });
    // cantine: score 2 ≥ minScore 2; the other terms of W0 have 1 mention, 1 author or score 0.
    expect(body.items).toEqual([
      expect.objectContaining(VPN),
      expect.objectContaining(OUTAGES),
      expect.objectContaining(BADGE),
      expect.objectContaining(CANTINE),
    ]);
  });

  it('minScore filters on the score', async () => {
    // vpn 6 ≥ 4.3; outages 4.2485 < 4.3
    expect(terms((await topics({ ...AT, minScore: 4.3 })).items)).toEqual(['vpn']);
  });

  it('cuts the window at local midnights, across the DST change of 2026-03-29', async () => {
    const body = await topics(AT);
    expect(body.items.find((i) => i.term === 'badge')).toEqual(expect.objectContaining(BADGE));
    // The next day's window [03-24, 03-31) no longer holds b1 but holds b5:
    // badg mentions b3, b2, b5 = 3 (authors m4, m2, m3); questions 0 → topic.
    // Previous windows [03-17, 03-24), … : b1 and b4 → (2+0+0+0)/4 = 0.5; score (3 − 0.5)/√1.5 = 2.5/1.2247449 = 2.041241 → 2.0412.
    const next = await topics({ at: '2026-03-30' });
    expect(next.items.find((i) => i.term === 'badge')).toEqual(
      expect.objectContaining({
        term: 'badge',
        mentions: 3,
        authors: 3,
        questions: 0,
        baseline: 0.5,
        score: 2.0412,
        kind: 'topic',
        samples: ['b5', 'b2', 'b3'],
      }),
    );
  });

  it('deleted activities and reactions do not count', async () => {
    const body = await topics(AT);
    const vpn = body.items.find((i) => i.term === 'vpn');
    // with v7 (deleted): 7 mentions and v7 first in samples; with x1 (reaction): 7 mentions, 5 authors
    expect(vpn).toEqual(expect.objectContaining({ mentions: 6, authors: 4, questions: 5 }));
    expect(vpn?.samples).toEqual(['v6', 'v5', 'v4', 'v3', 'v2']);
  });

  it('every term of the window, paged with limit and cursor', async () => {
    // All terms with ≥ 1 mention, in order: score desc, mentions desc, term (code-point order).
    // Terms with one mention in W0 and none before score (1 − 0)/√1 = 1; projet, avance, mois score 0.
    const items = await allTopics({ ...AT, minMentions: 1, minAuthors: 1, minScore: 0, limit: 10 });
    expect(items.map((i) => [i.term, i.mentions, i.score])).toEqual([
      ['vpn', 6, 6],
      ['outages', 5, 4.2485],
      ['imprimante', 4, 4],
      ['badge', 3, 2.4597],
      ['cantine', 2, 2],
      // single mentions, term in code-point order (accented letters after z)
      // (plus, depuis, toujours, nouveau, deuxième are French stop-words: see above)
      ['another', 1, 1],
      ['bloquée', 1, 1],
      ['bureau', 1, 1],
      ['connexion', 1, 1],
      ['coupé', 1, 1],
      ['ferme', 1, 1],
      ['fixed', 1, 1],
      ['impossible', 1, 1],
      ['joindre', 1, 1],
      ['long', 1, 1],
      ['mail', 1, 1],
      ['matin', 1, 1],
      ['menu', 1, 1],
      ['now', 1, 1],
      ['perdu', 1, 1],
      ['redémarre', 1, 1],
      ['refusé', 1, 1],
      ['réparée', 1, 1],
      ['répond', 1, 1],
      ['server', 1, 1],
      ['souci', 1, 1],
      ['team', 1, 1],
      ['tôt', 1, 1],
      ['vide', 1, 1],
      ['étage', 1, 1],
      // steady: score 0, by mentions then term
      ['projet', 6, 0],
      ['avance', 3, 0],
      ['mois', 3, 0],
    ]);
  });

  it('pages the default answer with limit=2', async () => {
    const first = await topics({ ...AT, limit: 2 });
    expect(terms(first.items)).toEqual(['vpn', 'outages']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await topics({ ...AT, limit: 2, cursor: first.nextCursor as string });
    expect(terms(second.items)).toEqual(['badge']);
    expect(second.nextCursor).toBeNull();
  });

  it('an empty network → 200 with no item', async () => {
    const body = await topics(AT, emptyKey);
    expect(body).toEqual(expect.objectContaining({ items: [], nextCursor: null }));
  });

  it('accepts window bounds 1d and 90d', async () => {
    await topics({ ...AT, window: '1d' });
    await topics({ ...AT, window: '90d' });
  });

  it.each([
    ['window=0d', { window: '0d' }],
    ['window=91d', { window: '91d' }],
    ['window=7 (no unit)', { window: '7' }],
    ['at=2026-02-30', { at: '2026-02-30' }],
    ['minScore=abc', { minScore: 'abc' }],
  ])('%s → 400 problem+json', async (_, query) => {
    const res = await networkGet(t, key, 'emerging-topics', { ...AT, ...query });
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
  });
});
