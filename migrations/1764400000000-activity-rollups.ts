import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups that make network-wide activity and engagement indicators independent of the number of
 * raw events in the window (docs/indicators.md, "Rollups"):
 *
 * - `activity_day_counts`: live activities per network, local day (network time zone) and kind.
 *   Additive: a year of whole days is a sum over ~2 000 rows.
 * - `active_member_bitmaps`: per network, local day and block of 4 096 member ids, one bit per
 *   member for "authored a live activity that day" (`active`) and "authored a live contribution that
 *   day" (`contributing`). Distinct members over any run of days is the bit count of the OR of those
 *   days' bitmaps: a year of a 100 000-member organisation is ~9 000 rows of 512 bytes, whatever the
 *   number of events.
 * - `active_member_month_bitmaps`: the same OR-ed over each local calendar month, so a year is read
 *   as ~12 month rows and at most ~60 day rows per block.
 *
 * All are kept exact by statement-level triggers on `activities`, in the writing transaction, so an
 * acknowledged write is visible in the rollups as soon as it is visible at all. Additions set bits;
 * for every (member, day) that lost a live activity (deletion, or an edit of kind, author or time)
 * the bits are recomputed from the remaining activities, so deletions and edits stay exact. A
 * network's time zone never changes after creation, so local days are stable.
 */
export const MEMBER_BLOCK_BITS = 4096;
/**
 * First key of the per-network write lock, pg_advisory_xact_lock(NETWORK_WRITE_LOCK, network id).
 * The recomputations below read what is committed, so writers of one network must take turns: every
 * writer of `activities` takes this lock first, before any row lock (RecordWriter does). The triggers
 * do not take it themselves: on the embedded database, taking it inside them made loads 20× slower.
 * A literal on purpose: runtime code takes the id from src/database/advisory-locks.ts (ADVISORY_LOCKS.NETWORK_WRITE,
 * the same number) and never imports from migrations/.
 */
export const NETWORK_WRITE_LOCK = 727_002;
const LIVE = (t: string) => `${t}.deleted_at IS NULL AND ${t}.kind IS NOT NULL AND ${t}.occurred_at IS NOT NULL AND ${t}.author_id IS NOT NULL`;
const CONTRIBUTION_KINDS = `('post', 'question', 'reply', 'share')`;
const ZERO = `repeat('0', ${MEMBER_BLOCK_BITS})::bit(${MEMBER_BLOCK_BITS})`;
/** The block of `member` and a block bitmap with only `member`'s bit set to `value` (0 or 1). */
const BLOCK = (member: string) => `(${member} / ${MEMBER_BLOCK_BITS})::integer`;
const MEMBER_BIT = (member: string, value: string) => `set_bit(${ZERO}, (${member} % ${MEMBER_BLOCK_BITS})::integer, ${value})`;

