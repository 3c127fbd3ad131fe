/**
 * HTTP for the catalog (/api/courses, public), course authoring (/api/courses/:id/…, authors only),
 * an organisation's own courses, and the indexable course page (/courses/:slug, HTML).
 */
import { Type } from 'typebox';
import {
  AuthoringCourseList,
  AuthoringListQuery,
  CourseDetail,
  CourseList,
  CourseListQuery,
  CourseParams,
  CourseSlugParams,
  CreateCourseBody,
  CreateLessonBody,
  Lesson,
  LessonParams,
  ModuleBody,
  ModuleOutline,
  ModuleParams,
  Outline,
  OutlineBody,
  UpdateCourseBody,
  UpdateLessonBody,
} from '../../../common/contracts/catalog';
import { ErrorBody, errorResponses } from '../../../common/contracts/common';
import { OrgParams } from '../../../common/contracts/organisations';
import { actorOf, requestMeta } from '../../lib/http';
import { translate } from '../../lib/i18n';
import type { ModuleRoutes } from '../../lib/route';
import { presentCourseCard, presentCourseDetail, presentLesson } from './presenter';
import { appShell, renderCoursePage, renderNotFoundPage } from './seo';
import * as service from './service';

const NoContent = Type.Null();
const tags = ['courses'];
const conflicts = { 409: ErrorBody, 422: ErrorBody };

