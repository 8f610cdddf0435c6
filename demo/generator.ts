import type { components } from '../src/client';

/**
 * A realistic network for `npm run demo`, generated from a seed: the same seed and the same `now`
 * give the same records. Everything is dated relative to `now`, so the dashboard's default window
 * (the 28 days ending now) is full. What it contains, on purpose (each one a story the dashboard tells):
 *
 * - groups with leaders, French and English threads over `months` months, reactions, shares, accepted answers;
 * - `onboarding`: questions left unanswered for days (the "answer-unanswered" adjustment);
 * - `sales`: its only leader stopped posting 40 days ago (leaderInactive, "revive-leadership");
 * - `rse`: talked about the decarbonisation objective before, much less in the last 28 days (alignment drift);
 * - a VPN problem asked about in many groups during the last 6 days only (an emerging topic of kind problem);
 * - `comex`: a confidential group (its name and text visible to admin keys only);
 * - two business objectives applying to this network, and declared profiles (expertise, competences, interests).
 */

type Schemas = components['schemas'];
export type DemoRecord = Schemas['MemberRecord'] | Schemas['GroupRecord'] | Schemas['MembershipRecord'] | Schemas['ActivityRecord'];
export type DemoActivity = Schemas['ActivityRecord'];

export interface DemoOptions {
  /** network key (also the prefix of member ids, which are org-wide) */
  network: string;
  seed?: number;
  /** 'full' (default): ~130 members, 6 months; 'small': a few dozen members and activities, for tests */
  size?: 'full' | 'small';
  now?: Date;
}

export interface DemoDataset {
  network: Schemas['CreateNetworkDto'];
  /** members, groups and memberships, to ingest first */
  directory: DemoRecord[];
  /** activities before now, in time order */
  activities: DemoActivity[];
  objectives: { key: string; body: Schemas['PutObjectiveDto'] }[];
  profiles: { member: string; body: Schemas['PutProfileDto'] }[];
  /** the members and groups the live phase draws from */
  live: { members: string[]; groups: string[] };
  /** what was put in on purpose, for the demo's summary and its test */
  facts: {
    unansweredQuestions: string[];
    inactiveLeader: string;
    inactiveLeaderGroup: string;
    driftingGroup: string;
    emergingTerm: string;
    confidentialGroup: string;
  };
}

/** mulberry32: a small deterministic PRNG */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Alice',
  'Bruno',
  'Chloé',
  'David',
  'Emma',
  'Farid',
  'Gabriel',
  'Hélène',
  'Inès',
  'Julien',
  'Karim',
  'Léa',
  'Manon',
  'Nicolas',
  'Olivia',
  'Paul',
  'Quentin',
  'Rose',
  'Sofia',
  'Thomas',
  'Ugo',
  'Victor',
  'Wendy',
  'Yasmine',
  'Zoé',
  'Amir',
  'Brigitte',
  'Camille',
  'Diane',
  'Ethan',
];
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Smith',
  'Nguyen',
  'Rossi',
  'Müller',
  'Kowalski',
];
const DEPARTMENTS = ['IT', 'R&D', 'Sales', 'Marketing', 'HR', 'Finance', 'Operations'];
const SITES = ['Paris', 'Lyon', 'Nantes', 'Toulouse', 'London'];

interface GroupPlan {
  id: string;
  name: string;
  visibility: 'public' | 'private' | 'confidential';
  /** roots per day, on average */
  rate: number;
  departments: string[];
  posts: string[];
  questions: string[];
  tags: string[];
}