/** The body of a trigger function applying `source` (rows with a `sign`) to both rollups. */
function applyDelta(source: string): string {
  const delta = `delta AS (
    SELECT d.network_id, (d.occurred_at AT TIME ZONE n.timezone)::date AS day, d.kind, d.author_id, d.sign, n.timezone
    FROM (${source}) d JOIN networks n ON n.id = d.network_id
  )`;
  return `
BEGIN
  WITH ${delta}
  INSERT INTO activity_day_counts AS c (network_id, day, kind, activities)
  SELECT network_id, day, kind, sum(sign) FROM delta
  GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (network_id, day, kind) DO UPDATE SET activities = c.activities + excluded.activities;

  WITH ${delta}, added AS (
    SELECT network_id, day, author_id, bool_or(kind IN ${CONTRIBUTION_KINDS}) AS contributes FROM delta WHERE sign > 0 GROUP BY 1, 2, 3
  )
  INSERT INTO active_member_bitmaps AS b (network_id, day, block, active, contributing)
  SELECT network_id, day, ${BLOCK('author_id')}, bit_or(${MEMBER_BIT('author_id', '1')}), bit_or(${MEMBER_BIT('author_id', 'contributes::integer')})
  FROM added GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (network_id, day, block) DO UPDATE SET active = b.active | excluded.active, contributing = b.contributing | excluded.contributing;

  WITH ${delta}, added AS (
    SELECT network_id, date_trunc('month', day)::date AS month, author_id, bool_or(kind IN ${CONTRIBUTION_KINDS}) AS contributes FROM delta WHERE sign > 0 GROUP BY 1, 2, 3
  )
  INSERT INTO active_member_month_bitmaps AS b (network_id, month, block, active, contributing)
  SELECT network_id, month, ${BLOCK('author_id')}, bit_or(${MEMBER_BIT('author_id', '1')}), bit_or(${MEMBER_BIT('author_id', 'contributes::integer')})
  FROM added GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (network_id, month, block) DO UPDATE SET active = b.active | excluded.active, contributing = b.contributing | excluded.contributing;

  -- (member, day) pairs that lost an activity: clear the bits the remaining activities no longer support
  WITH ${delta}, lost AS (
    SELECT DISTINCT network_id, author_id, day, timezone FROM delta WHERE sign < 0
  ), truth AS (
    SELECT l.network_id, l.author_id, l.day, bool_or(a.id IS NOT NULL) AS any_live, coalesce(bool_or(a.kind IN ${CONTRIBUTION_KINDS}), false) AS contribution_live
    FROM lost l
    LEFT JOIN activities a ON a.network_id = l.network_id AND a.author_id = l.author_id AND a.deleted_at IS NULL
      AND a.occurred_at >= (l.day::timestamp AT TIME ZONE l.timezone) AND a.occurred_at < ((l.day + 1)::timestamp AT TIME ZONE l.timezone)
    GROUP BY 1, 2, 3
  ), clear AS (
    SELECT network_id, day, ${BLOCK('author_id')} AS block,
           bit_or(${MEMBER_BIT('author_id', '(NOT any_live)::integer')}) AS active,
           bit_or(${MEMBER_BIT('author_id', '(NOT contribution_live)::integer')}) AS contributing
    FROM truth GROUP BY 1, 2, 3
  )
  UPDATE active_member_bitmaps b SET active = b.active & ~c.active, contributing = b.contributing & ~c.contributing
  FROM clear c WHERE b.network_id = c.network_id AND b.day = c.day AND b.block = c.block;

  -- months that lost an activity: their bitmaps are the OR of their days again
  WITH ${delta}, months AS (
    SELECT DISTINCT network_id, date_trunc('month', day)::date AS month, ${BLOCK('author_id')} AS block FROM delta WHERE sign < 0
  )
  UPDATE active_member_month_bitmaps b SET active = d.active, contributing = d.contributing
  FROM (SELECT m.network_id, m.month, m.block, bit_or(x.active) AS active, bit_or(x.contributing) AS contributing
        FROM months m JOIN active_member_bitmaps x ON x.network_id = m.network_id AND x.block = m.block
          AND x.day >= m.month AND x.day < (m.month + interval '1 month')::date
        GROUP BY 1, 2, 3) d
  WHERE b.network_id = d.network_id AND b.month = d.month AND b.block = d.block;
  RETURN NULL;
END`;
}

const COLUMNS = `network_id, occurred_at, kind, author_id`;

