/** The dashboard's labels in English and French, and locale-aware formatting of figures. */
export type Lang = 'en' | 'fr';

const en = {
  title: 'CNO dashboard',
  subtitle: 'Health, activity and people of your networks, from the CNO analytics API',
  language: 'Language',
  keyLabel: 'API key',
  keyHint: 'A cno or admin key. It stays in this browser tab (session storage) and is sent only to this service.',
  useKey: 'Use this key',
  forgetKey: 'Forget the key',
  network: 'Network',
  period: 'Period',
  days: '{n} days ending now',
  scope: 'Scope',
  wholeNetwork: 'whole network',
  groupScope: 'group {name}',
  clearGroup: 'Back to the whole network',
  reload: 'Reload',
  loading: 'Loading…',
  retry: 'Retry',
  windowLabel: 'From {from} to {to}',
  // states
  noKey:
    'Enter an API key above to load the dashboard (a key with the cno or admin role; an admin gets one from the admin-api-key file in the data folder, or from npm run demo).',
  unauthorized: 'This key is unknown or revoked (401): enter another key.',
  forbidden: 'This key may not read this (403): use a key with the cno or admin role, allowed on this network.',
  notFound: 'Not found (404): the network or group may have been removed. Pick another one.',
  unreachable: 'The service cannot be reached: check that it is running (npm start), then retry.',
  failed: 'The service answered {status}: {detail}',
  noNetworks: 'No network yet: create one (POST /v1/networks) and ingest events, or run npm run demo.',
  noData: 'No data in this window yet: ingest events (POST /v1/networks/{key}/events) or run npm run demo.',
  notAvailable: 'This service does not offer it yet.',
  // live
  live: 'Live',
  liveConnecting: 'connecting…',
  liveOn: 'live',
  liveOff: 'disconnected, retrying…',
  liveNetworkWide: 'Counters of the whole network.',
  today: 'Today',
  lastHour: 'Last hour',
  activities: 'Activities',
  contributions: 'Contributions',
  questions: 'Questions',
  activeMembers: 'Active members',
  unansweredQuestions: 'Unanswered questions',
  latestActivity: 'Latest activity',
  inGroup: 'in {group}',
  noGroup: 'no group',
  // scorecard
  scorecard: 'Health scorecard',
  adjustments: 'Recommended adjustments',
  noAdjustments: 'No adjustment needed: every rule is within its threshold.',
  dimensions: 'Dimensions',
  priority: 'Priority',
  evidence: 'Evidence',
  suggestions: 'Suggestions',
  previous: 'previous',
  threshold: 'threshold',
  status_good: 'good',
  status_watch: 'watch',
  status_act: 'act',
  priority_high: 'high',
  priority_medium: 'medium',
  priority_low: 'low',
  'kind_answer-unanswered': 'Answer unanswered questions',
  'kind_treat-emerging-problem': 'Treat an emerging problem',
  'kind_realign-group': 'Realign a group',
  'kind_reduce-dependency': 'Reduce dependency',
  'kind_open-silo': 'Open a silo',
  'kind_cover-expertise': 'Cover an expertise',
  'kind_declining-activity': 'Declining activity',
  'kind_revive-leadership': 'Revive leadership',
  dim_activity: 'Activity (growth)',
  dim_participation: 'Participation',
  dim_responsiveness: 'Responsiveness (median first response)',
  dim_unanswered: 'Unanswered questions',
  dim_leadership: 'Leadership (inactive leaders)',
  dim_concentration: 'Concentration (bus factor)',
  dim_alignment: 'Alignment',
  dim_diffusion: 'Diffusion (E-I index)',
  groupsHealth: 'Groups',
  // activity
  activity: 'Activity',
  day: 'Day',
  thisPeriod: 'This period',
  previousPeriod: 'Previous period',
  contributionsPerDay: 'Contributions per day, this period and the previous one',
  members: 'Members',
  participationRate: 'Participation rate',
  growth: 'Growth',
  posts: 'Posts',
  replies: 'Replies',
  reactions: 'Reactions',
  contributors: 'Contributors',
  // comparison
  comparison: 'Groups and leaders',
  groups: 'Groups',
  leaders: 'Leaders',
  name: 'Name',
  responseRate: 'Response rate',
  medianTimeToFirstResponse: 'Median first response',
  alignmentRate: 'Alignment rate',
  groupsLed: 'Groups led',
  ownContributions: 'Own contributions',
  firstResponses: 'First responses',
  leaderInactive: 'Leader inactive',
  sortBy: 'Sort by {column}',
  scopeTo: 'Show {name} only',
  confidential: 'confidential group',
  yes: 'yes',
  no: 'no',
  // responsiveness
  responsiveness: 'Responsiveness',
  resolvedRate: 'Resolved rate',
  unansweredList: 'Unanswered questions, oldest first',
  noUnanswered: 'No unanswered question in this window.',
  question: 'Question',
  author: 'Author',
  group: 'Group',
  askedAt: 'Asked',
  waiting: 'Waiting for',
  // alignment
  alignment: 'Alignment with business objectives',
  objective: 'Objective',
  matches: 'Matches',
  share: 'Share',
  noObjectives: 'No active objective applies to this network: define one with PUT /v1/objectives/{key}.',
  drift: 'Drift per group (this period against the previous one)',
  change: 'Change',
  noDrift: 'No group with contributions in these two periods.',
  alignmentPending: 'Keywords are being re-matched: figures may still change.',
  // change adoption
  adoption: 'Change adoption',
  adoptionNote:
    'Per active objective, its mentions (contributions matching its keywords) in this period. Pulled share: mentions that are questions or replies in a question’s thread, the collaborators’ needs. Pushed share: posts and shares by a leader of their group. Organic reach: other members who replied to or reacted on a mention. Choose an objective to see its authors over time.',
  noAdoptionObjectives:
    'No active objective applies to this network. Define one with PUT /v1/objectives/<objective-key> (role cno or admin; a key limited to networks must list them): its name, its keywords with their weights, and networks: ["{key}"] (or none for every network). Existing contributions are then re-matched in the background.',
  departments: 'Departments',
  pulled: 'Pulled mentions',
  pushed: 'Pushed mentions',
  pullShare: 'Pulled share',
  pushShare: 'Pushed share',
  organicReach: 'Organic reach',
  firstMentionAt: 'First mention',
  adoptionDriver: 'Pulled or pushed',
  driver_pulled: 'Pulled by collaborators',
  driver_pushed: 'Pushed by leaders',
  driver_balanced: 'As much pulled as pushed',
  driver_neither: 'Neither pulled nor pushed (other posts and replies)',
  driver_none: 'No mention in this period',
  driverDetail: '{pulled} of mentions are questions or replies to them, {pushed} are leaders’ posts and shares',
  showAdoption: 'Show the authors of {name} over time',
  adoptionSeries: 'Authors of “{name}” per day: new and cumulative',
  newAuthors: 'New authors',
  cumulativeAuthors: 'Cumulative authors',
  noMentions: 'No mention of {name} in this period.',
  rematching: 're-matching',
  // topics
  topics: 'Emerging topics (last 7 days)',
  topicsNetworkWide: 'Always over the whole network.',
  term: 'Term',
  kind: 'Kind',
  kind_problem: 'problem',
  kind_topic: 'topic',
  mentions: 'Mentions',
  authors: 'Authors',
  score: 'Score',
  noTopics: 'No emerging topic in the last 7 days.',
  // people
  people: 'People',
  animators: 'Animator candidates',
  noAnimators: 'No candidate yet: the people index is computed in the background; come back in a few minutes.',
  experts: 'Experts',
  expertTopic: 'Topic',
  findExperts: 'Find experts',
  noExperts: 'No observed or declared expert on “{topic}”.',
  chooseTopic: 'Enter a topic to find its experts.',
  rank: 'Rank',
  department: 'Department',
  peopleHelped: 'People helped',
  acceptedAnswers: 'Accepted answers',
  declaredLevel: 'Declared level',
  member: 'Member',
  hidden: 'hidden',
};