const GROUPS: GroupPlan[] = [
  {
    id: 'cloud',
    name: 'Cloud & DevOps',
    visibility: 'public',
    rate: 1.6,
    departments: ['IT', 'R&D'],
    posts: [
      'Retour d’expérience : migration de notre CI vers Kubernetes',
      'Our cloud bill went down 18% after rightsizing the clusters',
      'Nouvelle plateforme cloud : le guide de démarrage est en ligne',
      'Post-mortem of Tuesday’s deployment incident',
      'Terraform modules are now shared in the platform repository',
      'Observabilité : nos tableaux Grafana pour les équipes produit',
    ],
    questions: [
      'How do we request a new Kubernetes namespace?',
      'Quelle région cloud choisir pour les données clients ?',
      'Is there a standard Helm chart for Java services?',
      'Comment réduire le temps de build de nos pipelines ?',
    ],
    tags: ['kubernetes', 'cloud', 'devops', 'terraform'],
  },
  {
    id: 'data',
    name: 'Data & IA',
    visibility: 'public',
    rate: 1.3,
    departments: ['IT', 'Marketing', 'Finance'],
    posts: [
      'Le nouveau catalogue de données est ouvert à tous',
      'We trained a churn model on last year’s contracts: first results',
      'Atelier IA générative jeudi : inscriptions ouvertes',
      'Data quality dashboard for the sales pipeline',
      'Bonnes pratiques pour anonymiser un jeu de données',
    ],
    questions: [
      'Which warehouse table holds the monthly revenue?',
      'Peut-on utiliser un LLM sur des documents internes ?',
      'Who owns the customer master data?',
      'Comment accéder au bac à sable data science ?',
    ],
    tags: ['data', 'ia', 'machine-learning', 'dataviz'],
  },
  {
    id: 'rse',
    name: 'RSE / Sustainability',
    visibility: 'public',
    rate: 0.9,
    departments: ['Operations', 'HR', 'Finance'],
    posts: [
      'Bilan carbone 2025 : les premiers chiffres par site',
      'Our sustainability report is out: scope 3 emissions explained',
      'Challenge mobilité douce : le vélo en tête à Nantes',
      'Réduire l’énergie de nos data centers : trois pistes',
    ],
    questions: ['Comment calculer l’empreinte carbone d’un déplacement ?', 'Where do we report energy savings ideas?'],
    tags: ['carbone', 'sustainability', 'energie', 'mobilite'],
  },
  {
    id: 'sales',
    name: 'Sales Excellence',
    visibility: 'public',
    rate: 0.8,
    departments: ['Sales', 'Marketing'],
    posts: [
      'Win story: the biggest deal of the quarter, step by step',
      'Nouveau kit de présentation client disponible',
      'Negotiation training: slides and recording',
      'Salon professionnel de mars : qui y va ?',
    ],
    questions: ['Quel modèle de proposition commerciale utiliser ?', 'How do we log a partner deal in the CRM?'],
    tags: ['sales', 'crm', 'negociation'],
  },
  {
    id: 'onboarding',
    name: 'Onboarding / Accueil',
    visibility: 'public',
    rate: 0.7,
    departments: ['HR', 'IT', 'Sales', 'Finance', 'Operations'],
    posts: ['Bienvenue aux nouveaux arrivants de ce mois !', 'Welcome pack: everything you need for your first week'],
    questions: [
      'Où trouver la procédure de note de frais ?',
      'How do I get access to the intranet from home?',
      'Qui contacter pour un badge perdu ?',
      'Is there a mentoring programme for newcomers?',
      'Comment réserver une salle de réunion ?',
    ],
    tags: ['onboarding', 'rh', 'badge', 'notes-de-frais'],
  },
  {
    id: 'lean',
    name: 'Lean & amélioration continue',
    visibility: 'private',
    rate: 0.6,
    departments: ['Operations', 'R&D'],
    posts: ['Kaizen de la semaine : le rangement de l’atelier B', 'Value stream mapping workshop results', 'Chantier 5S : avant / après'],
    questions: ['Quel outil pour suivre nos actions d’amélioration ?', 'How do you run a good retrospective?'],
    tags: ['lean', 'kaizen', 'amelioration'],
  },
  {
    id: 'comex',
    name: 'Comité de direction',
    visibility: 'confidential',
    rate: 0.3,
    departments: ['Finance', 'HR', 'Sales'],
    posts: ['Ordre du jour du prochain comité', 'Budget review: decisions to prepare'],
    questions: ['Qui présente le point stratégie ?'],
    tags: ['strategie', 'budget'],
  },
];

