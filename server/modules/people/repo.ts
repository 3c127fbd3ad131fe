/** SQL of the people registry's core: one row per real person, linked to an account when they have one. */
import { type Kysely, sql } from 'kysely';
import { foldVi } from '../../../common/text';
import type { DB } from '../../db/schema';

export const findPersonByUser = (db: Kysely<DB>, userId: string) =>
  db.selectFrom('people').selectAll().where('user_id', '=', userId).executeTakeFirst();

export const findPerson = (db: Kysely<DB>, id: string) =>
  db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * The person behind an account, created on first need from the account's display name. Safe under
 * concurrency: the unique user_id makes a racing second insert a no-op.
 */
export async function ensurePersonForUser(db: Kysely<DB>, userId: string) {
  const existing = await findPersonByUser(db, userId);
  if (existing) return existing;
  const user = await db
    .selectFrom('users')
    .select(['display_name'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('people')
    .values({ user_id: userId, full_name: user.display_name, full_name_folded: foldVi(user.display_name) })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  return (await findPersonByUser(db, userId))!;
}

export const insertPerson = (
  db: Kysely<DB>,
  p: {
    fullName: string;
    userId?: string | null;
    sex?: 'F' | 'M' | 'X' | null;
    dateOfBirth?: string | null;
    provinceCode?: string | null;
  },
) =>
  db
    .insertInto('people')
    .values({
      full_name: p.fullName,
      full_name_folded: foldVi(p.fullName),
      user_id: p.userId ?? null,
      sex: p.sex ?? null,
      date_of_birth: p.dateOfBirth ?? null,
      province_code: p.provinceCode ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const touchPerson = (db: Kysely<DB>, id: string) =>
  db.updateTable('people').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