export type LabelKey = keyof typeof en;

const fr: Record<LabelKey, string> = {
  title: 'Tableau de bord du CNO',
  subtitle: 'Santé, activité et personnes de vos réseaux, depuis l’API CNO analytics',
  language: 'Langue',
  keyLabel: 'Clé d’API',
  keyHint: 'Une clé cno ou admin. Elle reste dans cet onglet (stockage de session) et n’est envoyée qu’à ce service.',
  useKey: 'Utiliser cette clé',
  forgetKey: 'Oublier la clé',
  network: 'Réseau',
  period: 'Période',
  days: '{n} jours jusqu’à maintenant',
  scope: 'Périmètre',
  wholeNetwork: 'tout le réseau',
  groupScope: 'groupe {name}',
  clearGroup: 'Revenir à tout le réseau',
  reload: 'Recharger',
  loading: 'Chargement…',
  retry: 'Réessayer',
  windowLabel: 'Du {from} au {to}',
  noKey:
    'Saisissez une clé d’API ci-dessus pour charger le tableau de bord (rôle cno ou admin ; un administrateur la trouve dans le fichier admin-api-key du dossier de données, ou via npm run demo).',
  unauthorized: 'Cette clé est inconnue ou révoquée (401) : saisissez-en une autre.',
  forbidden: 'Cette clé n’a pas le droit de lire ceci (403) : utilisez une clé de rôle cno ou admin, autorisée sur ce réseau.',
  notFound: 'Introuvable (404) : le réseau ou le groupe a peut-être été supprimé. Choisissez-en un autre.',
  unreachable: 'Le service est injoignable : vérifiez qu’il tourne (npm start), puis réessayez.',
  failed: 'Le service a répondu {status} : {detail}',
  noNetworks: 'Aucun réseau pour l’instant : créez-en un (POST /v1/networks) et ingérez des événements, ou lancez npm run demo.',
  noData: 'Pas encore de données sur cette période : ingérez des événements (POST /v1/networks/{key}/events) ou lancez npm run demo.',
  notAvailable: 'Ce service ne le propose pas encore.',
  live: 'En direct',
  liveConnecting: 'connexion…',
  liveOn: 'en direct',
  liveOff: 'déconnecté, nouvelle tentative…',
  liveNetworkWide: 'Compteurs de tout le réseau.',
  today: 'Aujourd’hui',
  lastHour: 'Dernière heure',
  activities: 'Activités',
  contributions: 'Contributions',
  questions: 'Questions',
  activeMembers: 'Membres actifs',
  unansweredQuestions: 'Questions sans réponse',
  latestActivity: 'Dernière activité',
  inGroup: 'dans {group}',
  noGroup: 'sans groupe',
  scorecard: 'Bilan de santé',
  adjustments: 'Ajustements recommandés',
  noAdjustments: 'Aucun ajustement nécessaire : chaque règle est sous son seuil.',
  dimensions: 'Dimensions',
  priority: 'Priorité',
  evidence: 'Éléments chiffrés',
  suggestions: 'Suggestions',
  previous: 'précédent',
  threshold: 'seuil',
  status_good: 'bon',
  status_watch: 'à surveiller',
  status_act: 'à traiter',
  priority_high: 'haute',
  priority_medium: 'moyenne',
  priority_low: 'basse',
  'kind_answer-unanswered': 'Répondre aux questions en attente',
  'kind_treat-emerging-problem': 'Traiter un problème émergent',
  'kind_realign-group': 'Réaligner un groupe',
  'kind_reduce-dependency': 'Réduire la dépendance',
  'kind_open-silo': 'Ouvrir un silo',
  'kind_cover-expertise': 'Couvrir une expertise',
  'kind_declining-activity': 'Activité en baisse',
  'kind_revive-leadership': 'Relancer l’animation',
  dim_activity: 'Activité (croissance)',
  dim_participation: 'Participation',
  dim_responsiveness: 'Réactivité (première réponse médiane)',
  dim_unanswered: 'Questions sans réponse',
  dim_leadership: 'Animation (animateurs inactifs)',
  dim_concentration: 'Concentration (bus factor)',
  dim_alignment: 'Alignement',
  dim_diffusion: 'Diffusion (indice E-I)',
  groupsHealth: 'Groupes',
  activity: 'Activité',
  day: 'Jour',
  thisPeriod: 'Cette période',
  previousPeriod: 'Période précédente',
  contributionsPerDay: 'Contributions par jour, cette période et la précédente',
  members: 'Membres',
  participationRate: 'Taux de participation',
  growth: 'Croissance',
  posts: 'Publications',
  replies: 'Réponses',
  reactions: 'Réactions',
  contributors: 'Contributeurs',
  comparison: 'Groupes et animateurs',
  groups: 'Groupes',
  leaders: 'Animateurs',
  name: 'Nom',
  responseRate: 'Taux de réponse',
  medianTimeToFirstResponse: 'Première réponse médiane',
  alignmentRate: 'Taux d’alignement',
  groupsLed: 'Groupes animés',
  ownContributions: 'Contributions propres',
  firstResponses: 'Premières réponses',
  leaderInactive: 'Animateur inactif',
  sortBy: 'Trier par {column}',
  scopeTo: 'Afficher seulement {name}',
  confidential: 'groupe confidentiel',
  yes: 'oui',
  no: 'non',
  responsiveness: 'Réactivité',
  resolvedRate: 'Taux de résolution',
  unansweredList: 'Questions sans réponse, les plus anciennes d’abord',
  noUnanswered: 'Aucune question sans réponse sur cette période.',
  question: 'Question',
  author: 'Auteur',
  group: 'Groupe',
  askedAt: 'Posée le',
  waiting: 'En attente depuis',
  alignment: 'Alignement sur les objectifs métier',
  objective: 'Objectif',
  matches: 'Correspondances',
  share: 'Part',
  noObjectives: 'Aucun objectif actif ne s’applique à ce réseau : définissez-en un avec PUT /v1/objectives/{key}.',
  drift: 'Dérive par groupe (cette période contre la précédente)',
  change: 'Évolution',
  noDrift: 'Aucun groupe avec des contributions sur ces deux périodes.',
  alignmentPending: 'Les mots-clés sont en cours de recalcul : les chiffres peuvent encore changer.',
  adoption: 'Adoption du changement',
  adoptionNote:
    'Pour chaque objectif actif, ses mentions (contributions contenant ses mots-clés) sur la période. Part tirée : mentions qui sont des questions ou des réponses dans le fil d’une question, les besoins des collaborateurs. Part poussée : publications et partages d’un animateur de leur groupe. Portée organique : autres membres ayant répondu ou réagi à une mention. Choisissez un objectif pour voir ses auteurs dans le temps.',
  noAdoptionObjectives:
    'Aucun objectif actif ne s’applique à ce réseau. Définissez-en un avec PUT /v1/objectives/<clé-objectif> (rôle cno ou admin ; une clé limitée à des réseaux doit les indiquer) : son nom, ses mots-clés pondérés et networks: ["{key}"] (ou rien pour tous les réseaux). Les contributions existantes sont alors recalculées en arrière-plan.',
  departments: 'Services',
  pulled: 'Mentions tirées',
  pushed: 'Mentions poussées',
  pullShare: 'Part tirée',
  pushShare: 'Part poussée',
  organicReach: 'Portée organique',
  firstMentionAt: 'Première mention',
  adoptionDriver: 'Tiré ou poussé',
  driver_pulled: 'Tiré par les collaborateurs',
  driver_pushed: 'Poussé par les animateurs',
  driver_balanced: 'Autant tiré que poussé',
  driver_neither: 'Ni tiré ni poussé (autres publications et réponses)',
  driver_none: 'Aucune mention sur cette période',
  driverDetail: '{pulled} des mentions sont des questions ou leurs réponses, {pushed} des publications et partages d’animateurs',
  showAdoption: 'Afficher les auteurs de {name} dans le temps',
  adoptionSeries: 'Auteurs de « {name} » par jour : nouveaux et cumulés',
  newAuthors: 'Nouveaux auteurs',
  cumulativeAuthors: 'Auteurs cumulés',
  noMentions: 'Aucune mention de {name} sur cette période.',
  rematching: 'recalcul en cours',
  topics: 'Sujets émergents (7 derniers jours)',
  topicsNetworkWide: 'Toujours sur tout le réseau.',
  term: 'Terme',
  kind: 'Nature',
  kind_problem: 'problème',
  kind_topic: 'sujet',
  mentions: 'Mentions',
  authors: 'Auteurs',
  score: 'Score',
  noTopics: 'Aucun sujet émergent sur les 7 derniers jours.',
  people: 'Personnes',
  animators: 'Futurs animateurs',
  noAnimators: 'Pas encore de candidat : l’index des personnes est calculé en arrière-plan ; revenez dans quelques minutes.',
  experts: 'Experts',
  expertTopic: 'Sujet',
  findExperts: 'Trouver des experts',
  noExperts: 'Aucun expert observé ou déclaré sur « {topic} ».',
  chooseTopic: 'Saisissez un sujet pour trouver ses experts.',
  rank: 'Rang',
  department: 'Service',
  peopleHelped: 'Personnes aidées',
  acceptedAnswers: 'Réponses acceptées',
  declaredLevel: 'Niveau déclaré',
  member: 'Membre',
  hidden: 'masqué',
};

