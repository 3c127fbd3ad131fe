/**
 * The catalog's counts without words: how many published courses each (topic, level, delivery mode)
 * has, kept by a trigger on every change of a course. The catalog's first page and its topic, level and
 * mode filters read these ≤ 72 rows instead of counting every course (decision 006).
 */
import { type Kysely, sql } from 'kysely';
import { runScript } from '../ddl';

const FUNCTION = `
    create function catalog_counts_track() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.status = 'published' then
        update catalog_counts set n = n - 1
          where topic = old.topic and level = old.level and delivery_mode = old.delivery_mode;
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.status = 'published' then
        insert into catalog_counts (topic, level, delivery_mode, n)
          values (new.topic, new.level, new.delivery_mode, 1)
          on conflict (topic, level, delivery_mode) do update set n = catalog_counts.n + 1;
      end if;
      return null;
    end $$;
`;

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  // The function body holds semicolons at line ends, which runScript would split on: it goes alone.
  await sql.raw(FUNCTION).execute(db);
  await runScript(
    db,
    `
    create table catalog_counts (
      topic text not null,
      level text not null,
      delivery_mode text not null,
      n integer not null check (n >= 0),
      primary key (topic, level, delivery_mode)
    );
    insert into catalog_counts (topic, level, delivery_mode, n)
      select topic, level, delivery_mode, count(*) from courses where status = 'published'
      group by topic, level, delivery_mode;

    create trigger courses_catalog_counts after insert or delete or update of status, topic, level, delivery_mode
      on courses for each row execute function catalog_counts_track();
    `,
  );
}
