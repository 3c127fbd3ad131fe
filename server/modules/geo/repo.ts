/** SQL of the administrative map: provinces, former provinces, communes. Nothing else reads these tables. */
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { CommunesTable, DB, FormerProvincesTable, ProvincesTable } from '../../db/schema';

export type ProvinceRow = Selectable<ProvincesTable>;
export type FormerProvinceRow = Selectable<FormerProvincesTable>;
export type CommuneRow = Selectable<CommunesTable>;

/** Joins the caller's transaction when there is one (Kysely cannot nest them). */
export const inTransaction = <T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>) =>
  db.isTransaction ? work(db) : db.transaction().execute(work);

export const upsertProvinces = (db: Kysely<DB>, rows: Insertable<ProvincesTable>[]) =>
  db
    .insertInto('provinces')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        name_en: eb.ref('excluded.name_en'),
        kind: eb.ref('excluded.kind'),
        name_folded: eb.ref('excluded.name_folded'),
      })),
    )
    .execute();

export const upsertFormerProvinces = (db: Kysely<DB>, rows: Insertable<FormerProvincesTable>[]) =>
  db
    .insertInto('former_provinces')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        name_folded: eb.ref('excluded.name_folded'),
        province_code: eb.ref('excluded.province_code'),
      })),
    )
    .execute();

export const listProvinces = (db: Kysely<DB>) =>
  db.selectFrom('provinces').selectAll().orderBy('code').execute();

export const findProvince = (db: Kysely<DB>, code: string) =>
  db.selectFrom('provinces').selectAll().where('code', '=', code).executeTakeFirst();

export const listFormerProvinces = (db: Kysely<DB>) =>
  db.selectFrom('former_provinces').selectAll().orderBy('code').execute();

/**
 * Inserts new communes and updates changed ones; rows already equal are left alone, so a re-import
 * reports them as unchanged. `xmax = 0` holds only for a row this statement inserted.
 */
export async function upsertCommunes(db: Kysely<DB>, rows: Insertable<CommunesTable>[]) {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const written = await db
    .insertInto('communes')
    .values(rows)
    .onConflict((oc) =>
      oc
        .column('code')
        .doUpdateSet((eb) => ({
          province_code: eb.ref('excluded.province_code'),
          name: eb.ref('excluded.name'),
          kind: eb.ref('excluded.kind'),
          name_folded: eb.ref('excluded.name_folded'),
        }))
        .where((eb) =>
          eb.or([
            eb('communes.province_code', 'is distinct from', eb.ref('excluded.province_code')),
            eb('communes.name', 'is distinct from', eb.ref('excluded.name')),
            eb('communes.kind', 'is distinct from', eb.ref('excluded.kind')),
            eb('communes.name_folded', 'is distinct from', eb.ref('excluded.name_folded')),
          ]),
        ),
    )
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .execute();
  const inserted = written.filter((r) => r.inserted).length;
  return { inserted, updated: written.length - inserted };
}

export const countCommunes = async (db: Kysely<DB>) =>
  Number(
    (
      await db
        .selectFrom('communes')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Folded keys hold no wildcards, but a repository does not rely on what its callers pass. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

export interface CommuneSearch {
  provinceCode: string;
  /** foldVi of what the user typed; '' lists everything. Holds only letters, digits and spaces. */
  folded: string;
  limit: number;
  offset: number;
}

/** One page of a province's communes, best matches first: whole name, then name start, then anywhere. */
export async function searchCommunes(db: Kysely<DB>, s: CommuneSearch) {
  const like = escapeLike(s.folded);
  const base = db
    .selectFrom('communes')
    .where('province_code', '=', s.provinceCode)
    .$if(s.folded !== '', (qb) => qb.where('name_folded', 'like', `%${like}%`));
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy((eb) =>
        eb
          .case()
          .when('name_folded', '=', s.folded)
          .then(0)
          .when('name_folded', 'like', `${like}%`)
          .then(1)
          .else(2)
          .end(),
      )
      // Byte order: the same on every server whatever its locale, and right for ASCII keys.
      .orderBy(sql`name_folded collate "C"`)
      .orderBy('code')
      .limit(s.limit)
      .offset(s.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