const labels: Record<Lang, Record<LabelKey, string>> = { en, fr };

let current: Lang = 'en';

/** The language to start with: the one chosen before in this tab, else the browser's (French for any fr-*), else English. */
export function initialLang(stored: string | null, navigatorLanguage: string | undefined): Lang {
  if (stored === 'en' || stored === 'fr') return stored;
  return navigatorLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

/** A label; `{name}` placeholders are replaced by the given values. Unknown keys (a new kind from the API) show as themselves. */
export function t(key: LabelKey | string, params: Record<string, string | number> = {}): string {
  const text = (labels[current] as Record<string, string>)[key] ?? (en as Record<string, string>)[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const locale = () => (current === 'fr' ? 'fr-FR' : 'en-GB');

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** A rate of the API (a fraction in [0,1]) as a percentage with one decimal. */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A signed fraction (growth, change) as a signed percentage. */
export function formatChange(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

/** A duration in seconds, in the largest fitting unit (min, h, d). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const units: [number, Intl.NumberFormatOptions['unit']][] = [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  const [size, unit] = units.find(([s]) => Math.abs(seconds) >= s) ?? units[3];
  return new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(seconds / size);
}

/** A date (and time) in the browser's time zone, or in `timeZone` (a network's, for its local days). */
export function formatDate(iso: string | null | undefined, withTime = false, timeZone?: string): string {
  if (!iso) return '—';
  const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeZone };
  return new Intl.DateTimeFormat(locale(), options).format(new Date(iso));
}
