import type { EntityManager } from 'typeorm';
import { fragment, row, rows, sql, SqlExample } from '../../database/sql';
import { activityVisibility } from '../../governance/principal';
import { CONTRIBUTION_KINDS_SQL, ROOT_KINDS_SQL } from '../../ingestion/activity.entity';

/**
 * The corpus of the people index: live contributions of a network with text or tags, from public
 * and private groups and from no group. Confidential activities (isConfidentialActivity: in a
 * confidential or placeholder group, or sent without a group in such a group's thread) are left
 * out, so inferred interests, topics and evidence never reveal their content, whatever the key.
 */
function corpus(networkId: number) {
  const visibility = activityVisibility('a');
  return sql`activities a ${visibility.joins}
  WHERE a.network_id = ${networkId} AND a.deleted_at IS NULL AND a.kind IN ${fragment(CONTRIBUTION_KINDS_SQL)}
    AND NOT ${visibility.confidential}`;
}

export interface CorpusRow {
  id: string;
  externalId: string;
  kind: string;
  authorId: string;
  occurredAt: Date;
  text: string | null;
  tags: string[] | null;
}

/** Corpus contributions with words (not the ones without text or tags). */
const withWords = (
  networkId: number,
) => sql`SELECT a.id::text, a.external_id, a.kind, a.author_id::text, a.occurred_at, a.text, a.tags FROM ${corpus(networkId)}
  AND (a.text IS NOT NULL OR a.tags IS NOT NULL)`;

/**
 * A page of the corpus contributions with words, by id after `afterId` (first pass: document
 * frequencies and thread topics); only the thread roots (posts and questions) when `rootsOnly`.
 */
export function corpusPageQuery(networkId: number, afterId: string, limit: number, rootsOnly = false) {
  return sql<CorpusRow>`${withWords(networkId)}${rootsOnly ? sql` AND a.kind IN ${fragment(ROOT_KINDS_SQL)}` : sql``} AND a.id > ${afterId}::bigint ORDER BY a.id LIMIT ${limit}`;
}

/** The corpus's terms (activity_terms) with their document frequency: how many corpus contributions hold each. */
export function corpusDocumentFrequencyQuery(networkId: number) {
  return sql<{ term: string; documents: number }>`SELECT t.term, count(*)::int AS documents
  FROM (SELECT a.id FROM ${corpus(networkId)}) c JOIN activity_terms t ON t.network_id = ${networkId} AND t.activity_id = c.id
  GROUP BY t.term`;
}

/** The same by author, then id, after (`afterAuthor`, `afterId`) (second pass: each member's terms). */
export function corpusByAuthorPageQuery(networkId: number, afterAuthor: string, afterId: string, limit: number) {
  return sql<CorpusRow>`${withWords(networkId)} AND (a.author_id, a.id) > (${afterAuthor}::bigint, ${afterId}::bigint) ORDER BY a.author_id, a.id LIMIT ${limit}`;
}

/** The written forms of a network's indexed terms (their SPEC §3.6 keys are computed in TypeScript). */
export function termFormsQuery(networkId: number) {
  return sql<{ form: string }>`SELECT DISTINCT t.form FROM activity_terms t WHERE t.network_id = ${networkId}`;
}

/**
 * The interests pass in one statement, for a network whose terms are indexed: each member's terms
 * over the corpus, `tf` = Σ of tagWeight (a tag holds it) or 1, weight = tf × ln(corpusSize / df) —
 * the SQL twin of rankInterests/tfIdf (src/people/people-scores.ts), checked against it by a test —
 * kept when > 0, the `limit` highest per member (ties: term key in code-point order), each with its
 * most written form (ties: code-point order), that form's SPEC §3.6 key (`formKeys`, from
 * normaliseTokens) and its `supporting` most recent contributions. Returns the members given interests.
 */
