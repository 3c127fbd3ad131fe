/** SQL of programs and their organisations. */
import type { Insertable, Kysely } from 'kysely';
import { foldVi } from '../../../common/text';
import type { DB, ProgramOrganisationRole, ProgramsTable } from '../../db/schema';

const likeFolded = (q: string) => `%${foldVi(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listPrograms(
  db: Kysely<DB>,
  f: { q?: string; organisationId?: string; page: number; pageSize: number },
) {
  let q = db.selectFrom('programs as p');
  if (f.q?.trim()) q = q.where('p.name_folded', 'like', likeFolded(f.q));
  if (f.organisationId) {
    const orgId = f.organisationId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('program_organisations as po')
          .whereRef('po.program_id', '=', 'p.id')
          .where('po.organisation_id', '=', orgId)
          .select('po.program_id'),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll('p')
      .orderBy('p.starts_on', 'desc')
      .orderBy('p.code')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const findProgramByCode = (db: Kysely<DB>, code: string) =>
  db.selectFrom('programs').selectAll().where('code', '=', code).executeTakeFirst();

export const organisationsOfPrograms = (db: Kysely<DB>, programIds: string[]) =>
  programIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('program_organisations as po')
        .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
        .select(['po.program_id', 'po.role', 'o.id', 'o.name', 'o.kind'])
        .where('po.program_id', 'in', programIds)
        .orderBy('po.role')
        .orderBy('o.name')
        .execute();

export type NewProgram = Omit<Insertable<ProgramsTable>, 'name_folded'>;

export const upsertProgram = (db: Kysely<DB>, p: NewProgram) => {
  const values = { ...p, name_folded: foldVi(`${p.name_vi} ${p.name_en} ${p.name_ja}`) };
  return db
    .insertInto('programs')
    .values(values)
    .onConflict((oc) => oc.column('code').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
};

export const linkOrganisation = (
  db: Kysely<DB>,
  programId: string,
  organisationId: string,
  role: ProgramOrganisationRole,
) =>
  db
    .insertInto('program_organisations')
    .values({ program_id: programId, organisation_id: organisationId, role })
    .onConflict((oc) => oc.doNothing())
    .execute();
