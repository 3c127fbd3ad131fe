/**
 * Organisations, their members and the platform's account administration. Every change to a person's
 * account or a role grant is written to the audit log in the same transaction.
 */
import type { Locale, OrganisationKind, Role } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { ReadCache } from '../../lib/cache';
import type { AppContext, RequestMeta } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { insertAudit, listAudit } from '../audit/repo';
import { findProvince } from '../geo/repo';
import * as identityRepo from '../identity/repo';
import { assertRoleFits, policy } from './policy';
import * as repo from './repo';

/** The public organisation list is read on every partner and employer page and changes rarely. */
type OrganisationPage = Awaited<ReturnType<typeof repo.listOrganisations>>;
const listCaches = new WeakMap<object, ReadCache<OrganisationPage>>();
const listCache = (ctx: AppContext) => {
  let cache = listCaches.get(ctx.db);
  if (!cache) {
    cache = new ReadCache<OrganisationPage>({ ttlMs: 30_000, max: 500 });
    listCaches.set(ctx.db, cache);
  }
  return cache;
};

export async function listOrganisations(ctx: AppContext, f: repo.OrganisationFilter) {
  const key = JSON.stringify([f.q ?? '', f.kind ?? '', f.sort, f.page, f.pageSize]);
  return listCache(ctx).get(key, () => repo.listOrganisations(ctx.db, f));
}

/** Any committed write to organisations makes the cached lists stale. */
export const organisationsChanged = (ctx: AppContext) => listCache(ctx).clear();

export async function getOrganisation(ctx: AppContext, id: string) {
  const org = await repo.findOrganisation(ctx.db, id);
  if (!org) throw notFound('organisation');
  return org;
}

/** A province code must be one of the 34 current units (old codes are resolved by geo, not stored). */
async function assertProvince(ctx: AppContext, code: string | null | undefined) {
  if (!code) return;
  if (!(await findProvince(ctx.db, code))) {
    throw new AppError('VALIDATION_FAILED', {
      fields: { '/provinceCode': 'unknownProvince' },
      message: `unknown province ${code}`,
    });
  }
}

export async function createOrganisation(
  ctx: AppContext,
  actor: Actor,
  input: repo.NewOrganisation,
  meta: RequestMeta,
) {
  policy.createOrganisation(actor);
  await assertProvince(ctx, input.provinceCode);
  const created = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findOrganisationBySlug(trx, input.slug)) throw new AppError('SLUG_TAKEN');
    const org = await repo.insertOrganisation(trx, input);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'organisation.created',
      entityType: 'organisation',
      entityId: org.id,
      organisationId: org.id,
      details: { ...input },
      ip: meta.ip,
    });
    return org;
  });
  organisationsChanged(ctx);
  return created;
}

export async function updateOrganisation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  changes: { name?: string; provinceCode?: string | null; website?: string | null; verified?: boolean },
  meta: RequestMeta,
) {
  policy.updateOrganisation(actor, id, changes);
  await assertProvince(ctx, changes.provinceCode);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findOrganisation(trx, id);
    if (!before) throw notFound('organisation');
    const after = await repo.updateOrganisation(trx, id, changes);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action:
        changes.verified === undefined
          ? 'organisation.updated'
          : changes.verified
            ? 'organisation.verified'
            : 'organisation.unverified',
      entityType: 'organisation',
      entityId: id,
      organisationId: id,
      details: {
        changes,
        before: {
          name: before.name,
          provinceCode: before.province_code,
          website: before.website,
          verified: !!before.verified_at,
        },
      },
      ip: meta.ip,
    });
    return after!;
  });
  organisationsChanged(ctx);
  return updated;
}

export async function listMembers(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  f: { q?: string; page: number; pageSize: number },
) {
  policy.readMembers(actor, orgId);
  await getOrganisation(ctx, orgId);
  return repo.listMembers(ctx.db, orgId, f);
}

async function grant(
  ctx: AppContext,
  actor: Actor,
  input: { userId: string; role: Role; organisationId: string | null },
  meta: RequestMeta,
) {
  return ctx.db.transaction().execute(async (trx) => {
    let kind: OrganisationKind | null = null;
    if (input.organisationId) {
      const org = await repo.findOrganisation(trx, input.organisationId);
      if (!org) throw notFound('organisation');
      kind = org.kind;
    }
    assertRoleFits(input.role, kind);
    const created = await identityRepo.insertGrant(trx, { ...input, grantedBy: actor.userId });
    if (!created) throw new AppError('ROLE_ALREADY_GRANTED');
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'role.granted',
      entityType: 'user',
      entityId: input.userId,
      organisationId: input.organisationId,
      details: { role: input.role, grantId: created.id },
      ip: meta.ip,
    });
    return created;
  });
}

