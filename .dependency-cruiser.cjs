/**
 * Layer and module rules (npm run lint). A module is a folder under src/ (alignment, governance,
 * indicators, ...). Inside a module: controllers → services → queries/repositories → database.
 * Across modules, only what a module offers for that purpose: its services, its Nest module, its
 * DTOs and entities. Shared code lives in src/common/ (depends on no module); src/database/ is the
 * database layer. The files at the root of src/ (app.module, app.factory, main, openapi) compose
 * the application.
 */
/**
 * What a module offers to the others: its services, Nest module, entities, DTOs, decorators and
 * guards; and governance's contract with every module: the caller's identity (principal.ts) and the
 * audit actions that name a member (audit-actions.ts).
 */
const PUBLIC = [
  '(\\.service\\.ts|\\.module\\.ts|\\.entity\\.ts|\\.decorators\\.ts|\\.guard\\.ts|/dto/[^/]+\\.ts)$',
  '^src/governance/(principal|audit-actions)\\.ts$',
  // the one home of a rule other modules apply: scopes and windows of indicators, what each figure
  // means (the metric registry, with the weights of the people scores), who may read a member's
  // people data, the keyword matching and term indexing that ingestion runs for each contribution
  '^src/indicators/indicator-scope\\.ts$',
  '^src/indicators/metrics\\.registry\\.ts$',
  '^src/people/people-scope\\.ts$',
  '^src/alignment/keyword-matches\\.ts$',
  '^src/topics/activity-terms\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make start-up order and reasoning fragile: extract what both sides need.',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { pathNot: '\\.entity\\.ts$' } },
    },
    {
      name: 'no-migrations-from-src',
      severity: 'error',
      comment: 'Migrations are frozen history: runtime code does not import from them (shared constants live in src/).',
      from: { path: '^src/' },
      // the database layer registers the list of migrations to run, and nothing else
      to: { path: '^migrations/', pathNot: '^migrations/index\\.ts$' },
    },
    {
      name: 'migrations-list-from-database-only',
      severity: 'error',
      comment: 'Only the database layer loads the list of migrations.',
      from: { path: '^src/', pathNot: '^src/database/' },
      to: { path: '^migrations/index\\.ts$' },
    },
    {
      name: 'module-public-surface',
      severity: 'error',
      comment: 'A module uses another only through its services, Nest module, DTOs and entities.',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/(common|database)/', ...PUBLIC] },
    },
    {
      name: 'common-is-shared',
      severity: 'error',
      comment: 'src/common/ is shared by every module and depends on none of them.',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/common/' },
    },
    {
      name: 'database-is-the-bottom-layer',
      severity: 'error',
      comment: 'The database layer knows entities (for TypeORM) and nothing above them.',
      from: { path: '^src/database/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/(common|database)/', '\\.entity\\.ts$'] },
    },
    {
      name: 'no-controller-imports',
      severity: 'error',
      comment: 'Controllers are the top layer: only Nest modules (and the composition root, the files at the root of src/) use them.',
      from: { pathNot: ['\\.module\\.ts$', '^src/[^/]+\\.ts$'] },
      to: { path: '\\.controller\\.ts$' },
    },
    {
      name: 'controllers-use-services',
      severity: 'error',
      comment: 'Controllers reach data through services, not queries or the database directly.',
      from: { path: '\\.controller\\.ts$' },
      to: { path: ['/queries/', '\\.query\\.ts$', '^src/database/'] },
    },
    {
      name: 'queries-below-services',
      severity: 'error',
      comment: 'Queries and repositories run SQL; they call no service or controller.',
      from: { path: ['/queries/', '\\.query\\.ts$'] },
      to: { path: ['\\.service\\.ts$', '\\.controller\\.ts$', '\\.module\\.ts$'] },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      comment: 'Runtime code does not import test support or specs.',
      from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
      to: { path: ['^test/', '\\.spec\\.ts$'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves (a package in package.json or a file).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
