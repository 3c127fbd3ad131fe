/**
 * HTTP for question banks (/api/courses/:courseId/questions, /api/questions), quizzes
 * (/api/courses/:courseId/quizzes, /api/quizzes) and attempts (/api/quiz-attempts).
 */
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { ErrorBody, errorResponses } from '../../../common/contracts/common';
import {
  Attempt,
  AttemptListQuery,
  AttemptParams,
  AttemptReview,
  CourseParams,
  CreateQuestionBody,
  CreateQuizBody,
  GIFT_MAX_BYTES,
  ImportQuestionsBody,
  ImportQuestionsQuery,
  ImportRejected,
  ImportReport,
  LearnerQuiz,
  Question,
  QuestionCategoryList,
  QuestionList,
  QuestionListQuery,
  QuestionParams,
  Quiz,
  QuizList,
  QuizListQuery,
  QuizParams,
  SaveAnswersBody,
  StaffAttemptList,
  StartAttemptBody,
  SubmitAttemptBody,
  UpdateQuestionBody,
  UpdateQuizBody,
} from '../../../common/contracts/quizzes';
import { AppError } from '../../lib/errors';
import { actorOf, requestMeta } from '../../lib/http';
import { translate } from '../../lib/i18n';
import type { ModuleRoutes, TypedApp } from '../../lib/route';
import {
  presentAttempt,
  presentImport,
  presentLearnerQuiz,
  presentQuestion,
  presentQuiz,
  presentReview,
  presentStaffAttempt,
} from './presenter';
import * as service from './service';

const NoContent = Type.Null();
const bankTags = ['question bank'];
const quizTags = ['quizzes'];
const attemptTags = ['quiz attempts'];
const page = (q: { page?: number; pageSize?: number }) => ({ page: q.page ?? 1, pageSize: q.pageSize ?? 20 });

/** A GIFT file sent as multipart: one .txt or .gift file, UTF-8, and an optional `category` field. */
async function readGiftUpload(req: import('fastify').FastifyRequest) {
  let gift: string | null = null;
  let category: string | undefined;
  let refused: AppError | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      // Read every file to the end, even one we refuse, so the request is consumed cleanly.
      const data = await part.toBuffer();
      if (gift !== null || !/\.(txt|gift)$/i.test(part.filename)) {
        refused ??= new AppError('UNSUPPORTED_MEDIA_TYPE', { message: `file ${part.filename}` });
        continue;
      }
      try {
        gift = new TextDecoder('utf-8', { fatal: true }).decode(data);
      } catch {
        refused ??= new AppError('GIFT_NOT_TEXT');
      }
    } else if (part.fieldname === 'category' && typeof part.value === 'string' && part.value.trim()) {
      category = part.value.trim();
    }
  }
  if (refused) throw refused;
  if (gift === null) throw new AppError('VALIDATION_FAILED', { fields: { '/file': 'required' } });
  if (category && category.length > 100)
    throw new AppError('VALIDATION_FAILED', { fields: { '/category': 'maxLength' }, params: { limit: 100 } });
  return { gift, category };
}

