import { BadRequest } from '../common/errors/domain-errors';
import type { ImportFormat, Importer } from './importer';
import { slackImporter } from './slack/slack.importer';
import { stackexchangeImporter } from './stackexchange/stackexchange.importer';
import { vivaEngageImporter } from './viva-engage/viva-engage.importer';

/**
 * The registry both ways in (the imports API and `npm run import`) find an importer in, by the
 * `format` they are given. A format is listed once its importer has landed.
 */
const IMPORTERS: ReadonlyMap<string, Importer> = new Map<ImportFormat, Importer>(
  [stackexchangeImporter, vivaEngageImporter, slackImporter].map((importer) => [importer.format, importer]),
);

/** The formats that can be imported, in code-point order. */
export function knownFormats(): string[] {
  return [...IMPORTERS.keys()].sort();
}

/** The importer of `format`; an unknown or missing format is a 400 naming the known ones. */
export function importerFor(format: string | undefined): Importer {
  const importer = format === undefined ? undefined : IMPORTERS.get(format);
  if (importer !== undefined) return importer;
  const known = knownFormats();
  const error = new BadRequest(
    format === undefined || format === ''
      ? `The format is missing; known formats: ${known.join(', ')}`
      : `Unknown format "${format}"; known formats: ${known.join(', ')}`,
  );
  error.extensions.knownFormats = known;
  throw error;
}
