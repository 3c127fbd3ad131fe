/** SQL of the ESCO reference data: occupation search and an occupation's profile. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';

type Db = Kysely<DB>;

/** ESCO's occupations share one URI prefix; the API names them by the part after it. */
export const OCCUPATION_PREFIX = 'http://data.europa.eu/esco/occupation/';
export const ESCO_SKILL_PREFIX = 'http://data.europa.eu/esco/skill/';

export async function searchOccupations(
  db: Db,
  f: { folded: string | null; isco: string | null; limit: number; offset: number },
) {
  const where = sql`where (${f.folded}::text is null or o.label_folded like '%' || ${f.folded}::text || '%')
    and (${f.isco}::text is null or o.isco_group like ${f.isco}::text || '%')`;
  const { rows } = await sql<{
    uri: string;
    label: string;
    isco_group: string;
    essential: number;
    optional: number;
    total: number;
  }>`
    select o.uri, o.label, o.isco_group,
      (select count(*) from esco_occupation_skills l where l.occupation_uri = o.uri and l.relation = 'essential')::int as essential,
      (select count(*) from esco_occupation_skills l where l.occupation_uri = o.uri and l.relation = 'optional')::int as optional,
      count(*) over ()::int as total
    from esco_occupations o ${where}
    -- A name that starts with the words first, then shorter names: "semiconductor processor" before
    -- "supervisor of semiconductor processors".
    order by (${f.folded}::text is not null and o.label_folded like ${f.folded}::text || '%') desc,
      length(o.label), o.label
    limit ${f.limit} offset ${f.offset}`.execute(db);
  return rows;
}

export const findOccupation = (db: Db, uri: string) =>
  db.selectFrom('esco_occupations').selectAll().where('uri', '=', uri).executeTakeFirst();

export const occupationSkills = (db: Db, uri: string) =>
  db
    .selectFrom('esco_occupation_skills as l')
    .innerJoin('esco_skills as s', 's.uri', 'l.skill_uri')
    .select(['s.uri', 's.label', 's.skill_type', 'l.relation'])
    .where('l.occupation_uri', '=', uri)
    .orderBy('s.label')
    .execute();
