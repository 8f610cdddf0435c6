import { activityVisibilitySql } from '../../governance/principal';
import { CONTRIBUTION_KINDS_SQL } from '../../ingestion/activity.entity';

/**
 * The corpus of the people index: live contributions of network $1 with text or tags, from public
 * and private groups and from no group. Confidential activities (isConfidentialActivity: in a
 * confidential or placeholder group, or sent without a group in such a group's thread) are left
 * out, so inferred interests, topics and evidence never reveal their content, whatever the key.
 */
const visibility = activityVisibilitySql('a');
const CORPUS = `activities a ${visibility.joins}
  WHERE a.network_id = $1 AND a.deleted_at IS NULL AND a.kind IN ${CONTRIBUTION_KINDS_SQL}
    AND NOT ${visibility.confidential}`;

export interface CorpusRow {
  id: string;
  external_id: string;
  kind: string;
  author_id: string;
  occurred_at: Date;
  text: string | null;
  tags: string[] | null;
}

/** Every corpus contribution with words (first pass: document frequencies and thread topics). */
export const CORPUS_SQL = `SELECT a.id::text, a.external_id, a.kind, a.author_id::text, a.occurred_at, a.text, a.tags FROM ${CORPUS}
  AND (a.text IS NOT NULL OR a.tags IS NOT NULL)`;

/** The same, grouped by author (second pass: each member's terms). */
export const CORPUS_BY_AUTHOR_SQL = `${CORPUS_SQL} ORDER BY a.author_id, a.occurred_at DESC, a.id DESC`;

/** How many corpus contributions there are, with or without words: N of the IDF. */
export const CORPUS_SIZE_SQL = `SELECT count(*)::int AS n FROM ${CORPUS}`;
