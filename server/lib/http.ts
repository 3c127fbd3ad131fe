/**
 * The request pipeline every route shares: language, session → actor, CSRF, and deny-by-default
 * authentication. A route is open to anonymous callers only when it says `config: { public: true }`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../common/i18n/locales';
import type { Config } from '../config';
import type { Actor } from './actor';
import { AppError } from './errors';
import { pickLocale } from './i18n';
import { newToken, sameToken } from './tokens';

export const SESSION_COOKIE = 'nl_session';
export const CSRF_COOKIE = 'nl_csrf';
export const LANG_COOKIE = 'nl_lang';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Anyone may call this route, signed in or not. */
    public?: boolean;
    /** Skip the CSRF check (only for requests that carry no cookie-based authority). */
    csrfExempt?: boolean;
  }
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const mintsCsrf = (url: string) => !url.startsWith('/api/') || url.startsWith('/api/auth/');

export function registerRequestPipeline(
  app: FastifyInstance,
  config: Config,
  resolveActor: (token: string) => Promise<Actor | null>,
) {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'vi');

  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await resolveActor(token) : null;
    if (token && !req.actor) clearSessionCookie(reply, config);
    req.locale = pickLocale(req.cookies[LANG_COOKIE], req.actor?.locale, req.headers['accept-language']);

    // Double-submit CSRF token: a readable cookie the page echoes in a header. A foreign site can
    // neither read the cookie nor set the header, so it cannot make a state-changing request.
    // The cookie is minted where a visit starts: pages and files, and /api/auth/* (the web app and
    // API clients call GET /api/auth/me before their first change). Other API reads do not mint one,
    // so the busy public lists stay cheap for clients that never change anything.
    if (!req.cookies[CSRF_COOKIE] && mintsCsrf(req.url)) {
      reply.setCookie(CSRF_COOKIE, newToken(), {
        path: '/',
        sameSite: 'strict',
        secure: config.COOKIE_SECURE,
        httpOnly: false,
      });
    }
    if (unsafe.has(req.method) && req.url.startsWith('/api/') && !req.routeOptions.config?.csrfExempt) {
      const header = req.headers[CSRF_HEADER];
      if (
        typeof header !== 'string' ||
        !req.cookies[CSRF_COOKIE] ||
        !sameToken(header, req.cookies[CSRF_COOKIE])
      ) {
        throw new AppError('CSRF_FAILED');
      }
    }
    if (needsAuthentication(req) && !req.actor) {
      throw new AppError('UNAUTHENTICATED');
    }
  });
}

/** Deny by default: every API route needs a signed-in actor unless it is declared public. */
export function needsAuthentication(req: FastifyRequest) {
  const url = req.routeOptions.url;
  if (!url?.startsWith('/api/') || url.startsWith('/api/docs')) return false;
  return !req.routeOptions.config?.public;
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.COOKIE_SECURE,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.COOKIE_SECURE,
  });
}

export const requestMeta = (req: FastifyRequest) => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'] ?? null,
});

/** The signed-in actor; routes that are not public can rely on it being there. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

/**
 * Send JSON that was serialised earlier (by the route's own response schema) and cached as bytes.
 * The typed reply only accepts the schema's object shape, hence the one cast here.
 */
export function sendSerialised(reply: FastifyReply, json: Buffer) {
  return (reply as FastifyReply).type('application/json; charset=utf-8').send(json as never);
}
