import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `interaction_day_counts`: SPEC §3.5 interactions per network, local day, author department and
 * parent author department — live replies and reactions whose parent is known, live and written by
 * someone else, both departments known.
 *
 * An interaction's row depends on the child, on its parent and on two members' current departments,
 * so instead of deltas the triggers mark the local days whose counts may have changed
 * (`interaction_days_stale`): the days of every changed reply or reaction, of the children of every
 * changed activity (a parent deleted, edited or linked late), and of every interaction written by
 * or to a member whose department changed. `refresh_interaction_days(network, first, end)`, called
 * by the diffusion query before it reads, recomputes those of the window's days from the activities. Writes stay
 * cheap (a bulk load marks each day once) and reads stay exact.
 */
const INTERACTIONS_OF_DAYS = (days: string) => `
  SELECT a.network_id, (a.occurred_at AT TIME ZONE n.timezone)::date AS day, ma.department, mp.department, count(*)::integer
  FROM ${days}
  JOIN networks n ON n.id = d.network_id
  JOIN activities a ON a.network_id = d.network_id AND a.deleted_at IS NULL AND a.kind IN ('reply', 'reaction')
    AND a.occurred_at >= (d.day::timestamp AT TIME ZONE n.timezone) AND a.occurred_at < ((d.day + 1)::timestamp AT TIME ZONE n.timezone)
  JOIN activities p ON p.network_id = a.network_id AND p.id = a.parent_id AND p.deleted_at IS NULL AND p.author_id <> a.author_id
  JOIN members ma ON ma.id = a.author_id AND ma.department IS NOT NULL
  JOIN members mp ON mp.id = p.author_id AND mp.department IS NOT NULL
  GROUP BY 1, 2, 3, 4`;

/** Marks the local days of `rows` (network_id, occurred_at) stale. */
const MARK = (rows: string) => `
  INSERT INTO interaction_days_stale (network_id, day)
  SELECT DISTINCT r.network_id, (r.occurred_at AT TIME ZONE n.timezone)::date FROM (${rows}) r JOIN networks n ON n.id = r.network_id
  WHERE r.occurred_at IS NOT NULL
  ON CONFLICT DO NOTHING`;

function markChangedDays(changed: string): string {
  return `
BEGIN
  ${MARK(`SELECT network_id, occurred_at FROM (${changed}) c WHERE kind IN ('reply', 'reaction')`)};
  ${MARK(`SELECT x.network_id, x.occurred_at FROM (SELECT DISTINCT network_id, id FROM (${changed}) c) c
          JOIN activities x ON x.network_id = c.network_id AND x.parent_id = c.id AND x.kind IN ('reply', 'reaction')`)};
  RETURN NULL;
END`;
}

