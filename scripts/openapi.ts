/**
 * The committed contract (issue 13): writes `openapi.json` (the document the service serves at
 * /docs-json, built by the same code from the same application) and the typed client's types
 * (`src/client/schema.d.ts`, openapi-typescript), or checks that the committed files are current.
 *
 *   npm run openapi:generate   # compiles this script, then --write
 *   npm run openapi:check      # compiles this script, then --check (exit 1 when stale)
 *
 * Both first check that no two DTO classes would give the same schema name: @nestjs/swagger names a
 * schema after its class, and of two classes with one name the last one seen silently wins.
 *
 * The application is built on an in-memory embedded PostgreSQL (nothing is read or written there:
 * building the document only needs the modules to be instantiated).
 */
import 'reflect-metadata';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The repository root: the nearest folder above with a package.json (from scripts/ or its compiled copy under dist/). */
function repositoryRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const ROOT = repositoryRoot(__dirname);
const DOCUMENT_FILE = 'openapi.json';
const CLIENT_SCHEMA_FILE = 'src/client/schema.d.ts';
const CLIENT_HEADER = `/**
 * Generated from openapi.json by \`npm run openapi:generate\` (openapi-typescript): do not edit.
 * \`npm run openapi:check\` fails when it is stale. The client is in ./index.ts.
 */

`;

/** Every class declared in a file that uses @nestjs/swagger, by name → files. */
export function duplicateSchemaClassNames(srcDir: string): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        const text = readFileSync(path, 'utf8');
        if (!text.includes('@nestjs/swagger')) continue;
        for (const m of text.matchAll(/^\s*(?:export\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/gm)) {
          byName.set(m[1], [...(byName.get(m[1]) ?? []), relative(ROOT, path)]);
        }
      }
    }
  };
  walk(srcDir);
  return new Map([...byName].filter(([, files]) => files.length > 1));
}

function sortedObject<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}

/** The document as the service serves it, with the component schemas in name order. */
async function buildDocument(): Promise<Record<string, unknown>> {
  const { startEmbeddedPostgres } = await import('../src/database/embedded-postgres');
  const { loadEnvironment } = await import('../src/common/config/environment');
  const { createApp } = await import('../src/app.factory');
  const { buildOpenApiDocument } = await import('../src/openapi');
  const embedded = await startEmbeddedPostgres('memory://openapi', 2);
  try {
    const env = loadEnvironment({
      LOG_LEVEL: 'silent',
      DATABASE_URL: embedded.url,
      ADMIN_API_KEY: 'openapi-generator-key-0123456789abcdef',
      PEOPLE_INDEX_INTERVAL_SECONDS: '0',
    });
    const app = await createApp(env, { url: embedded.url, poolSize: 1 });
    try {
      const document = JSON.parse(JSON.stringify(buildOpenApiDocument(app))) as Record<string, unknown> & {
        components?: { schemas?: Record<string, unknown> };
      };
      if (document.components?.schemas) document.components.schemas = sortedObject(document.components.schemas);
      return document;
    } finally {
      await app.close();
    }
  } finally {
    await embedded.close();
  }
}

/** The client's types, formatted by the project's Prettier configuration (so the lint check passes them as written). */
async function clientSchema(document: Record<string, unknown>): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const prettier = await import('prettier');
  const ast = await openapiTS(document as never, { alphabetize: false, exportType: false, defaultNonNullable: false });
  const file = resolve(ROOT, CLIENT_SCHEMA_FILE);
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(CLIENT_HEADER + astToString(ast), { ...options, filepath: file });
}

/** What changed between two documents, in words: paths and schemas added, removed or changed. */
function documentDiffSummary(committedText: string | undefined, current: Record<string, unknown>): string[] {
  if (committedText === undefined) return ['  (no committed openapi.json)'];
  let committed: Record<string, unknown>;
  try {
    committed = JSON.parse(committedText);
  } catch {
    return ['  (the committed openapi.json is not valid JSON)'];
  }
  const lines: string[] = [];
  const compare = (label: string, before: Record<string, unknown> = {}, after: Record<string, unknown> = {}) => {
    for (const key of Object.keys(after)) if (!(key in before)) lines.push(`  + ${label} ${key}`);
    for (const key of Object.keys(before)) if (!(key in after)) lines.push(`  - ${label} ${key}`);
    for (const key of Object.keys(after)) if (key in before && JSON.stringify(before[key]) !== JSON.stringify(after[key])) lines.push(`  ~ ${label} ${key}`);
  };
  type Doc = { paths?: Record<string, unknown>; components?: { schemas?: Record<string, unknown> } };
  compare('path', (committed as Doc).paths, (current as Doc).paths);
  compare('schema', (committed as Doc).components?.schemas, (current as Doc).components?.schemas);
  const rest = (d: Record<string, unknown>) => JSON.stringify({ ...d, paths: undefined, components: { ...(d as Doc).components, schemas: undefined } });
  if (rest(committed) !== rest(current)) lines.push('  ~ info, tags, security or other top-level fields');
  if (lines.length === 0) lines.push('  (same content, different formatting)');
  return lines;
}

function textDiffSummary(committed: string | undefined, current: string): string[] {
  if (committed === undefined) return ['  (missing)'];
  const a = committed.split('\n');
  const b = current.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [
    `  first difference at line ${i + 1}: committed ${JSON.stringify(a[i] ?? '<end>')}, generated ${JSON.stringify(b[i] ?? '<end>')} (${a.length} → ${b.length} lines)`,
  ];
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(resolve(ROOT, file), 'utf8');
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== '--write' && mode !== '--check') throw new Error('usage: openapi.js --write | --check');

  const duplicates = duplicateSchemaClassNames(resolve(ROOT, 'src'));
  if (duplicates.size > 0) {
    const lines = [...duplicates].map(([name, files]) => `  ${name}: ${files.join(', ')}`);
    process.stderr.write(
      `openapi: two DTO classes share a name, so one would silently replace the other in the document's components. Rename one:\n${lines.join('\n')}\n`,
    );
    process.exit(1);
  }

  const document = await buildDocument();
  const documentText = JSON.stringify(document, null, 2) + '\n';
  const schemaText = await clientSchema(document);

  if (mode === '--write') {
    writeFileSync(resolve(ROOT, DOCUMENT_FILE), documentText);
    writeFileSync(resolve(ROOT, CLIENT_SCHEMA_FILE), schemaText);
    const paths = Object.keys((document as { paths: object }).paths).length;
    process.stdout.write(`openapi: wrote ${DOCUMENT_FILE} (${paths} paths) and ${CLIENT_SCHEMA_FILE}\n`);
    return;
  }

  const committedDocument = readOrUndefined(DOCUMENT_FILE);
  const committedSchema = readOrUndefined(CLIENT_SCHEMA_FILE);
  const problems: string[] = [];
  if (committedDocument !== documentText)
    problems.push(`${DOCUMENT_FILE} differs from the document the service serves:`, ...documentDiffSummary(committedDocument, document));
  if (committedSchema !== schemaText)
    problems.push(`${CLIENT_SCHEMA_FILE} differs from the types generated from it:`, ...textDiffSummary(committedSchema, schemaText));
  if (problems.length > 0) {
    process.stderr.write(
      `openapi: the committed contract is stale.\n${problems.join('\n')}\nRun \`npm run openapi:generate\` and commit ${DOCUMENT_FILE} and ${CLIENT_SCHEMA_FILE}.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`openapi: ${DOCUMENT_FILE} and ${CLIENT_SCHEMA_FILE} are current\n`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`openapi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
