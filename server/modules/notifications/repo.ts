/** SQL of in-app notifications. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

type Db = Kysely<DB>;

export const insertNotification = (
  db: Db,
  n: { userId: string; kind: string; params: Record<string, unknown>; link: string | null },
) =>
  db
    .insertInto('notifications')
    .values({ user_id: n.userId, kind: n.kind, params: JSON.stringify(n.params), link: n.link })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();

export async function listNotifications(
  db: Db,
  userId: string,
  f: { unreadOnly: boolean; page: number; pageSize: number },
) {
  let q = db.selectFrom('notifications').where('user_id', '=', userId);
  if (f.unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, counts] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    db
      .selectFrom('notifications')
      .select((eb) => [
        eb.fn.countAll<number>().as('all'),
        eb.fn.count<number>('id').filterWhere('read_at', 'is', null).as('unread'),
      ])
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows,
    total: f.unreadOnly ? Number(counts.unread) : Number(counts.all),
    unread: Number(counts.unread),
  };
}

export const markRead = (db: Db, userId: string, id: string) =>
  db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();

export const markAllRead = async (db: Db, userId: string) =>
  Number(
    (
      await db
        .updateTable('notifications')
        .set({ read_at: sql`now()` })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  );

/** Address and language of the accounts to e-mail; disabled accounts get no mail. */
export const mailRecipients = (db: Db, userIds: string[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('users')
        .select(['id', 'email', 'display_name', 'locale'])
        .where('id', 'in', userIds)
        .where('disabled', '=', false)
        .execute();
