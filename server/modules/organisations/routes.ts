/** HTTP for organisations and members (/api/organisations) and platform administration (/api/admin). */
import { Type } from 'typebox';
import { ErrorBody, errorResponses } from '../../../common/contracts/common';
import {
  AddMemberBody,
  AdminUser,
  AuditList,
  AuditListQuery,
  CreateOrganisationBody,
  GrantBody,
  GrantParams,
  Member,
  MemberList,
  MemberListQuery,
  MemberParams,
  Organisation,
  OrganisationList,
  OrganisationListQuery,
  OrgParams,
  UpdateOrganisationBody,
  UpdateUserBody,
  UserList,
  UserListQuery,
  UserParams,
} from '../../../common/contracts/organisations';
import { actorOf, requestMeta, sendSerialised } from '../../lib/http';
import type { ModuleRoutes } from '../../lib/route';
import { presentAdminUser, presentAuditEntry, presentMember, presentOrganisation } from './presenter';
import * as service from './service';

const NoContent = Type.Null();
const orgTags = ['organisations'];
const adminTags = ['admin'];
const page = (q: { page?: number; pageSize?: number }) => ({ page: q.page ?? 1, pageSize: q.pageSize ?? 20 });

/**
 * The public list is the busiest read of the platform. service.listOrganisations caches pages of rows;
 * each cached page is presented and serialised (by the route's own response schema) once, then the
 * same JSON text is sent until a write clears the cache.
 */
const serialisedPages = new WeakMap<object, Buffer>();

export const organisationRoutes: ModuleRoutes = (app, ctx) => {
  app.get(
    '/api/organisations',
    {
      config: { public: true },
      schema: {
        tags: orgTags,
        summary: 'Organisations on the platform',
        querystring: OrganisationListQuery,
        response: { 200: OrganisationList, 400: ErrorBody },
      },
    },
    async (req, reply) => {
      const p = page(req.query);
      const { rows, total } = await service.listOrganisations(ctx, {
        ...req.query,
        sort: req.query.sort ?? 'name',
        ...p,
      });
      let json = serialisedPages.get(rows);
      if (json === undefined) {
        json = Buffer.from(reply.serialize({ items: rows.map(presentOrganisation), total, ...p }) as string);
        serialisedPages.set(rows, json);
      }
      return sendSerialised(reply, json);
    },
  );

  app.post(
    '/api/organisations',
    {
      schema: {
        tags: orgTags,
        summary: 'Create an organisation (platform admin)',
        body: CreateOrganisationBody,
        response: { 201: Organisation, ...errorResponses, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      const org = await service.createOrganisation(ctx, actorOf(req), req.body, requestMeta(req));
      return reply.status(201).send(presentOrganisation(org));
    },
  );

  app.get(
    '/api/organisations/:orgId',
    {
      config: { public: true },
      schema: {
        tags: orgTags,
        summary: 'One organisation',
        params: OrgParams,
        response: { 200: Organisation, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => presentOrganisation(await service.getOrganisation(ctx, req.params.orgId)),
  );

  app.patch(
    '/api/organisations/:orgId',
    {
      schema: {
        tags: orgTags,
        summary: 'Edit an organisation; NIC staff verify it',
        params: OrgParams,
        body: UpdateOrganisationBody,
        response: { 200: Organisation, ...errorResponses },
      },
    },
    async (req) =>
      presentOrganisation(
        await service.updateOrganisation(ctx, actorOf(req), req.params.orgId, req.body, requestMeta(req)),
      ),
  );

  app.get(
    '/api/organisations/:orgId/members',
    {
      schema: {
        tags: orgTags,
        summary: "An organisation's members and their roles",
        params: OrgParams,
        querystring: MemberListQuery,
        response: { 200: MemberList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { rows, total } = await service.listMembers(ctx, actorOf(req), req.params.orgId, {
        q: req.query.q,
        ...p,
      });
      return { items: rows.map(presentMember), total, ...p };
    },
  );

  app.post(
    '/api/organisations/:orgId/members',
    {
      schema: {
        tags: orgTags,
        summary: 'Give an existing account a role in this organisation',
        params: OrgParams,
        body: AddMemberBody,
        response: { 201: Member, ...errorResponses, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const g = await service.addMember(ctx, actorOf(req), req.params.orgId, req.body, requestMeta(req));
      return reply.status(201).send(
        presentMember({
          grant_id: g.id,
          user_id: g.user_id,
          email: g.email,
          display_name: g.display_name,
          role: g.role,
          created_at: g.created_at,
        }),
      );
    },
  );

  app.delete(
    '/api/organisations/:orgId/members/:grantId',
    {
      schema: {
        tags: orgTags,
        summary: 'Remove a role in this organisation',
        params: MemberParams,
        response: { 204: NoContent, ...errorResponses, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      await service.removeMember(ctx, actorOf(req), req.params.orgId, req.params.grantId, requestMeta(req));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/users',
    {
      schema: {
        tags: adminTags,
        summary: 'Accounts (platform admin)',
        querystring: UserListQuery,
        response: { 200: UserList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { items, total } = await service.listUsers(ctx, actorOf(req), {
        ...req.query,
        sort: req.query.sort ?? 'email',
        ...p,
      });
      return { items: items.map((i) => presentAdminUser(i.user, i.grants)), total, ...p };
    },
  );

  app.get(
    '/api/admin/users/:userId',
    {
      schema: {
        tags: adminTags,
        summary: 'One account with its roles',
        params: UserParams,
        response: { 200: AdminUser, ...errorResponses },
      },
    },
    async (req) => {
      const u = await service.getUser(ctx, actorOf(req), req.params.userId);
      return presentAdminUser(u.user, u.grants);
    },
  );

  app.patch(
    '/api/admin/users/:userId',
    {
      schema: {
        tags: adminTags,
        summary: 'Edit, disable or unlock an account',
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: AdminUser, ...errorResponses, 422: ErrorBody },
      },
    },
    async (req) => {
      const u = await service.updateUser(ctx, actorOf(req), req.params.userId, req.body, requestMeta(req));
      return presentAdminUser(u.user, u.grants);
    },
  );

  app.post(
    '/api/admin/users/:userId/grants',
    {
      schema: {
        tags: adminTags,
        summary: 'Grant a role',
        params: UserParams,
        body: GrantBody,
        response: { 201: AdminUser, ...errorResponses, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const u = await service.grantRole(
        ctx,
        actorOf(req),
        req.params.userId,
        { role: req.body.role, organisationId: req.body.organisationId ?? null },
        requestMeta(req),
      );
      return reply.status(201).send(presentAdminUser(u.user, u.grants));
    },
  );

  app.delete(
    '/api/admin/users/:userId/grants/:grantId',
    {
      schema: {
        tags: adminTags,
        summary: 'Revoke a role',
        params: GrantParams,
        response: { 204: NoContent, ...errorResponses, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      await service.revokeRole(ctx, actorOf(req), req.params.userId, req.params.grantId, requestMeta(req));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/audit',
    {
      schema: {
        tags: adminTags,
        summary: 'The audit log (platform admin)',
        querystring: AuditListQuery,
        response: { 200: AuditList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { rows, total } = await service.readAudit(ctx, actorOf(req), { ...req.query, ...p });
      return { items: rows.map(presentAuditEntry), total, ...p };
    },
  );
};
