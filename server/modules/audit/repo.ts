/** SQL of the audit log. Rows are only ever inserted; nothing updates or deletes them. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export interface AuditRecord {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  organisationId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

export async function insertAudit(db: Kysely<DB>, r: AuditRecord) {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: r.actorUserId,
      action: r.action,
      entity_type: r.entityType,
      entity_id: r.entityId ?? null,
      organisation_id: r.organisationId ?? null,
      details: JSON.stringify(r.details ?? {}),
      ip: r.ip ?? null,
    })
    .execute();
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Kysely<DB>, f: AuditFilter) {
  let q = db.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.actor_user_id');
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.actorUserId) q = q.where('a.actor_user_id', '=', f.actorUserId);
  const [rows, total] = await Promise.all([
    q
      .select([
        'a.id',
        'a.at',
        'a.actor_user_id',
        'u.email as actor_email',
        'a.action',
        'a.entity_type',
        'a.entity_id',
        'a.organisation_id',
        'a.details',
      ])
      .orderBy('a.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
