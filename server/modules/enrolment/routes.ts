/**
 * HTTP for cohorts (/api/cohorts, and the public /api/courses/:courseId/cohorts), enrolments
 * (/api/enrolments, /api/me/enrolments, /api/me/learning) and trainers' reach (/api/trainers).
 * Each handler: validate (contract) → service → presenter.
 */
import { Type } from 'typebox';
import { ErrorBody, errorResponses } from '../../../common/contracts/common';
import {
  AdminEnrolBody,
  AttendanceBody,
  AttendanceOneBody,
  AttendanceOneParams,
  Beneficiaries,
  BeneficiaryQuery,
  Cohort,
  CohortList,
  CohortListQuery,
  CohortParams,
  CohortSession,
  CourseCohortsParams,
  CreateCohortBody,
  CreateSessionBody,
  Enrolment,
  EnrolmentList,
  EnrolmentParams,
  Gradebook,
  GradebookQuery,
  LessonProgress,
  LessonProgressParams,
  MyLearning,
  PublicCohortList,
  RosterQuery,
  SelfEnrolBody,
  SessionAttendance,
  SessionList,
  SessionParams,
  SetTrainersBody,
  TrainerParams,
  TransferBody,
  UpdateCohortBody,
  UpdateSessionBody,
} from '../../../common/contracts/enrolment';
import { actorOf, requestMeta } from '../../lib/http';
import type { ModuleRoutes } from '../../lib/route';
import { gradebookWorkbook, readGradebook } from './gradebook';
import {
  presentAttendanceRow,
  presentCohort,
  presentEnrolment,
  presentPublicCohort,
  presentRosterEnrolment,
  presentSession,
} from './presenter';
import * as service from './service';

const cohortTags = ['cohorts'];
const enrolmentTags = ['enrolments'];
const NoContent = Type.Null();
/** Sent as raw bytes: Fastify does not serialise a Buffer. */
const XlsxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const conflict = { 409: ErrorBody, 422: ErrorBody };
const page = (q: { page?: number; pageSize?: number }) => ({ page: q.page ?? 1, pageSize: q.pageSize ?? 20 });

