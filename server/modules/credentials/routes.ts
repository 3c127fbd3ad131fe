/**
 * HTTP for verifiable certificates. Public: the verification endpoints, a certificate's public view
 * by id, and what a verifier needs from an issuer (profile, keys, revocation list). Signed in: the
 * wallet, downloads (holder or issuer), revocation and key rotation (issuer's administrators).
 */
import { Type } from 'typebox';
import { ErrorBody, errorResponses } from '../../../common/contracts/common';
import {
  CredentialDownload,
  CredentialParams,
  IssuedList,
  IssuedQuery,
  IssuerParams,
  IssuerProfile,
  Jwks,
  PublicCredential,
  RevokeBody,
  RotatedKey,
  VerifyBody,
  VerifyResult,
  WalletList,
  WalletQuery,
} from '../../../common/contracts/credentials';
import { actorOf, requestMeta } from '../../lib/http';
import type { ModuleRoutes } from '../../lib/route';
import { presentIssuedCredential, presentPublicCredential, presentWalletItem } from './presenter';
import * as service from './service';

const tags = ['credentials'];
const page = (q: { page?: number; pageSize?: number }) => ({ page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
const publicErrors = { 400: ErrorBody, 404: ErrorBody };

export const credentialRoutes: ModuleRoutes = (app, ctx) => {
  const appUrl = ctx.config.APP_URL;

  app.post(
    '/api/credentials/verify',
    {
      // Anyone may verify, with any tool: the answer depends on nothing but the body, so no session
      // and no CSRF token is needed (there is no authority to forge).
      config: { public: true, csrfExempt: true, rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Verify a certificate: its VC-JWT, its JSON, or its id',
        body: VerifyBody,
        response: { 200: VerifyResult, ...publicErrors },
      },
    },
    async (req) => service.verifyCredential(ctx, req.body, req.locale),
  );

  app.get(
    '/api/credentials/issuers/:orgId',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "An issuer's Open Badges profile (what a credential's issuer id resolves to)",
        params: IssuerParams,
        response: { 200: IssuerProfile, ...publicErrors },
      },
    },
    async (req) => service.issuerProfile(ctx, req.params.orgId),
  );

  app.get(
    '/api/credentials/issuers/:orgId/jwks',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "An issuer's public keys (JWKS), old ones included so every certificate keeps verifying",
        params: IssuerParams,
        response: { 200: Jwks, ...publicErrors },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return service.issuerJwks(ctx, req.params.orgId);
    },
  );

  app.post(
    '/api/credentials/issuers/:orgId/keys/rotate',
    {
      schema: {
        tags,
        summary: "Make a new signing key for the issuer; old keys keep verifying (issuer's administrators)",
        params: IssuerParams,
        response: { 201: RotatedKey, ...errorResponses },
      },
    },
    async (req, reply) => {
      const k = await service.rotateIssuerKey(ctx, actorOf(req), req.params.orgId, requestMeta(req));
      return reply.status(201).send({ kid: k.kid, createdAt: new Date(k.createdAt).toISOString() });
    },
  );

  app.get(
    '/api/credentials/status/:orgId',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "An issuer's revocation list: a BitstringStatusListCredential signed as a VC-JWT",
        params: IssuerParams,
        response: { 200: Type.String({ description: 'application/vc+jwt' }), ...publicErrors },
      },
    },
    async (req, reply) => {
      const jwt = await service.statusListJwt(ctx, req.params.orgId);
      return reply.header('cache-control', 'public, max-age=60').type('application/vc+jwt').send(jwt);
    },
  );

  app.get(
    '/api/credentials/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "A certificate's public view: learner's name, course, issuer, status and its VC-JWT",
        params: CredentialParams,
        response: { 200: PublicCredential, ...publicErrors },
      },
    },
    async (req) =>
      presentPublicCredential(await service.getPublicCredential(ctx, req.params.id), appUrl, req.locale),
  );

  app.post(
    '/api/credentials/:id/revoke',
    {
      schema: {
        tags,
        summary: "Revoke a certificate (issuer's administrators, platform admin)",
        params: CredentialParams,
        body: RevokeBody,
        response: { 200: PublicCredential, ...errorResponses, 409: ErrorBody },
      },
    },
    async (req) =>
      presentPublicCredential(
        await service.revokeCredential(ctx, actorOf(req), req.params.id, req.body, requestMeta(req)),
        appUrl,
        req.locale,
      ),
  );

  app.get(
    '/api/credentials/:id/download.json',
    {
      schema: {
        tags,
        summary: 'The VC-JWT and its decoded credential (holder or issuer)',
        params: CredentialParams,
        response: { 200: CredentialDownload, ...errorResponses },
      },
    },
    async (req, reply) => {
      const d = await service.downloadJson(ctx, actorOf(req), req.params.id);
      reply.header('content-disposition', `attachment; filename="credential-${d.id}.json"`);
      return d;
    },
  );

  app.get(
    '/api/credentials/:id/download.pdf',
    {
      schema: {
        tags,
        summary: 'The printable certificate (holder or issuer)',
        params: CredentialParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const pdf = await service.downloadPdf(ctx, actorOf(req), req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${pdf.filename}"`)
        .send(pdf.data);
    },
  );

  app.get(
    '/api/me/credentials',
    {
      schema: {
        tags,
        summary: "The signed-in person's certificates (their wallet)",
        querystring: WalletQuery,
        response: { 200: WalletList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { rows, total } = await service.listWallet(ctx, actorOf(req), {
        sort: req.query.sort ?? '-issuedAt',
        ...p,
      });
      return { items: rows.map((r) => presentWalletItem(r, appUrl, req.locale)), total, ...p };
    },
  );

  app.get(
    '/api/organisations/:orgId/credentials',
    {
      schema: {
        tags,
        summary: 'Certificates this organisation issued (its administrators)',
        params: IssuerParams,
        querystring: IssuedQuery,
        response: { 200: IssuedList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { rows, total } = await service.listIssued(ctx, actorOf(req), req.params.orgId, {
        q: req.query.q,
        status: req.query.status,
        courseId: req.query.courseId,
        sort: req.query.sort ?? '-issuedAt',
        ...p,
      });
      return { items: rows.map((r) => presentIssuedCredential(r, appUrl, req.locale)), total, ...p };
    },
  );
};