export class ActivityRollups1764400000000 implements MigrationInterface {
  name = 'ActivityRollups1764400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE activity_day_counts (network_id integer NOT NULL, day date NOT NULL, kind varchar(16) NOT NULL, activities integer NOT NULL,
       CONSTRAINT activity_day_counts_pk PRIMARY KEY (network_id, day, kind))`,
    );
    await queryRunner.query(
      `CREATE TABLE active_member_bitmaps (network_id integer NOT NULL, day date NOT NULL, block integer NOT NULL,
         active bit(${MEMBER_BLOCK_BITS}) NOT NULL, contributing bit(${MEMBER_BLOCK_BITS}) NOT NULL,
       CONSTRAINT active_member_bitmaps_pk PRIMARY KEY (network_id, day, block))`,
    );
    // Members active on at least p_min of the days [p_first, p_end): a per-bit counter over the days'
    // bitmaps, kept as bit planes (bit-sliced ripple-carry addition), then compared with p_min plane by
    // plane — a few hundred operations on 512-byte strings per block instead of one row per member.
    await queryRunner.query(
      `CREATE FUNCTION members_active_on_at_least(p_network integer, p_first date, p_end date, p_min integer) RETURNS integer LANGUAGE plpgsql STABLE AS $fn$
       DECLARE
         zero constant bit(${MEMBER_BLOCK_BITS}) := ${ZERO};
         ones constant bit(${MEMBER_BLOCK_BITS}) := ~${ZERO};
         nplanes constant integer := greatest(1, ceil(log(2, greatest(p_end - p_first, 1) + 1))::integer);
         planes bit(${MEMBER_BLOCK_BITS})[];
         carry bit(${MEMBER_BLOCK_BITS});
         greater bit(${MEMBER_BLOCK_BITS});
         equal bit(${MEMBER_BLOCK_BITS});
         total integer := 0;
         b record;
         r record;
       BEGIN
         IF p_min <= 0 THEN RAISE EXCEPTION 'p_min must be positive'; END IF;
         IF p_min >= 2 ^ nplanes THEN RETURN 0; END IF;
         FOR b IN SELECT DISTINCT block FROM active_member_bitmaps WHERE network_id = p_network AND day >= p_first AND day < p_end LOOP
           planes := array_fill(zero, ARRAY[nplanes]);
           FOR r IN SELECT active FROM active_member_bitmaps WHERE network_id = p_network AND day >= p_first AND day < p_end AND block = b.block LOOP
             carry := r.active;
             FOR i IN 1..nplanes LOOP
               EXIT WHEN carry = zero;
               planes[i] := planes[i] # carry;
               carry := carry & ~planes[i];
             END LOOP;
           END LOOP;
           greater := zero;
           equal := ones;
           FOR i IN REVERSE nplanes..1 LOOP
             IF (p_min >> (i - 1)) & 1 = 1 THEN equal := equal & planes[i];
             ELSE greater := greater | (equal & planes[i]); equal := equal & ~planes[i]; END IF;
           END LOOP;
           total := total + bit_count(greater | equal);
         END LOOP;
         RETURN total;
       END
       $fn$`,
    );
    await queryRunner.query(
      `CREATE TABLE active_member_month_bitmaps (network_id integer NOT NULL, month date NOT NULL, block integer NOT NULL,
         active bit(${MEMBER_BLOCK_BITS}) NOT NULL, contributing bit(${MEMBER_BLOCK_BITS}) NOT NULL,
       CONSTRAINT active_member_month_bitmaps_pk PRIMARY KEY (network_id, month, block))`,
    );
    const triggers: [string, string, string][] = [
      ['insert', 'INSERT', `REFERENCING NEW TABLE AS new_rows`],
      ['update', 'UPDATE', `REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows`],
      ['delete', 'DELETE', `REFERENCING OLD TABLE AS old_rows`],
    ];
    for (const [name, event, referencing] of triggers) {
      const sources = [
        event !== 'DELETE' ? `SELECT ${COLUMNS}, 1 AS sign FROM new_rows r WHERE ${LIVE('r')}` : null,
        event !== 'INSERT' ? `SELECT ${COLUMNS}, -1 AS sign FROM old_rows r WHERE ${LIVE('r')}` : null,
      ].filter((s) => s !== null);
      await queryRunner.query(
        `CREATE FUNCTION activity_rollups_after_${name}() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $fn$${applyDelta(sources.join(' UNION ALL '))}$fn$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER activity_rollups_${name} AFTER ${event} ON activities ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION activity_rollups_after_${name}()`,
      );
    }
    // members at a date: network_members.counted_from = coalesce(members.joined_at, network_members.created_at)
    await queryRunner.query(`ALTER TABLE network_members ADD counted_from timestamptz`);
    await queryRunner.query(`UPDATE network_members nm SET counted_from = coalesce(m.joined_at, nm.created_at) FROM members m WHERE m.id = nm.member_id`);
    await queryRunner.query(`ALTER TABLE network_members ALTER COLUMN counted_from SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX network_members_counted_from_idx ON network_members (network_id, counted_from)`);
    await queryRunner.query(`CREATE INDEX network_members_member_idx ON network_members (member_id)`);
    await queryRunner.query(
      `CREATE FUNCTION network_members_set_counted_from() RETURNS trigger LANGUAGE plpgsql AS $fn$
       BEGIN
         NEW.counted_from := coalesce((SELECT joined_at FROM members WHERE id = NEW.member_id), NEW.created_at);
         RETURN NEW;
       END $fn$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER network_members_counted_from BEFORE INSERT ON network_members FOR EACH ROW EXECUTE FUNCTION network_members_set_counted_from()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION members_propagate_joined_at() RETURNS trigger LANGUAGE plpgsql AS $fn$
       BEGIN
         UPDATE network_members SET counted_from = coalesce(NEW.joined_at, created_at) WHERE member_id = NEW.id;
         RETURN NULL;
       END $fn$`,
    );
    // AFTER row triggers run once the whole statement is done, so a member and its network_members row
    // written by one statement (the bulk writer's CTEs) still agree
    await queryRunner.query(
      `CREATE TRIGGER members_joined_at_insert AFTER INSERT ON members FOR EACH ROW WHEN (NEW.joined_at IS NOT NULL) EXECUTE FUNCTION members_propagate_joined_at()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER members_joined_at_update AFTER UPDATE OF joined_at ON members FOR EACH ROW WHEN (OLD.joined_at IS DISTINCT FROM NEW.joined_at) EXECUTE FUNCTION members_propagate_joined_at()`,
    );
    // the partial days of a rollup read come from this index alone
    await queryRunner.query(`DROP INDEX activities_window_idx`);
    await queryRunner.query(
      `CREATE INDEX activities_window_idx ON activities (network_id, occurred_at) INCLUDE (kind, author_id, group_id) WHERE deleted_at IS NULL`,
    );
    // backfill from what is already stored
    await queryRunner.query(
      `INSERT INTO activity_day_counts (network_id, day, kind, activities)
       SELECT a.network_id, (a.occurred_at AT TIME ZONE n.timezone)::date, a.kind, count(*)
       FROM activities a JOIN networks n ON n.id = a.network_id WHERE ${LIVE('a')}
       GROUP BY 1, 2, 3`,
    );
    await queryRunner.query(
      `INSERT INTO active_member_bitmaps (network_id, day, block, active, contributing)
       SELECT network_id, day, ${BLOCK('author_id')}, bit_or(${MEMBER_BIT('author_id', '1')}), bit_or(${MEMBER_BIT('author_id', 'contributes::integer')})
       FROM (SELECT a.network_id, (a.occurred_at AT TIME ZONE n.timezone)::date AS day, a.author_id, bool_or(a.kind IN ${CONTRIBUTION_KINDS}) AS contributes
             FROM activities a JOIN networks n ON n.id = a.network_id WHERE ${LIVE('a')} GROUP BY 1, 2, 3) d
       GROUP BY 1, 2, 3`,
    );
    await queryRunner.query(
      `INSERT INTO active_member_month_bitmaps (network_id, month, block, active, contributing)
       SELECT network_id, date_trunc('month', day)::date, block, bit_or(active), bit_or(contributing) FROM active_member_bitmaps GROUP BY 1, 2, 3`,
    );
    // without statistics the first reads plan the new tables as empty (seen: 20× slower until autovacuum)
    await queryRunner.query(`ANALYZE activity_day_counts, active_member_bitmaps, active_member_month_bitmaps, network_members`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER activity_rollups_${name} ON activities`);
      await queryRunner.query(`DROP FUNCTION activity_rollups_after_${name}()`);
    }
    await queryRunner.query(`DROP INDEX activities_window_idx`);
    await queryRunner.query(`CREATE INDEX activities_window_idx ON activities (network_id, occurred_at) WHERE deleted_at IS NULL`);
    await queryRunner.query(`DROP TRIGGER members_joined_at_update ON members`);
    await queryRunner.query(`DROP TRIGGER members_joined_at_insert ON members`);
    await queryRunner.query(`DROP FUNCTION members_propagate_joined_at()`);
    await queryRunner.query(`DROP TRIGGER network_members_counted_from ON network_members`);
    await queryRunner.query(`DROP FUNCTION network_members_set_counted_from()`);
    await queryRunner.query(`DROP INDEX network_members_member_idx`);
    await queryRunner.query(`DROP INDEX network_members_counted_from_idx`);
    await queryRunner.query(`ALTER TABLE network_members DROP COLUMN counted_from`);
    await queryRunner.query(`DROP FUNCTION members_active_on_at_least(integer, date, date, integer)`);
    await queryRunner.query(`DROP TABLE active_member_month_bitmaps`);
    await queryRunner.query(`DROP TABLE active_member_bitmaps`);
    await queryRunner.query(`DROP TABLE activity_day_counts`);
  }
}