async function importRoute(app: TypedApp, ctx: import('../../lib/context').AppContext) {
  // Multipart parsing is only needed here; scoped, so it cannot clash with another module's.
  if (!app.hasContentTypeParser('multipart/form-data'))
    await app.register(multipart, { limits: { fileSize: GIFT_MAX_BYTES, files: 2, fields: 4, parts: 6 } });
  app.post(
    '/api/courses/:courseId/questions/import',
    {
      // JSON escapes make the body bigger than the GIFT text; the text itself is held to 1 MB.
      bodyLimit: 3 * GIFT_MAX_BYTES,
      schema: {
        tags: bankTags,
        summary:
          'Import questions from GIFT (JSON `{gift, category?}` or a multipart .txt/.gift file): all or nothing unless skipInvalid; dryRun only checks',
        params: CourseParams,
        querystring: ImportQuestionsQuery,
        body: { content: { 'application/json': { schema: ImportQuestionsBody } } },
        response: {
          200: ImportReport,
          ...errorResponses,
          413: ErrorBody,
          415: ErrorBody,
          422: Type.Union([ImportRejected, ErrorBody]),
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const input = req.isMultipart()
        ? await readGiftUpload(req)
        : (req.body as { gift: string; category?: string } | undefined);
      if (!input) throw new AppError('VALIDATION_FAILED', { fields: { '/gift': 'required' } });
      const result = await service.importGift(
        ctx,
        actor,
        req.params.courseId,
        input,
        { skipInvalid: req.query.skipInvalid ?? false, dryRun: req.query.dryRun ?? false },
        requestMeta(req),
      );
      const report = presentImport(result, req.locale);
      if (!result.rejected) return report;
      return reply.status(422).send({
        code: 'GIFT_INVALID',
        message: translate(req.locale, 'errors.GIFT_INVALID', { invalid: report.invalid }),
        report,
      });
    },
  );
}

export const quizRoutes: ModuleRoutes = async (app, ctx) => {
  // --- question bank ---
  app.get(
    '/api/courses/:courseId/questions',
    {
      schema: {
        tags: bankTags,
        summary: "A course's question bank (its authors)",
        params: CourseParams,
        querystring: QuestionListQuery,
        response: { 200: QuestionList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { rows, total } = await service.listQuestions(ctx, actorOf(req), req.params.courseId, {
        kind: req.query.kind,
        category: req.query.category,
        sort: req.query.sort ?? 'createdAt',
        ...p,
      });
      return { items: rows.map(presentQuestion), total, ...p };
    },
  );

  app.get(
    '/api/courses/:courseId/question-categories',
    {
      schema: {
        tags: bankTags,
        summary: "The categories of a course's bank, with their sizes",
        params: CourseParams,
        response: { 200: QuestionCategoryList, ...errorResponses },
      },
    },
    async (req) => ({ items: await service.listCategories(ctx, actorOf(req), req.params.courseId) }),
  );

  app.post(
    '/api/courses/:courseId/questions',
    {
      schema: {
        tags: bankTags,
        summary: 'Add a question to the bank',
        params: CourseParams,
        body: CreateQuestionBody,
        response: { 201: Question, ...errorResponses },
      },
    },
    async (req, reply) => {
      const q = await service.createQuestion(
        ctx,
        actorOf(req),
        req.params.courseId,
        req.body,
        requestMeta(req),
      );
      return reply.status(201).send(presentQuestion(q));
    },
  );

  await app.register(async (scoped) => importRoute(scoped as TypedApp, ctx));

  app.get(
    '/api/questions/:questionId',
    {
      schema: {
        tags: bankTags,
        summary: 'One question with its answer key (its authors)',
        params: QuestionParams,
        response: { 200: Question, ...errorResponses },
      },
    },
    async (req) => presentQuestion(await service.getQuestion(ctx, actorOf(req), req.params.questionId)),
  );

  app.patch(
    '/api/questions/:questionId',
    {
      schema: {
        tags: bankTags,
        summary: 'Edit a question; keep choice ids to keep answers pointing at the same choices',
        params: QuestionParams,
        body: UpdateQuestionBody,
        response: { 200: Question, ...errorResponses },
      },
    },
    async (req) =>
      presentQuestion(
        await service.updateQuestion(ctx, actorOf(req), req.params.questionId, req.body, requestMeta(req)),
      ),
  );

  app.delete(
    '/api/questions/:questionId',
    {
      schema: {
        tags: bankTags,
        summary: 'Delete a question no attempt has drawn',
        params: QuestionParams,
        response: { 204: NoContent, ...errorResponses, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      await service.deleteQuestion(ctx, actorOf(req), req.params.questionId, requestMeta(req));
      return reply.status(204).send(null);
    },
  );

  // --- quizzes ---
  app.get(
    '/api/courses/:courseId/quizzes',
    {
      schema: {
        tags: quizTags,
        summary: "A course's quizzes (its authors)",
        params: CourseParams,
        querystring: QuizListQuery,
        response: { 200: QuizList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { rows, total, pools } = await service.listQuizzes(ctx, actorOf(req), req.params.courseId, p);
      return { items: rows.map((q) => presentQuiz(q, pools)), total, ...p };
    },
  );

  app.post(
    '/api/courses/:courseId/quizzes',
    {
      schema: {
        tags: quizTags,
        summary: 'Create a quiz',
        params: CourseParams,
        body: CreateQuizBody,
        response: { 201: Quiz, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { quiz, pools } = await service.createQuiz(
        ctx,
        actorOf(req),
        req.params.courseId,
        req.body,
        requestMeta(req),
      );
      return reply.status(201).send(presentQuiz(quiz, pools));
    },
  );

  app.get(
    '/api/quizzes/:quizId',
    {
      schema: {
        tags: quizTags,
        summary: 'One quiz with its pool (its authors)',
        params: QuizParams,
        response: { 200: Quiz, ...errorResponses },
      },
    },
    async (req) => {
      const { quiz, pools } = await service.getQuiz(ctx, actorOf(req), req.params.quizId);
      return presentQuiz(quiz, pools);
    },
  );

  app.patch(
    '/api/quizzes/:quizId',
    {
      schema: {
        tags: quizTags,
        summary: 'Edit a quiz',
        params: QuizParams,
        body: UpdateQuizBody,
        response: { 200: Quiz, ...errorResponses },
      },
    },
    async (req) => {
      const { quiz, pools } = await service.updateQuiz(
        ctx,
        actorOf(req),
        req.params.quizId,
        req.body,
        requestMeta(req),
      );
      return presentQuiz(quiz, pools);
    },
  );

  app.delete(
    '/api/quizzes/:quizId',
    {
      schema: {
        tags: quizTags,
        summary: 'Delete a quiz that has no attempts and no lesson',
        params: QuizParams,
        response: { 204: NoContent, ...errorResponses, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      await service.deleteQuiz(ctx, actorOf(req), req.params.quizId, requestMeta(req));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/quizzes/:quizId/me',
    {
      schema: {
        tags: quizTags,
        summary: 'The quiz as its enrolled learner sees it: rules, own attempts, best score',
        params: QuizParams,
        response: { 200: LearnerQuiz, ...errorResponses },
      },
    },
    async (req) => presentLearnerQuiz(await service.learnerQuiz(ctx, actorOf(req), req.params.quizId)),
  );

  app.get(
    '/api/quizzes/:quizId/attempts',
    {
      schema: {
        tags: attemptTags,
        summary: "Learners' attempts at a quiz, in the cohorts the caller runs or trains",
        params: QuizParams,
        querystring: AttemptListQuery,
        response: { 200: StaffAttemptList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { rows, total } = await service.listQuizAttempts(ctx, actorOf(req), req.params.quizId, {
        cohortId: req.query.cohortId,
        status: req.query.status,
        sort: req.query.sort ?? '-startedAt',
        ...p,
      });
      return { items: rows.map(presentStaffAttempt), total, ...p };
    },
  );

  // --- attempts ---
  app.post(
    '/api/quizzes/:quizId/attempts',
    {
      schema: {
        tags: attemptTags,
        summary: 'Start an attempt (an enrolled learner); resumes the one under way',
        params: QuizParams,
        body: StartAttemptBody,
        response: { 200: Attempt, 201: Attempt, ...errorResponses, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const view = await service.startAttempt(
        ctx,
        actorOf(req),
        req.params.quizId,
        req.body ?? {},
        requestMeta(req),
      );
      return reply.status(view.resumed ? 200 : 201).send(presentAttempt(view));
    },
  );

  app.get(
    '/api/quiz-attempts/:attemptId',
    {
      schema: {
        tags: attemptTags,
        summary: "An attempt's questions without answers, saved answers and the server's remaining time",
        params: AttemptParams,
        response: { 200: Attempt, ...errorResponses },
      },
    },
    async (req) => presentAttempt(await service.getAttempt(ctx, actorOf(req), req.params.attemptId)),
  );

  app.put(
    '/api/quiz-attempts/:attemptId/answers',
    {
      schema: {
        tags: attemptTags,
        summary: 'Save answers before the deadline (merged with those saved before)',
        params: AttemptParams,
        body: SaveAnswersBody,
        response: { 200: Attempt, ...errorResponses, 409: ErrorBody },
      },
    },
    async (req) =>
      presentAttempt(
        await service.saveAnswers(
          ctx,
          actorOf(req),
          req.params.attemptId,
          req.body.answers,
          requestMeta(req),
        ),
      ),
  );

  app.post(
    '/api/quiz-attempts/:attemptId/submit',
    {
      schema: {
        tags: attemptTags,
        summary: 'Submit and grade; after the deadline only the answers saved in time count',
        params: AttemptParams,
        body: SubmitAttemptBody,
        response: { 200: Attempt, ...errorResponses, 409: ErrorBody },
      },
    },
    async (req) =>
      presentAttempt(
        await service.submitAttempt(
          ctx,
          actorOf(req),
          req.params.attemptId,
          req.body?.answers,
          requestMeta(req),
        ),
      ),
  );

  app.get(
    '/api/quiz-attempts/:attemptId/review',
    {
      schema: {
        tags: attemptTags,
        summary: 'A submitted attempt with right answers and feedback (the learner, and the cohort staff)',
        params: AttemptParams,
        response: { 200: AttemptReview, ...errorResponses, 409: ErrorBody },
      },
    },
    async (req) => presentReview(await service.reviewAttempt(ctx, actorOf(req), req.params.attemptId)),
  );
};