export class InteractionRollups1764600000000 implements MigrationInterface {
  name = 'InteractionRollups1764600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE interaction_day_counts (network_id integer NOT NULL, day date NOT NULL, author_department varchar(200) NOT NULL,
         parent_department varchar(200) NOT NULL, interactions integer NOT NULL,
       CONSTRAINT interaction_day_counts_pk PRIMARY KEY (network_id, day, author_department, parent_department))`,
    );
    await queryRunner.query(
      `CREATE TABLE interaction_days_stale (network_id integer NOT NULL, day date NOT NULL, CONSTRAINT interaction_days_stale_pk PRIMARY KEY (network_id, day))`,
    );
    const columns = `network_id, id, kind, occurred_at`;
    const triggers: [string, string, string, string][] = [
      ['insert', 'INSERT', `REFERENCING NEW TABLE AS new_rows`, `SELECT ${columns} FROM new_rows`],
      [
        'update',
        'UPDATE',
        `REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows`,
        `SELECT ${columns} FROM new_rows UNION ALL SELECT ${columns} FROM old_rows`,
      ],
      ['delete', 'DELETE', `REFERENCING OLD TABLE AS old_rows`, `SELECT ${columns} FROM old_rows`],
    ];
    for (const [name, event, referencing, changed] of triggers) {
      await queryRunner.query(`CREATE FUNCTION interaction_days_after_${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$${markChangedDays(changed)}$fn$`);
      await queryRunner.query(
        `CREATE TRIGGER interaction_days_${name} AFTER ${event} ON activities ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION interaction_days_after_${name}()`,
      );
    }
    // a member's department change moves every interaction they wrote or received
    await queryRunner.query(
      `CREATE FUNCTION interaction_days_after_department() RETURNS trigger LANGUAGE plpgsql AS $fn$
       BEGIN
         ${MARK(`SELECT a.network_id, a.occurred_at FROM activities a WHERE a.author_id = NEW.id AND a.kind IN ('reply', 'reaction') AND a.deleted_at IS NULL`)};
         ${MARK(`SELECT x.network_id, x.occurred_at FROM activities p
                 JOIN activities x ON x.network_id = p.network_id AND x.parent_id = p.id AND x.kind IN ('reply', 'reaction') AND x.deleted_at IS NULL
                 WHERE p.author_id = NEW.id AND p.deleted_at IS NULL`)};
         RETURN NULL;
       END $fn$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER interaction_days_department AFTER UPDATE OF department ON members FOR EACH ROW
       WHEN (OLD.department IS DISTINCT FROM NEW.department) EXECUTE FUNCTION interaction_days_after_department()`,
    );
    // recomputes the stale days of a network inside [p_first, p_end) — a read pays only for the days
    // it reads; the stale marks are taken first, so a day marked again by a writer committing
    // meanwhile is recomputed by the next call
    await queryRunner.query(
      `CREATE FUNCTION refresh_interaction_days(p_network integer, p_first date, p_end date) RETURNS integer LANGUAGE plpgsql AS $fn$
       DECLARE
         stale date[];
       BEGIN
         WITH taken AS (DELETE FROM interaction_days_stale WHERE network_id = p_network AND day >= p_first AND day < p_end RETURNING day)
         SELECT array_agg(day) INTO stale FROM taken;
         IF stale IS NULL THEN RETURN 0; END IF;
         DELETE FROM interaction_day_counts WHERE network_id = p_network AND day = ANY(stale);
         INSERT INTO interaction_day_counts (network_id, day, author_department, parent_department, interactions)
         ${INTERACTIONS_OF_DAYS(`(SELECT p_network AS network_id, unnest(stale) AS day) d`)};
         RETURN cardinality(stale);
       END $fn$`,
    );
    // backfill: every day with a reply or a reaction
    await queryRunner.query(
      `INSERT INTO interaction_day_counts (network_id, day, author_department, parent_department, interactions)
       SELECT a.network_id, (a.occurred_at AT TIME ZONE n.timezone)::date, ma.department, mp.department, count(*)::integer
       FROM activities a
       JOIN networks n ON n.id = a.network_id
       JOIN activities p ON p.network_id = a.network_id AND p.id = a.parent_id AND p.deleted_at IS NULL AND p.author_id <> a.author_id
       JOIN members ma ON ma.id = a.author_id AND ma.department IS NOT NULL
       JOIN members mp ON mp.id = p.author_id AND mp.department IS NOT NULL
       WHERE a.deleted_at IS NULL AND a.kind IN ('reply', 'reaction')
       GROUP BY 1, 2, 3, 4`,
    );
    await queryRunner.query(`ANALYZE interaction_day_counts`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION refresh_interaction_days(integer, date, date)`);
    await queryRunner.query(`DROP TRIGGER interaction_days_department ON members`);
    await queryRunner.query(`DROP FUNCTION interaction_days_after_department()`);
    for (const name of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER interaction_days_${name} ON activities`);
      await queryRunner.query(`DROP FUNCTION interaction_days_after_${name}()`);
    }
    await queryRunner.query(`DROP TABLE interaction_days_stale`);
    await queryRunner.query(`DROP TABLE interaction_day_counts`);
  }
}
