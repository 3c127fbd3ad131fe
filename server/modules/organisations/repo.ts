/** SQL of organisations, their members (role grants) and the platform's account administration. */
import { type Kysely, sql } from 'kysely';
import { foldVi } from '../../../common/text';
import type { DB, Locale, OrganisationKind, Role } from '../../db/schema';

const likeFolded = (q: string) => `%${foldVi(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface OrganisationFilter {
  q?: string;
  kind?: OrganisationKind;
  sort: 'name' | '-name' | 'createdAt' | '-createdAt' | 'kind';
  page: number;
  pageSize: number;
}

export async function listOrganisations(db: Kysely<DB>, f: OrganisationFilter) {
  let q = db.selectFrom('organisations');
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.q?.trim()) q = q.where('name_folded', 'like', likeFolded(f.q));
  const column =
    f.sort.replace('-', '') === 'createdAt' ? 'created_at' : (f.sort.replace('-', '') as 'name' | 'kind');
  const direction = f.sort.startsWith('-') ? 'desc' : 'asc';
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy(column, direction)
      .orderBy('name')
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const findOrganisation = (db: Kysely<DB>, id: string) =>
  db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrganisationBySlug = (db: Kysely<DB>, slug: string) =>
  db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();

export interface NewOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  country?: string;
  provinceCode?: string | null;
  website?: string | null;
  isDemo?: boolean;
  verified?: boolean;
}

export const insertOrganisation = (db: Kysely<DB>, o: NewOrganisation) =>
  db
    .insertInto('organisations')
    .values({
      slug: o.slug,
      name: o.name,
      name_folded: foldVi(o.name),
      kind: o.kind,
      country: o.country ?? 'VN',
      province_code: o.provinceCode ?? null,
      website: o.website ?? null,
      is_demo: o.isDemo ?? false,
      verified_at: o.verified ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateOrganisation = (
  db: Kysely<DB>,
  id: string,
  c: { name?: string; provinceCode?: string | null; website?: string | null; verified?: boolean },
) =>
  db
    .updateTable('organisations')
    .set({
      ...(c.name !== undefined ? { name: c.name, name_folded: foldVi(c.name) } : {}),
      ...(c.provinceCode !== undefined ? { province_code: c.provinceCode } : {}),
      ...(c.website !== undefined ? { website: c.website } : {}),
      ...(c.verified !== undefined
        ? { verified_at: c.verified ? sql`coalesce(verified_at, now())` : null }
        : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();

export async function listMembers(
  db: Kysely<DB>,
  orgId: string,
  f: { q?: string; page: number; pageSize: number },
) {
  let q = db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .where('g.organisation_id', '=', orgId);
  if (f.q?.trim()) {
    const pattern = likeFolded(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('u.display_name_folded', 'like', pattern),
        eb(sql<string>`lower(u.email)`, 'like', `%${f.q!.trim().toLowerCase()}%`),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .select(['g.id as grant_id', 'u.id as user_id', 'u.email', 'u.display_name', 'g.role', 'g.created_at'])
      .orderBy('u.display_name')
      .orderBy('g.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const findGrant = (db: Kysely<DB>, grantId: string) =>
  db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.id', 'g.user_id', 'g.role', 'g.organisation_id', 'g.created_at', 'u.email', 'u.display_name'])
    .where('g.id', '=', grantId)
    .executeTakeFirst();

export const deleteGrant = (db: Kysely<DB>, grantId: string) =>
  db.deleteFrom('role_grants').where('id', '=', grantId).execute();

export const countPlatformAdmins = async (db: Kysely<DB>) =>
  Number(
    (
      await db
        .selectFrom('role_grants as g')
        .innerJoin('users as u', 'u.id', 'g.user_id')
        .where('g.role', '=', 'platform_admin')
        .where('u.disabled', '=', false)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export interface UserFilter {
  q?: string;
  role?: Role;
  sort: 'email' | '-email' | 'displayName' | '-displayName' | 'createdAt' | '-createdAt';
  page: number;
  pageSize: number;
}

export async function listUsers(db: Kysely<DB>, f: UserFilter) {
  let q = db.selectFrom('users as u');
  if (f.q?.trim()) {
    const pattern = likeFolded(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('u.display_name_folded', 'like', pattern),
        eb(sql<string>`lower(u.email)`, 'like', `%${f.q!.trim().toLowerCase()}%`),
      ]),
    );
  }
  if (f.role) {
    const role = f.role;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants as g')
          .whereRef('g.user_id', '=', 'u.id')
          .where('g.role', '=', role)
          .select('g.id'),
      ),
    );
  }
  const key = f.sort.replace('-', '');
  const column = key === 'createdAt' ? 'u.created_at' : key === 'displayName' ? 'u.display_name' : 'u.email';
  const [rows, count] = await Promise.all([
    q
      .selectAll('u')
      .orderBy(column, f.sort.startsWith('-') ? 'desc' : 'asc')
      .orderBy('u.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const updateUser = (
  db: Kysely<DB>,
  id: string,
  c: { displayName?: string; locale?: Locale; disabled?: boolean; unlock?: boolean },
) =>
  db
    .updateTable('users')
    .set({
      ...(c.displayName !== undefined
        ? { display_name: c.displayName, display_name_folded: foldVi(c.displayName) }
        : {}),
      ...(c.locale !== undefined ? { locale: c.locale } : {}),
      ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
      ...(c.unlock ? { locked_until: null, failed_logins: 0 } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
