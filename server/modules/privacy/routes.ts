/**
 * HTTP for the signed-in person's data rights: /api/me/consents, /api/me/data(.html), /api/me/erase.
 * No route names a person or an account: each acts on the caller's own, taken from the session.
 */
import { Type } from 'typebox';
import { ErrorBody, errorResponses } from '../../../common/contracts/common';
import {
  ConsentOverview,
  ConsentParams,
  EraseBody,
  PersonalDataExport,
  RecordConsentBody,
} from '../../../common/contracts/privacy';
import { actorOf, clearSessionCookie, requestMeta } from '../../lib/http';
import type { ModuleRoutes } from '../../lib/route';
import { renderPersonalDataHtml } from './html';
import { presentPersonalData } from './presenter';
import * as service from './service';

const tags = ['privacy'];

/** `nhanluc-my-data-2026-11-24.json`: the date of the copy, in Vietnam's time. */
const fileName = (ext: string, now = new Date()) =>
  `nhanluc-my-data-${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now)}.${ext}`;

export const privacyRoutes: ModuleRoutes = (app, ctx) => {
  app.get(
    '/api/me/consents',
    {
      schema: {
        tags,
        summary: 'My consent per purpose, and every choice I made',
        response: { 200: ConsentOverview, ...errorResponses },
      },
    },
    async (req) => service.consentOverview(ctx, actorOf(req)),
  );

  app.put(
    '/api/me/consents/:purpose',
    {
      schema: {
        tags,
        summary: 'Grant or withdraw my consent for one purpose, against the current wording',
        params: ConsentParams,
        body: RecordConsentBody,
        response: { 200: ConsentOverview, 409: ErrorBody, ...errorResponses },
      },
    },
    async (req) => service.recordConsent(ctx, actorOf(req), req.params.purpose, req.body, requestMeta(req)),
  );

  app.get(
    '/api/me/data',
    {
      schema: {
        tags,
        summary: 'A copy of everything the platform holds about me (JSON download)',
        response: { 200: PersonalDataExport, ...errorResponses },
      },
    },
    async (req, reply) => {
      const data = presentPersonalData(await service.collectPersonalData(ctx, actorOf(req)), req.locale);
      reply
        .header('content-disposition', `attachment; filename="${fileName('json')}"`)
        .header('cache-control', 'no-store');
      return data;
    },
  );

  app.get(
    '/api/me/data.html',
    {
      schema: {
        tags,
        summary: 'The same copy as a readable page in my language (HTML download)',
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const data = presentPersonalData(await service.collectPersonalData(ctx, actorOf(req)), req.locale);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName('html')}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(renderPersonalDataHtml(data, req.locale));
    },
  );

  app.post(
    '/api/me/erase',
    {
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Erase my personal data and close my account (asks for the password again)',
        body: EraseBody,
        response: { 204: Type.Null(), 422: ErrorBody, 429: ErrorBody, ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.erase(ctx, actorOf(req), req.body.password, requestMeta(req));
      clearSessionCookie(reply, ctx.config);
      return reply.status(204).send(null);
    },
  );
};
