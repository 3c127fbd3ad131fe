/** HTTP for accounts and sessions. Each route: authenticate → validate (schema) → use case → present. */
import { Type } from 'typebox';
import { ErrorBody } from '../../../common/contracts/common';
import {
  Accepted,
  ChangePasswordBody,
  ForgotPasswordBody,
  LocaleBody,
  LoginBody,
  MeResponse,
  RegisterBody,
  ResetPasswordBody,
  UserResponse,
} from '../../../common/contracts/identity';
import { actorOf, clearSessionCookie, LANG_COOKIE, requestMeta, setSessionCookie } from '../../lib/http';
import type { ModuleRoutes } from '../../lib/route';
import { presentMe } from './presenter';
import * as identity from './service';

const tags = ['identity'];
const NoContent = Type.Null();

export const identityRoutes: ModuleRoutes = (app, ctx) => {
  const loginLimit = { max: 20, timeWindow: '1 minute' };

  app.get(
    '/api/auth/me',
    {
      config: { public: true },
      schema: { tags, summary: 'The signed-in account, or null', response: { 200: MeResponse } },
    },
    async (req) => {
      if (!req.actor) return { user: null };
      const { user, grants } = await identity.me(ctx, req.actor.userId);
      return { user: presentMe(user, grants) };
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: { public: true, rateLimit: loginLimit },
      schema: {
        tags,
        summary: 'Create an account (as a learner) and sign in',
        body: RegisterBody,
        response: { 201: UserResponse, 400: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const session = await identity.register(
        ctx,
        { ...req.body, locale: req.body.locale ?? req.locale },
        requestMeta(req),
      );
      setSessionCookie(reply, ctx.config, session.token, session.expiresAt);
      const { user, grants } = await identity.me(ctx, session.userId);
      return reply.status(201).send({ user: presentMe(user, grants) });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: loginLimit },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: LoginBody,
        response: {
          200: UserResponse,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          423: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      if (req.actor) await identity.logout(ctx, req.actor.sessionId);
      const session = await identity.login(ctx, req.body, requestMeta(req));
      setSessionCookie(reply, ctx.config, session.token, session.expiresAt);
      const { user, grants } = await identity.me(ctx, session.userId);
      if (!req.cookies[LANG_COOKIE]) req.locale = user.locale;
      return { user: presentMe(user, grants) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { public: true },
      schema: { tags, summary: 'Sign out of this device', response: { 204: NoContent } },
    },
    async (req, reply) => {
      if (req.actor) await identity.logout(ctx, req.actor.sessionId);
      clearSessionCookie(reply, ctx.config);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change my password (signs out other devices)',
        body: ChangePasswordBody,
        response: { 204: NoContent, 400: ErrorBody, 401: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      await identity.changePassword(ctx, actorOf(req), req.body, requestMeta(req));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password/forgot',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Send a password reset link',
        body: ForgotPasswordBody,
        response: { 202: Accepted, 400: ErrorBody },
      },
    },
    async (req, reply) => {
      await identity.requestPasswordReset(ctx, req.body.email, req.locale, requestMeta(req));
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    '/api/auth/password/reset',
    {
      config: { public: true, rateLimit: loginLimit },
      schema: {
        tags,
        summary: 'Choose a new password with a reset token',
        body: ResetPasswordBody,
        response: { 204: NoContent, 400: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      await identity.resetPassword(ctx, req.body, requestMeta(req));
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/auth/locale',
    {
      schema: {
        tags,
        summary: 'Remember my language',
        body: LocaleBody,
        response: { 204: NoContent, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (req, reply) => {
      await identity.setLocale(ctx, actorOf(req), req.body.locale);
      return reply.status(204).send(null);
    },
  );
};