export const catalogRoutes: ModuleRoutes = (app, ctx) => {
  app.get(
    '/api/courses',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The catalog: published courses, searched without regard to accents, with facets',
        querystring: CourseListQuery,
        response: { 200: CourseList, 400: ErrorBody },
      },
    },
    async (req) => {
      const r = await service.searchCatalog(ctx, req.query);
      return {
        items: r.rows.map((c) => presentCourseCard(c, r.skills.get(c.id) ?? [], req.locale)),
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
        facets: r.facets,
      };
    },
  );

  app.get(
    '/api/courses/:slug',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One course (by slug or id) with its outline; drafts only for their authors',
        params: CourseSlugParams,
        response: { 200: CourseDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => presentCourseDetail(await service.getCourse(ctx, req.actor, req.params.slug), req.locale),
  );

  app.post(
    '/api/courses',
    {
      schema: {
        tags,
        summary: "Create a draft course (the organisation's partner admins)",
        body: CreateCourseBody,
        response: { 201: CourseDetail, ...errorResponses, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      const b = await service.createCourse(ctx, actorOf(req), req.body, requestMeta(req));
      return reply.status(201).send(presentCourseDetail(b, req.locale));
    },
  );

  app.patch(
    '/api/courses/:id',
    {
      schema: {
        tags,
        summary: "Edit a course's details (its authors)",
        params: CourseParams,
        body: UpdateCourseBody,
        response: { 200: CourseDetail, ...errorResponses, ...conflicts },
      },
    },
    async (req) =>
      presentCourseDetail(
        await service.updateCourse(ctx, actorOf(req), req.params.id, req.body, requestMeta(req)),
        req.locale,
      ),
  );

  app.post(
    '/api/courses/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a course: it needs at least one published lesson (partner admins)',
        params: CourseParams,
        response: { 200: CourseDetail, ...errorResponses, 422: ErrorBody },
      },
    },
    async (req) =>
      presentCourseDetail(
        await service.publishCourse(ctx, actorOf(req), req.params.id, requestMeta(req)),
        req.locale,
      ),
  );

  app.post(
    '/api/courses/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a course: it leaves the catalog (partner admins)',
        params: CourseParams,
        response: { 200: CourseDetail, ...errorResponses },
      },
    },
    async (req) =>
      presentCourseDetail(
        await service.archiveCourse(ctx, actorOf(req), req.params.id, requestMeta(req)),
        req.locale,
      ),
  );

  app.get(
    '/api/organisations/:orgId/courses',
    {
      schema: {
        tags,
        summary: "An organisation's courses in every status (its authors)",
        params: OrgParams,
        querystring: AuthoringListQuery,
        response: { 200: AuthoringCourseList, ...errorResponses },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 20;
      const r = await service.listOrganisationCourses(ctx, actorOf(req), req.params.orgId, {
        ...req.query,
        page,
        pageSize,
      });
      return {
        items: r.rows.map((c) => ({
          ...presentCourseCard(c, r.skills.get(c.id) ?? [], req.locale),
          updatedAt: new Date(c.updated_at).toISOString(),
        })),
        total: r.total,
        page,
        pageSize,
      };
    },
  );

  // Modules and the outline

  app.post(
    '/api/courses/:id/modules',
    {
      schema: {
        tags,
        summary: 'Add a module at the end of the course',
        params: CourseParams,
        body: ModuleBody,
        response: { 201: ModuleOutline, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await service.createModule(ctx, actorOf(req), req.params.id, req.body.title, requestMeta(req))),
  );

  app.patch(
    '/api/courses/:id/modules/:moduleId',
    {
      schema: {
        tags,
        summary: 'Rename a module',
        params: ModuleParams,
        body: ModuleBody,
        response: { 200: ModuleOutline, ...errorResponses },
      },
    },
    async (req) =>
      service.renameModule(
        ctx,
        actorOf(req),
        req.params.id,
        req.params.moduleId,
        req.body.title,
        requestMeta(req),
      ),
  );

  app.delete(
    '/api/courses/:id/modules/:moduleId',
    {
      schema: {
        tags,
        summary: 'Delete an empty module',
        params: ModuleParams,
        response: { 204: NoContent, ...errorResponses, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      await service.deleteModule(ctx, actorOf(req), req.params.id, req.params.moduleId, requestMeta(req));
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/courses/:id/outline',
    {
      schema: {
        tags,
        summary: 'Reorder modules and lessons (within and across modules) from the full ordered list of ids',
        params: CourseParams,
        body: OutlineBody,
        response: { 200: Outline, ...errorResponses, 409: ErrorBody },
      },
    },
    async (req) => ({
      modules: await service.reorderOutline(ctx, actorOf(req), req.params.id, req.body, requestMeta(req)),
    }),
  );

  // Lessons

  app.post(
    '/api/courses/:id/modules/:moduleId/lessons',
    {
      schema: {
        tags,
        summary: 'Add a draft lesson at the end of a module',
        params: ModuleParams,
        body: CreateLessonBody,
        response: { 201: Lesson, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { lesson, file } = await service.createLesson(
        ctx,
        actorOf(req),
        req.params.id,
        req.params.moduleId,
        req.body,
        requestMeta(req),
      );
      return reply.status(201).send(presentLesson(lesson, file));
    },
  );

  app.get(
    '/api/courses/:id/lessons/:lessonId',
    {
      schema: {
        tags,
        summary: "A lesson with its content (the course's authors; enrolled learners once published)",
        params: LessonParams,
        response: { 200: Lesson, ...errorResponses },
      },
    },
    async (req) => {
      const { lesson, file } = await service.getLesson(ctx, actorOf(req), req.params.id, req.params.lessonId);
      return presentLesson(lesson, file);
    },
  );

  app.patch(
    '/api/courses/:id/lessons/:lessonId',
    {
      schema: {
        tags,
        summary: 'Edit a lesson (rich text is cleaned on the server)',
        params: LessonParams,
        body: UpdateLessonBody,
        response: { 200: Lesson, ...errorResponses, 422: ErrorBody },
      },
    },
    async (req) => {
      const { lesson, file } = await service.updateLesson(
        ctx,
        actorOf(req),
        req.params.id,
        req.params.lessonId,
        req.body,
        requestMeta(req),
      );
      return presentLesson(lesson, file);
    },
  );

  app.delete(
    '/api/courses/:id/lessons/:lessonId',
    {
      schema: {
        tags,
        summary: 'Delete a lesson no learner has studied',
        params: LessonParams,
        response: { 204: NoContent, ...errorResponses, ...conflicts },
      },
    },
    async (req, reply) => {
      await service.deleteLesson(ctx, actorOf(req), req.params.id, req.params.lessonId, requestMeta(req));
      return reply.status(204).send(null);
    },
  );

  for (const [action, published] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    app.post(
      `/api/courses/:id/lessons/:lessonId/${action}`,
      {
        schema: {
          tags,
          summary: published
            ? 'Publish a lesson: learners see it'
            : 'Unpublish a lesson: learners no longer see it',
          params: LessonParams,
          response: { 200: Lesson, ...errorResponses, 422: ErrorBody },
        },
      },
      async (req) => {
        const { lesson, file } = await service.setLessonPublished(
          ctx,
          actorOf(req),
          req.params.id,
          req.params.lessonId,
          published,
          requestMeta(req),
        );
        return presentLesson(lesson, file);
      },
    );
  }

  // The course page search engines index: HTML, not JSON.
  app.get(
    '/courses/:slug',
    { config: { public: true }, schema: { hide: true, params: Type.Object({ slug: Type.String() }) } },
    async (req, reply) => {
      const b = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(req.params.slug)
        ? await service.getPublishedCourse(ctx, req.params.slug)
        : null;
      reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache');
      if (!b) {
        return reply
          .status(404)
          .send(
            renderNotFoundPage(
              appShell(),
              req.locale,
              translate(req.locale, 'catalog.courseNotFound'),
              translate(req.locale, 'catalog.courseNotFoundDescription'),
            ),
          );
      }
      return reply.send(renderCoursePage(appShell(), b, ctx.config.APP_URL));
    },
  );
};