async function revoke(ctx: AppContext, actor: Actor, grantId: string, meta: RequestMeta, orgId?: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const g = await repo.findGrant(trx, grantId);
    if (!g || (orgId !== undefined && g.organisation_id !== orgId)) throw notFound('grant');
    if (orgId !== undefined) policy.manageMember(actor, orgId, g.role);
    if (g.role === 'platform_admin' && (await repo.countPlatformAdmins(trx)) <= 1)
      throw new AppError('LAST_PLATFORM_ADMIN');
    await repo.deleteGrant(trx, grantId);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'role.revoked',
      entityType: 'user',
      entityId: g.user_id,
      organisationId: g.organisation_id,
      details: { role: g.role, grantId },
      ip: meta.ip,
    });
  });
}

export async function addMember(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: { email: string; role: Role },
  meta: RequestMeta,
) {
  policy.manageMember(actor, orgId, input.role);
  const user = await identityRepo.findUserByEmail(ctx.db, input.email);
  if (!user) throw notFound('user');
  const created = await grant(ctx, actor, { userId: user.id, role: input.role, organisationId: orgId }, meta);
  return { ...created, email: user.email, display_name: user.display_name };
}

export async function removeMember(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  grantId: string,
  meta: RequestMeta,
) {
  policy.readMembers(actor, orgId);
  await revoke(ctx, actor, grantId, meta, orgId);
}

async function withGrants<T extends { id: string }>(ctx: AppContext, users: T[]) {
  const grants = await identityRepo.grantsOfUsers(
    ctx.db,
    users.map((u) => u.id),
  );
  return users.map((u) => ({ user: u, grants: grants.filter((g) => g.user_id === u.id) }));
}

export async function listUsers(ctx: AppContext, actor: Actor, f: repo.UserFilter) {
  policy.administerUsers(actor);
  const { rows, total } = await repo.listUsers(ctx.db, f);
  return { items: await withGrants(ctx, rows), total };
}

export async function getUser(ctx: AppContext, actor: Actor, userId: string) {
  policy.administerUsers(actor);
  const user = await identityRepo.findUserById(ctx.db, userId);
  if (!user) throw notFound('user');
  return (await withGrants(ctx, [user]))[0]!;
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  changes: { displayName?: string; locale?: Locale; disabled?: boolean; unlock?: boolean },
  meta: RequestMeta,
) {
  policy.administerUsers(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await identityRepo.findUserById(trx, userId);
    if (!before) throw notFound('user');
    if (changes.disabled && userId === actor.userId) throw new AppError('CANNOT_DISABLE_SELF');
    await repo.updateUser(trx, userId, changes);
    if (changes.disabled) await identityRepo.deleteOtherSessions(trx, userId, null);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'user.updated',
      entityType: 'user',
      entityId: userId,
      details: {
        changes,
        before: { displayName: before.display_name, locale: before.locale, disabled: before.disabled },
      },
      ip: meta.ip,
    });
  });
  return getUser(ctx, actor, userId);
}

export async function grantRole(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: { role: Role; organisationId: string | null },
  meta: RequestMeta,
) {
  policy.administerUsers(actor);
  if (!(await identityRepo.findUserById(ctx.db, userId))) throw notFound('user');
  await grant(ctx, actor, { userId, ...input }, meta);
  return getUser(ctx, actor, userId);
}

export async function revokeRole(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  grantId: string,
  meta: RequestMeta,
) {
  policy.administerUsers(actor);
  const g = await repo.findGrant(ctx.db, grantId);
  if (!g || g.user_id !== userId) throw notFound('grant');
  await revoke(ctx, actor, grantId, meta);
}

export async function readAudit(
  ctx: AppContext,
  actor: Actor,
  f: { entityType?: string; entityId?: string; actorUserId?: string; page: number; pageSize: number },
) {
  policy.readAudit(actor);
  return listAudit(ctx.db, f);
}