export const enrolmentRoutes: ModuleRoutes = (app, ctx) => {
  // ---- cohorts ----
  app.get(
    '/api/courses/:slug/cohorts',
    {
      config: { public: true },
      schema: {
        tags: cohortTags,
        summary: 'Open classes of a published course, to choose one (dates, seats left, mode, province)',
        params: CourseCohortsParams,
        response: { 200: PublicCohortList, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => ({
      items: (await service.listPublicCohorts(ctx, req.params.slug)).map(presentPublicCohort),
    }),
  );

  app.get(
    '/api/cohorts',
    {
      schema: {
        tags: cohortTags,
        summary:
          'Cohorts the caller may see: all for NIC staff, own organisation for partner admins, own classes for trainers',
        querystring: CohortListQuery,
        response: { 200: CohortList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { rows, trainers, total } = await service.listCohorts(ctx, actorOf(req), {
        courseId: req.query.courseId,
        organisationId: req.query.organisationId,
        status: req.query.status,
        q: req.query.q,
        sort: req.query.sort ?? '-startsOn',
        ...p,
      });
      return { items: rows.map((r) => presentCohort(r, trainers, req.locale)), total, ...p };
    },
  );

  app.post(
    '/api/cohorts',
    {
      schema: {
        tags: cohortTags,
        summary: "Create a cohort of a course (platform admin, the course's partner admin)",
        body: CreateCohortBody,
        response: { 201: Cohort, ...errorResponses, ...conflict },
      },
    },
    async (req, reply) => {
      const { cohort, trainers } = await service.createCohort(ctx, actorOf(req), req.body, requestMeta(req));
      return reply.status(201).send(presentCohort(cohort, trainers, req.locale));
    },
  );

  app.get(
    '/api/cohorts/:id',
    {
      schema: {
        tags: cohortTags,
        summary: 'One cohort (NIC staff, its partner admin, its trainers)',
        params: CohortParams,
        response: { 200: Cohort, ...errorResponses },
      },
    },
    async (req) => {
      const { cohort, trainers } = await service.getCohort(ctx, actorOf(req), req.params.id);
      return presentCohort(cohort, trainers, req.locale);
    },
  );

  app.patch(
    '/api/cohorts/:id',
    {
      schema: {
        tags: cohortTags,
        summary: 'Edit a cohort; more capacity promotes the waitlist',
        params: CohortParams,
        body: UpdateCohortBody,
        response: { 200: Cohort, ...errorResponses, ...conflict },
      },
    },
    async (req) => {
      const { cohort, trainers } = await service.updateCohort(
        ctx,
        actorOf(req),
        req.params.id,
        req.body,
        requestMeta(req),
      );
      return presentCohort(cohort, trainers, req.locale);
    },
  );

  app.delete(
    '/api/cohorts/:id',
    {
      schema: {
        tags: cohortTags,
        summary: 'Delete a cohort that never had an enrolment (otherwise cancel it)',
        params: CohortParams,
        response: { 204: NoContent, ...errorResponses, ...conflict },
      },
    },
    async (req, reply) => {
      await service.deleteCohort(ctx, actorOf(req), req.params.id, requestMeta(req));
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/cohorts/:id/trainers',
    {
      schema: {
        tags: cohortTags,
        summary: "Set a cohort's trainers (accounts with the trainer role in its organisation)",
        params: CohortParams,
        body: SetTrainersBody,
        response: { 200: Cohort, ...errorResponses },
      },
    },
    async (req) => {
      const { cohort, trainers } = await service.setTrainers(
        ctx,
        actorOf(req),
        req.params.id,
        req.body.userIds,
        requestMeta(req),
      );
      return presentCohort(cohort, trainers, req.locale);
    },
  );

  // ---- sessions and attendance ----
  app.get(
    '/api/cohorts/:id/sessions',
    {
      schema: {
        tags: cohortTags,
        summary: "A cohort's schedule",
        params: CohortParams,
        response: { 200: SessionList, ...errorResponses },
      },
    },
    async (req) => ({
      items: (await service.listSessions(ctx, actorOf(req), req.params.id)).map(presentSession),
    }),
  );

  app.post(
    '/api/cohorts/:id/sessions',
    {
      schema: {
        tags: cohortTags,
        summary: 'Add a session to the schedule',
        params: CohortParams,
        body: CreateSessionBody,
        response: { 201: CohortSession, ...errorResponses },
      },
    },
    async (req, reply) => {
      const s = await service.createSession(ctx, actorOf(req), req.params.id, req.body, requestMeta(req));
      return reply.status(201).send(presentSession(s));
    },
  );

  app.patch(
    '/api/cohorts/:id/sessions/:sessionId',
    {
      schema: {
        tags: cohortTags,
        summary: 'Move or rename a session',
        params: SessionParams,
        body: UpdateSessionBody,
        response: { 200: CohortSession, ...errorResponses },
      },
    },
    async (req) =>
      presentSession(
        await service.updateSession(
          ctx,
          actorOf(req),
          req.params.id,
          req.params.sessionId,
          req.body,
          requestMeta(req),
        ),
      ),
  );

  app.delete(
    '/api/cohorts/:id/sessions/:sessionId',
    {
      schema: {
        tags: cohortTags,
        summary: 'Remove a session without attendance',
        params: SessionParams,
        response: { 204: NoContent, ...errorResponses, ...conflict },
      },
    },
    async (req, reply) => {
      await service.deleteSession(ctx, actorOf(req), req.params.id, req.params.sessionId, requestMeta(req));
      return reply.status(204).send(null);
    },
  );

  const presentAttendance = (r: Awaited<ReturnType<typeof service.sessionAttendance>>) => ({
    session: presentSession(r.session),
    items: r.items.map(presentAttendanceRow),
  });

  app.get(
    '/api/cohorts/:id/sessions/:sessionId/attendance',
    {
      schema: {
        tags: cohortTags,
        summary: 'The seated learners of a cohort with their mark for one session',
        params: SessionParams,
        response: { 200: SessionAttendance, ...errorResponses },
      },
    },
    async (req) =>
      presentAttendance(
        await service.sessionAttendance(ctx, actorOf(req), req.params.id, req.params.sessionId),
      ),
  );

  app.put(
    '/api/cohorts/:id/sessions/:sessionId/attendance',
    {
      schema: {
        tags: cohortTags,
        summary: "Record attendance for many learners at once (the cohort's trainers, its partner admin)",
        params: SessionParams,
        body: AttendanceBody,
        response: { 200: SessionAttendance, ...errorResponses },
      },
    },
    async (req) =>
      presentAttendance(
        await service.recordAttendance(
          ctx,
          actorOf(req),
          req.params.id,
          req.params.sessionId,
          req.body.items,
          requestMeta(req),
        ),
      ),
  );

  app.put(
    '/api/cohorts/:id/sessions/:sessionId/attendance/:enrolmentId',
    {
      schema: {
        tags: cohortTags,
        summary: "Record one learner's attendance",
        params: AttendanceOneParams,
        body: AttendanceOneBody,
        response: { 200: SessionAttendance, ...errorResponses },
      },
    },
    async (req) =>
      presentAttendance(
        await service.recordAttendance(
          ctx,
          actorOf(req),
          req.params.id,
          req.params.sessionId,
          [{ enrolmentId: req.params.enrolmentId, status: req.body.status }],
          requestMeta(req),
          true,
        ),
      ),
  );

  // ---- roster and gradebook ----
  app.get(
    '/api/cohorts/:id/enrolments',
    {
      schema: {
        tags: cohortTags,
        summary: "A cohort's roster, waitlist included, with the certificate each enrolment earned",
        params: CohortParams,
        querystring: RosterQuery,
        response: { 200: EnrolmentList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { rows, positions, total } = await service.listRoster(ctx, actorOf(req), req.params.id, {
        status: req.query.status,
        q: req.query.q,
        sort: req.query.sort ?? 'name',
        ...p,
      });
      return { items: rows.map((r) => presentRosterEnrolment(r, positions.get(r.id) ?? null)), total, ...p };
    },
  );

  app.post(
    '/api/cohorts/:id/enrolments',
    {
      schema: {
        tags: cohortTags,
        summary: 'Enrol an existing account (e-mail) or person (id); waitlisted when the class is full',
        params: CohortParams,
        body: AdminEnrolBody,
        response: { 201: Enrolment, ...errorResponses, ...conflict },
      },
    },
    async (req, reply) => {
      const v = await service.adminEnrol(ctx, actorOf(req), req.params.id, req.body, requestMeta(req));
      return reply.status(201).send(presentEnrolment(v.enrolment, v.waitlistPosition));
    },
  );

  app.get(
    '/api/cohorts/:id/gradebook',
    {
      schema: {
        tags: cohortTags,
        summary:
          'The gradebook: lessons done, quiz scores, attendance, progress (trainers, partner admin, NIC staff)',
        params: CohortParams,
        querystring: GradebookQuery,
        response: { 200: Gradebook, ...errorResponses },
      },
    },
    async (req) =>
      readGradebook(ctx, actorOf(req), req.params.id, req.locale, {
        sort: req.query.sort ?? 'name',
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 500,
      }),
  );

  app.get(
    '/api/cohorts/:id/gradebook.xlsx',
    {
      schema: {
        tags: cohortTags,
        summary: 'The gradebook as an Excel workbook',
        params: CohortParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: XlsxFile, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { buffer, filename } = await gradebookWorkbook(ctx, actorOf(req), req.params.id, req.locale);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );

  // ---- enrolments ----
  app.post(
    '/api/me/enrolments',
    {
      schema: {
        tags: enrolmentTags,
        summary: 'Enrol myself in an open class of an open course (prerequisites checked)',
        body: SelfEnrolBody,
        response: { 201: Enrolment, ...errorResponses, ...conflict },
      },
    },
    async (req, reply) => {
      const v = await service.selfEnrol(ctx, actorOf(req), req.body.cohortId, req.locale, requestMeta(req));
      return reply.status(201).send(presentEnrolment(v.enrolment, v.waitlistPosition));
    },
  );

  app.get(
    '/api/me/learning',
    {
      schema: {
        tags: enrolmentTags,
        summary: 'My classes: progress, next lesson, next session, deadlines; what I completed',
        response: { 200: MyLearning, ...errorResponses },
      },
    },
    async (req) => service.myLearning(ctx, actorOf(req), req.locale),
  );

  app.get(
    '/api/enrolments/:id',
    {
      schema: {
        tags: enrolmentTags,
        summary: 'One enrolment (the learner, the cohort’s trainers and admin, NIC staff)',
        params: EnrolmentParams,
        response: { 200: Enrolment, ...errorResponses },
      },
    },
    async (req) => {
      const v = await service.getEnrolment(ctx, actorOf(req), req.params.id);
      return presentEnrolment(v.enrolment, v.waitlistPosition);
    },
  );

  app.post(
    '/api/enrolments/:id/withdraw',
    {
      schema: {
        tags: enrolmentTags,
        summary: 'Withdraw (the learner or the partner admin); the freed seat goes to the waitlist',
        params: EnrolmentParams,
        response: { 200: Enrolment, ...errorResponses, ...conflict },
      },
    },
    async (req) => {
      const v = await service.withdraw(ctx, actorOf(req), req.params.id, requestMeta(req));
      return presentEnrolment(v.enrolment, v.waitlistPosition);
    },
  );

  app.post(
    '/api/enrolments/:id/transfer',
    {
      schema: {
        tags: enrolmentTags,
        summary: 'Move a learner to another class of the same course, with their progress (partner admin)',
        params: EnrolmentParams,
        body: TransferBody,
        response: { 201: Enrolment, ...errorResponses, ...conflict },
      },
    },
    async (req, reply) => {
      const v = await service.transfer(ctx, actorOf(req), req.params.id, req.body.cohortId, requestMeta(req));
      return reply.status(201).send(presentEnrolment(v.enrolment, v.waitlistPosition));
    },
  );

  app.post(
    '/api/enrolments/:id/lessons/:lessonId/complete',
    {
      schema: {
        tags: enrolmentTags,
        summary: 'Mark a text, video or file lesson done (the learner); completion is evaluated',
        params: LessonProgressParams,
        response: { 200: LessonProgress, ...errorResponses, ...conflict },
      },
    },
    async (req) =>
      service.completeLesson(ctx, actorOf(req), req.params.id, req.params.lessonId, requestMeta(req)),
  );

  // ---- trainers' reach ----
  app.get(
    '/api/trainers/:personId/beneficiaries',
    {
      schema: {
        tags: ['trainers'],
        summary:
          "People a certified trainer reached (partner admin of the trainer's organisation: its cohorts only; NIC staff: all)",
        params: TrainerParams,
        querystring: BeneficiaryQuery,
        response: { 200: Beneficiaries, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const r = await service.trainerBeneficiaries(ctx, actorOf(req), req.params.personId, {
        from: req.query.from,
        to: req.query.to,
        ...p,
      });
      return {
        trainer: r.trainer,
        count: r.total,
        items: r.rows.map((b) => ({
          personId: b.id,
          fullName: b.full_name,
          provinceCode: b.province_code,
          sex: b.sex,
        })),
        total: r.total,
        ...p,
      };
    },
  );
};