const REPLIES = [
  'Merci, très utile !',
  'Thanks, that helps a lot.',
  'On a eu le même problème, voici ce qui a marché pour nous.',
  'I can show you on Thursday if you want.',
  'La documentation est dans l’espace partagé de l’équipe.',
  'Good point, let’s add it to the next meeting.',
  'Je regarde et je reviens vers toi.',
  'We solved it with a small script, happy to share.',
];
/** One VPN question each: "vpn" is their only common term, so it is the one problem that emerges (SPEC §3.8). */
const VPN_QUESTIONS = [
  'Le VPN coupe depuis lundi, vous aussi ?',
  'VPN disconnects during video calls',
  'Impossible de joindre le VPN depuis Lyon',
  'VPN session drops every few minutes',
  'VPN très lent ce matin',
  'Le client VPN refuse mon mot de passe',
  'VPN error 809 on my laptop',
  'Déconnexions VPN en télétravail',
  'VPN blocks access to the intranet',
  'Certificat VPN expiré ?',
  'VPN unstable since the update',
  'Le VPN plante à chaque démarrage',
  'VPN timeout when uploading files',
  'Qui gère le VPN en cas de panne ?',
];

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The dataset for these options (pure: no I/O). */
export function generateDemo(options: DemoOptions): DemoDataset {
  const small = options.size === 'small';
  const random = seededRandom(options.seed ?? 42);
  const now = Math.floor((options.now ?? new Date()).getTime() / MINUTE) * MINUTE;
  const key = options.network;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;
  const iso = (ms: number) => new Date(ms).toISOString();
  const months = small ? 2 : 6;
  const start = now - months * 30 * DAY;
  const groups = small ? GROUPS.filter((g) => ['cloud', 'rse', 'sales', 'onboarding', 'comex'].includes(g.id)) : GROUPS;

  // members
  const memberCount = small ? 24 : 130;
  const members: { id: string; department: string }[] = [];
  const directory: DemoRecord[] = [];
  for (let i = 0; i < memberCount; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length];
    const department = DEPARTMENTS[i % DEPARTMENTS.length];
    const id = `${key}.${slug(first)}.${slug(last)}.${i + 1}`;
    members.push({ id, department });
    directory.push({
      type: 'member',
      externalId: id,
      displayName: `${first} ${last}`,
      email: `${slug(first)}.${slug(last)}${i + 1}@example.com`,
      department,
      site: SITES[i % SITES.length],
      jobTitle: pick(['Engineer', 'Chef de projet', 'Analyst', 'Manager', 'Consultant', 'Chargé(e) de mission']),
      joinedAt: iso(start - Math.floor(random() * 365) * DAY),
    });
  }

  // groups, leaders and memberships
  const groupMembers = new Map<string, string[]>();
  const leaders = new Map<string, string[]>();
  for (const [index, group] of groups.entries()) {
    const inDepartments = members.filter((m) => group.departments.includes(m.department));
    const others = members.filter((m) => !group.departments.includes(m.department));
    const size = small ? 8 : group.visibility === 'confidential' ? 10 : 22 + Math.floor(random() * 18);
    const chosen = new Set<string>();
    while (chosen.size < Math.min(size, members.length))
      chosen.add((chance(0.75) && inDepartments.length ? pick(inDepartments) : pick(others.length ? others : members)).id);
    const list = [...chosen];
    const groupLeaders = group.id === 'sales' ? [list[0]] : list.slice(0, small ? 1 : 2);
    groupMembers.set(group.id, list);
    leaders.set(group.id, groupLeaders);
    directory.push({ type: 'group', externalId: group.id, name: group.name, visibility: group.visibility, createdAt: iso(start - (30 + index) * DAY) });
    for (const member of list)
      directory.push({
        type: 'membership',
        group: group.id,
        member,
        role: groupLeaders.includes(member) ? 'leader' : 'member',
        joinedAt: iso(start - 10 * DAY),
      });
  }

  // threads
  const activities: DemoActivity[] = [];
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}-${(++counter).toString(36)}`;
  const inactiveLeader = leaders.get('sales')?.[0] ?? '';
  const inactiveSince = now - 40 * DAY;
  const unanswered: string[] = [];
  const authorOf = (group: string, at: number, exclude?: string): string => {
    const list = groupMembers.get(group) ?? [];
    for (let tries = 0; tries < 20; tries++) {
      // leaders write more than others
      const candidate = chance(0.3) ? pick(leaders.get(group) ?? list) : pick(list);
      if (candidate === exclude) continue;
      if (candidate === inactiveLeader && at >= inactiveSince) continue;
      return candidate;
    }
    return list.find((m) => m !== exclude && m !== inactiveLeader) ?? list[0];
  };

  const addThread = (group: GroupPlan, at: number, options: { question?: boolean; text?: string; tags?: string[]; unanswered?: boolean } = {}) => {
    const question = options.question ?? chance(0.35);
    const author = authorOf(group.id, at);
    const root = nextId(`${group.id}-${question ? 'q' : 'p'}`);
    const drifted = group.id === 'rse' && at >= now - 28 * DAY;
    const text =
      options.text ??
      (drifted
        ? pick(['Photos de la fête du site', 'Team lunch on Friday: who is in?', 'Nouveau planning des salles'])
        : pick(question ? group.questions : group.posts));
    const tags = options.tags ?? (drifted ? ['vie-de-site'] : [pick(group.tags)]);
    activities.push({ type: 'activity', externalId: root, kind: question ? 'question' : 'post', author, group: group.id, occurredAt: iso(at), text, tags });
    if (options.unanswered) {
      unanswered.push(root);
      return;
    }
    const replies = Math.floor(random() * (question ? 4 : 3)) + (question ? 1 : 0);
    let time = at;
    let lastReply: { id: string; author: string } | null = null;
    for (let r = 0; r < replies; r++) {
      time += Math.floor((chance(0.6) ? random() * 3 : 3 + random() * 30) * HOUR);
      if (time >= now) break;
      const replier = authorOf(group.id, time, author);
      const id = nextId(`${group.id}-r`);
      activities.push({
        type: 'activity',
        externalId: id,
        kind: 'reply',
        author: replier,
        group: group.id,
        parent: root,
        occurredAt: iso(time),
        text: pick(REPLIES),
      });
      lastReply ??= { id, author: replier };
    }
    const reactions = Math.floor(random() * 4);
    for (let r = 0; r < reactions; r++) {
      const when = at + Math.floor(random() * 48 * HOUR);
      if (when >= now) break;
      activities.push({
        type: 'activity',
        externalId: nextId(`${group.id}-x`),
        kind: 'reaction',
        author: authorOf(group.id, when, author),
        group: group.id,
        parent: root,
        occurredAt: iso(when),
        reaction: pick(['like', 'bravo', 'merci']),
      });
    }
    if (question && lastReply && chance(0.55)) {
      const when = Math.min(now - MINUTE, time + 2 * HOUR);
      if (when > time)
        activities.push({
          type: 'activity',
          externalId: nextId(`${group.id}-a`),
          kind: 'accept',
          author,
          group: group.id,
          parent: lastReply.id,
          occurredAt: iso(when),
        });
    }
    if (!question && chance(0.08)) {
      const target = pick(groups.filter((g) => g.visibility !== 'confidential' && g.id !== group.id));
      const when = at + Math.floor(random() * 24 * HOUR);
      if (when < now)
        activities.push({
          type: 'activity',
          externalId: nextId(`${target.id}-s`),
          kind: 'share',
          author: authorOf(target.id, when),
          group: target.id,
          parent: root,
          occurredAt: iso(when),
          text: 'À lire / worth reading',
        });
    }
  };

  const volume = small ? 0.25 : 1.5;
  for (let day = start; day < now - DAY; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    const weekFactor = weekday === 0 || weekday === 6 ? 0.2 : 1;
    // the network grows a little over the months
    const trend = 0.75 + (0.5 * (day - start)) / (now - start);
    for (const group of groups) {
      const expected = group.rate * weekFactor * trend * volume * (group.id === 'sales' && day >= inactiveSince ? 0.5 : 1);
      let roots = Math.floor(expected) + (chance(expected - Math.floor(expected)) ? 1 : 0);
      while (roots-- > 0) addThread(group, day + 8 * HOUR + Math.floor(random() * 10 * HOUR));
    }
  }
  // questions left unanswered in onboarding, 3 to 20 days ago
  const onboarding = groups.find((g) => g.id === 'onboarding') as GroupPlan;
  for (let i = 0; i < (small ? 3 : 6); i++)
    addThread(onboarding, now - (3 + i * 3) * DAY - 5 * HOUR, {
      question: true,
      text: onboarding.questions[i % onboarding.questions.length],
      tags: ['onboarding'],
      unanswered: true,
    });
  // the emerging problem: VPN questions in many groups over the last 6 days, never before
  const publicGroups = groups.filter((g) => g.visibility !== 'confidential');
  for (let i = 0; i < (small ? 5 : 14); i++) {
    const group = publicGroups[i % publicGroups.length];
    addThread(group, now - Math.floor((6 - (i * 5.5) / (small ? 5 : 14)) * DAY) + i * MINUTE, { question: true, text: VPN_QUESTIONS[i], tags: ['vpn'] });
  }
  activities.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.externalId.localeCompare(b.externalId));

  const objectives = [
    {
      key: `${key}-cloud-first`,
      body: {
        name: 'Cloud first / Priorité au cloud',
        keywords: [
          { term: 'cloud', weight: 2 },
          { term: 'kubernetes', weight: 1 },
          { term: 'migration', weight: 1 },
          { term: 'terraform', weight: 1 },
        ],
        networks: [key],
        active: true,
      },
    },
    {
      key: `${key}-decarbonation`,
      body: {
        name: 'Décarbonation / Decarbonisation',
        keywords: [
          { term: 'carbone', weight: 2 },
          { term: 'sustainability', weight: 2 },
          { term: 'energie', weight: 1 },
          { term: 'emissions', weight: 1 },
          { term: 'mobilite', weight: 1 },
        ],
        networks: [key],
        active: true,
      },
    },
  ];

  const topics = ['kubernetes', 'cloud', 'data', 'machine learning', 'carbone', 'negociation', 'lean', 'crm', 'terraform', 'onboarding'];
  const profiles = members.slice(0, small ? 8 : 40).map((m, i) => ({
    member: m.id,
    body: {
      expertise: [{ topic: topics[i % topics.length], level: 3 + (i % 3) }],
      competences: [{ topic: topics[(i + 3) % topics.length], level: 2 + (i % 4) }],
      interests: [{ topic: topics[(i + 5) % topics.length] }, { topic: pick(['ia', 'sustainability', 'vpn', 'dataviz']) }],
    },
  }));

  return {
    network: { key, name: `Réseau Innovation (${key})`, timezone: 'Europe/Paris' },
    directory,
    activities,
    objectives,
    profiles,
    live: { members: members.filter((m) => m.id !== inactiveLeader).map((m) => m.id), groups: publicGroups.map((g) => g.id) },
    facts: {
      unansweredQuestions: unanswered,
      inactiveLeader,
      inactiveLeaderGroup: 'sales',
      driftingGroup: 'rse',
      emergingTerm: 'vpn',
      confidentialGroup: 'comex',
    },
  };
}

/** Activities happening now, for the live phase: a thread root, or a reply / reaction to a recent root. */
export function liveActivities(dataset: DemoDataset, random: () => number, count: number, at: Date, roots: string[]): DemoActivity[] {
  const out: DemoActivity[] = [];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  for (let i = 0; i < count; i++) {
    const id = `live-${at.getTime().toString(36)}-${i}`;
    const author = pick(dataset.live.members);
    const occurredAt = new Date(at.getTime() - i).toISOString();
    if (roots.length === 0 || random() < 0.3) {
      const group = pick(dataset.live.groups);
      const question = random() < 0.4;
      const plan = GROUPS.find((g) => g.id === group) as GroupPlan;
      out.push({
        type: 'activity',
        externalId: id,
        kind: question ? 'question' : 'post',
        author,
        group,
        occurredAt,
        text: pick(question ? plan.questions : plan.posts),
        tags: [pick(plan.tags)],
      });
      roots.push(`${group}|${id}`);
    } else {
      const [group, parent] = pick(roots).split('|');
      out.push(
        random() < 0.5
          ? { type: 'activity', externalId: id, kind: 'reply', author, group, parent, occurredAt, text: pick(REPLIES) }
          : { type: 'activity', externalId: id, kind: 'reaction', author, group, parent, occurredAt },
      );
    }
  }
  return out;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