export function insertIndexedInterestsQuery(
  networkId: number,
  generation: number,
  p: { corpusSize: number; tagWeight: number; limit: number; supporting: number; formKeys: { form: string; key: string }[] },
) {
  return sql<{ members: number }>`WITH mentions AS MATERIALIZED (
  SELECT c.author_id, c.external_id, c.occurred_at, t.term, t.form, t.in_tag
  FROM (SELECT a.id, a.author_id, a.external_id, a.occurred_at FROM ${corpus(networkId)}) c
  JOIN activity_terms t ON t.network_id = ${networkId} AND t.activity_id = c.id
), df AS (
  SELECT term, count(*) AS documents FROM mentions GROUP BY term
), tf AS (
  SELECT author_id, term, sum(CASE WHEN in_tag THEN ${p.tagWeight}::int ELSE 1 END) AS tf FROM mentions GROUP BY author_id, term
), ranked AS (
  SELECT tf.author_id, tf.term, tf.tf * ln(${p.corpusSize}::float8 / df.documents) AS weight,
         row_number() OVER (PARTITION BY tf.author_id ORDER BY tf.tf * ln(${p.corpusSize}::float8 / df.documents) DESC, tf.term COLLATE "C") AS rank
  FROM tf JOIN df ON df.term = tf.term
  WHERE tf.tf * ln(${p.corpusSize}::float8 / df.documents) > 0
), top AS (
  SELECT * FROM ranked WHERE rank <= ${p.limit}
), forms AS (
  SELECT DISTINCT ON (f.author_id, f.term) f.author_id, f.term, f.form
  FROM (SELECT m.author_id, m.term, m.form, count(*) AS n FROM mentions m JOIN top USING (author_id, term) GROUP BY m.author_id, m.term, m.form) f
  ORDER BY f.author_id, f.term, f.n DESC, f.form COLLATE "C"
), support AS (
  SELECT m.author_id, m.term,
         (array_agg(m.external_id::text ORDER BY date_trunc('milliseconds', m.occurred_at) DESC, m.external_id COLLATE "C"))[1:${p.supporting}::int] AS activities
  FROM mentions m JOIN top USING (author_id, term) GROUP BY m.author_id, m.term
), inserted AS (
  INSERT INTO member_interests (network_id, generation, member_id, term_key, term, topic_key, weight, activity_ids, rank)
  SELECT ${networkId}::int, ${generation}::int, top.author_id, top.term, forms.form, fk.key, top.weight, support.activities, top.rank
  FROM top JOIN forms USING (author_id, term) JOIN support USING (author_id, term)
  JOIN unnest(${p.formKeys.map((f) => f.form)}::text[], ${p.formKeys.map((f) => f.key)}::text[]) AS fk(form, key) ON fk.form = forms.form
  RETURNING member_id
)
SELECT count(DISTINCT member_id)::int AS members FROM inserted`;
}

/** How many corpus contributions there are, with or without words: N of the IDF. */
export function corpusSizeQuery(networkId: number) {
  return sql<{ n: number }>`SELECT count(*)::int AS n FROM ${corpus(networkId)}`;
}

export async function corpusSize(db: EntityManager, networkId: number): Promise<number> {
  return (await row(db, corpusSizeQuery(networkId))).n;
}

export function corpusPage(db: EntityManager, networkId: number, afterId: string, limit: number, rootsOnly = false): Promise<CorpusRow[]> {
  return rows(db, corpusPageQuery(networkId, afterId, limit, rootsOnly));
}

export function corpusByAuthorPage(db: EntityManager, networkId: number, afterAuthor: string, afterId: string, limit: number): Promise<CorpusRow[]> {
  return rows(db, corpusByAuthorPageQuery(networkId, afterAuthor, afterId, limit));
}

export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'corpus size of a network', query: corpusSizeQuery(1) },
  { name: 'a page of the corpus by id', query: corpusPageQuery(1, '0', 5000) },
  { name: 'a page of the corpus by author, then id', query: corpusByAuthorPageQuery(1, '42', '1234', 5000) },
  { name: 'a page of the corpus thread roots by id', query: corpusPageQuery(1, '0', 5000, true) },
  { name: 'document frequencies of the corpus terms (indexed terms)', query: corpusDocumentFrequencyQuery(1) },
  { name: 'written forms of the indexed terms', query: termFormsQuery(1) },
  {
    name: 'interests of every member from the indexed terms',
    query: insertIndexedInterestsQuery(1, 7, {
      corpusSize: 120000,
      tagWeight: 2,
      limit: 10,
      supporting: 5,
      formKeys: [
        { form: 'sécurité', key: 'securite' },
        { form: 'cloud', key: 'cloud' },
      ],
    }),
  },
];
