/**
 * Accounts and sessions: registration, login with lock-out, logout, password change and reset.
 * Knows nothing of HTTP: the routes hand it plain values and present what it returns.
 */
import type { Locale } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import type { AppContext, RequestMeta } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { translate } from '../../lib/i18n';
import { hashToken, newToken } from '../../lib/tokens';
import { insertAudit } from '../audit/repo';
import { createAccountPerson } from '../registry/people/registration';
import { assertStrongPassword, dummyVerify, hashPassword, verifyPassword } from './password';
import * as repo from './repo';

const RESET_MINUTES = 60;
const TOUCH_EVERY_MS = 15 * 60 * 1000;

export interface NewSession {
  token: string;
  userId: string;
  expiresAt: Date;
}

async function startSession(ctx: AppContext, userId: string, meta: RequestMeta): Promise<NewSession> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + ctx.config.SESSION_DAYS * 86_400_000);
  await repo.insertSession(ctx.db, {
    id: hashToken(token),
    userId,
    expiresAt,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip ?? null,
  });
  return { token, userId, expiresAt };
}

export async function register(
  ctx: AppContext,
  input: { email: string; password: string; displayName: string; locale: Locale },
  meta: RequestMeta,
) {
  const email = input.email.trim();
  assertStrongPassword(input.password, email);
  if (await repo.findUserByEmail(ctx.db, email)) throw new AppError('EMAIL_TAKEN');
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.findUserByEmail(trx, email);
    if (existing) throw new AppError('EMAIL_TAKEN');
    const created = await repo.insertUser(trx, {
      email,
      passwordHash,
      displayName: input.displayName.trim(),
      locale: input.locale,
    });
    await repo.insertGrant(trx, {
      userId: created.id,
      role: 'learner',
      organisationId: null,
      grantedBy: null,
    });
    // The account's person, checked against the registry: matches are queued, never linked (decision 009).
    await createAccountPerson(trx, { userId: created.id, displayName: created.display_name, email });
    await insertAudit(trx, {
      actorUserId: created.id,
      action: 'user.registered',
      entityType: 'user',
      entityId: created.id,
      details: { email },
      ip: meta.ip,
    });
    return created;
  });
  const session = await startSession(ctx, user.id, meta);
  await ctx.mail.send({
    to: user.email,
    subject: translate(user.locale, 'mail.welcome.subject'),
    text: translate(user.locale, 'mail.welcome.body', {
      name: user.display_name,
      link: `${ctx.config.APP_URL}/login`,
    }),
  });
  return session;
}

export async function login(ctx: AppContext, input: { email: string; password: string }, meta: RequestMeta) {
  const user = await repo.findUserByEmail(ctx.db, input.email.trim());
  if (!user) {
    await dummyVerify(input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.locked_until && user.locked_until.getTime() > Date.now()) {
    const minutes = Math.max(1, Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000));
    throw new AppError('ACCOUNT_LOCKED', { params: { minutes } });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const after = await repo.recordFailedLogin(
      ctx.db,
      user.id,
      ctx.config.LOGIN_MAX_FAILURES,
      ctx.config.LOGIN_LOCK_MINUTES,
    );
    if (after.locked_until && after.locked_until.getTime() > Date.now()) {
      await insertAudit(ctx.db, {
        actorUserId: null,
        action: 'user.locked',
        entityType: 'user',
        entityId: user.id,
        ip: meta.ip,
      });
      throw new AppError('ACCOUNT_LOCKED', { params: { minutes: ctx.config.LOGIN_LOCK_MINUTES } });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  if (user.failed_logins > 0 || user.locked_until) await repo.clearFailedLogins(ctx.db, user.id);
  return startSession(ctx, user.id, meta);
}

export async function logout(ctx: AppContext, sessionId: string) {
  await repo.deleteSession(ctx.db, sessionId);
}

/** Resolves a session cookie to the actor behind it, or null. */
export async function actorFromSessionToken(ctx: AppContext, token: string): Promise<Actor | null> {
  const sessionId = hashToken(token);
  const row = await repo.findActiveSession(ctx.db, sessionId);
  if (!row) return null;
  const grants = await repo.grantsOfUsers(ctx.db, [row.user_id]);
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) await repo.touchSession(ctx.db, sessionId);
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    sessionId,
    grants: grants.map((g) => ({
      role: g.role,
      organisationId: g.organisation_id,
      organisationKind: g.organisation_kind,
    })),
  };
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
) {
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError('WRONG_PASSWORD');
  assertStrongPassword(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePassword(trx, user.id, passwordHash);
    // Every other device is signed out: a changed password must lock out whoever knew the old one.
    await repo.deleteOtherSessions(trx, user.id, actor.sessionId);
    await insertAudit(trx, {
      actorUserId: user.id,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      ip: meta.ip,
    });
  });
  await ctx.mail.send({
    to: user.email,
    subject: translate(user.locale, 'mail.passwordChanged.subject'),
    text: translate(user.locale, 'mail.passwordChanged.body', {
      name: user.display_name,
      link: `${ctx.config.APP_URL}/forgot-password`,
    }),
  });
}

/** Always succeeds from the caller's view, so nobody can learn which e-mails have accounts. */
export async function requestPasswordReset(
  ctx: AppContext,
  email: string,
  locale: Locale,
  meta: RequestMeta,
) {
  const user = await repo.findUserByEmail(ctx.db, email.trim());
  if (!user || user.disabled) return;
  const token = newToken();
  await repo.insertResetToken(ctx.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
  });
  await insertAudit(ctx.db, {
    actorUserId: null,
    action: 'user.password_reset_requested',
    entityType: 'user',
    entityId: user.id,
    ip: meta.ip,
  });
  const link = `${ctx.config.APP_URL}/reset-password?token=${encodeURIComponent(token)}`;
  await ctx.mail.send({
    to: user.email,
    subject: translate(locale, 'mail.passwordReset.subject'),
    text: translate(locale, 'mail.passwordReset.body', {
      name: user.display_name,
      link,
      minutes: RESET_MINUTES,
    }),
  });
}

export async function resetPassword(
  ctx: AppContext,
  input: { token: string; newPassword: string },
  meta: RequestMeta,
) {
  const tokenHash = hashToken(input.token);
  // Check strength before spending the token, so a weak choice can be corrected with the same link.
  const peek = await repo.findResetTokenOwner(ctx.db, tokenHash);
  if (!peek) throw new AppError('INVALID_RESET_TOKEN');
  assertStrongPassword(input.newPassword, peek.email);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const used = await repo.consumeResetToken(trx, tokenHash);
    if (!used) throw new AppError('INVALID_RESET_TOKEN');
    await repo.updatePassword(trx, used.user_id, passwordHash);
    await repo.clearFailedLogins(trx, used.user_id);
    await repo.deleteOtherSessions(trx, used.user_id, null);
    await insertAudit(trx, {
      actorUserId: used.user_id,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: used.user_id,
      ip: meta.ip,
    });
  });
}

export async function setLocale(ctx: AppContext, actor: Actor, locale: Locale) {
  await repo.updateLocale(ctx.db, actor.userId, locale);
}

export async function me(ctx: AppContext, userId: string) {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const grants = await repo.grantsOfUsers(ctx.db, [user.id]);
  return { user, grants };
}
