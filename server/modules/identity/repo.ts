/** SQL of accounts, sessions, reset tokens and the grants an account holds. */
import { type Kysely, sql } from 'kysely';
import { foldVi } from '../../../common/text';
import type { DB, Locale, Role } from '../../db/schema';

export const findUserByEmail = (db: Kysely<DB>, email: string) =>
  db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();

export const findUserById = (db: Kysely<DB>, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const insertUser = (
  db: Kysely<DB>,
  u: { email: string; passwordHash: string; displayName: string; locale: Locale },
) =>
  db
    .insertInto('users')
    .values({
      email: u.email,
      password_hash: u.passwordHash,
      display_name: u.displayName,
      display_name_folded: foldVi(u.displayName),
      locale: u.locale,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updatePassword = (db: Kysely<DB>, userId: string, passwordHash: string) =>
  db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();

export const updateLocale = (db: Kysely<DB>, userId: string, locale: Locale) =>
  db.updateTable('users').set({ locale, updated_at: sql`now()` }).where('id', '=', userId).execute();

/** Counts a failed login; locks the account for `lockMinutes` when it reaches `maxFailures`. */
export const recordFailedLogin = (db: Kysely<DB>, userId: string, maxFailures: number, lockMinutes: number) =>
  db
    .updateTable('users')
    .set({
      failed_logins: sql`case when failed_logins + 1 >= ${maxFailures} then 0 else failed_logins + 1 end`,
      locked_until: sql`case when failed_logins + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) else locked_until end`,
    })
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();

export const clearFailedLogins = (db: Kysely<DB>, userId: string) =>
  db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();

export const insertSession = (
  db: Kysely<DB>,
  s: { id: string; userId: string; expiresAt: Date; userAgent: string | null; ip: string | null },
) =>
  db
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, expires_at: s.expiresAt, user_agent: s.userAgent, ip: s.ip })
    .execute();

/** The session and its user in one read; expired sessions and disabled accounts give nothing. */
export const findActiveSession = (db: Kysely<DB>, sessionId: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id',
      's.last_seen_at',
      'u.id as user_id',
      'u.email',
      'u.display_name',
      'u.locale',
    ])
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled', '=', false)
    .executeTakeFirst();

export const touchSession = (db: Kysely<DB>, sessionId: string) =>
  db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id', '=', sessionId).execute();

export const deleteSession = (db: Kysely<DB>, sessionId: string) =>
  db.deleteFrom('sessions').where('id', '=', sessionId).execute();

export const deleteOtherSessions = (db: Kysely<DB>, userId: string, keepSessionId: string | null) => {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) q = q.where('id', '<>', keepSessionId);
  return q.execute();
};

export const insertResetToken = (db: Kysely<DB>, t: { tokenHash: string; userId: string; expiresAt: Date }) =>
  db
    .insertInto('password_reset_tokens')
    .values({ token_hash: t.tokenHash, user_id: t.userId, expires_at: t.expiresAt })
    .execute();

/** Marks a reset token used, once: returns the user only if the token was valid and unused. */
export const consumeResetToken = (db: Kysely<DB>, tokenHash: string) =>
  db
    .updateTable('password_reset_tokens')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('user_id')
    .executeTakeFirst();

export const grantsOfUsers = (db: Kysely<DB>, userIds: string[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('role_grants as g')
        .leftJoin('organisations as o', 'o.id', 'g.organisation_id')
        .select([
          'g.id',
          'g.user_id',
          'g.role',
          'g.organisation_id',
          'o.name as organisation_name',
          'o.kind as organisation_kind',
        ])
        .where('g.user_id', 'in', userIds)
        .orderBy('g.created_at')
        .execute();

export const insertGrant = (
  db: Kysely<DB>,
  g: { userId: string; role: Role; organisationId: string | null; grantedBy: string | null },
) =>
  db
    .insertInto('role_grants')
    .values({ user_id: g.userId, role: g.role, organisation_id: g.organisationId, granted_by: g.grantedBy })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();

export const findResetTokenOwner = (db: Kysely<DB>, tokenHash: string) =>
  db
    .selectFrom('password_reset_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.email'])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
