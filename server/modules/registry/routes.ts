/** HTTP of the people registry: roster imports. */
import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ErrorBody, errorResponses } from '../../../common/contracts/common';
import {
  COMMIT_STREAM_TYPE,
  CommitBody,
  type CommitEventT,
  ImportListQuery,
  ImportParams,
  MAX_ROSTER_BYTES,
  OrgImportsParams,
  RejectedParams,
  RosterImport,
  RosterImportDetail,
  RosterImportList,
  TemplateParams,
  TemplateQuery,
} from '../../../common/contracts/registry';
import { AppError, errorAnswer } from '../../lib/errors';
import { actorOf, requestMeta } from '../../lib/http';
import type { ModuleRoutes } from '../../lib/route';
import { contentDisposition } from '../files/sniff';
import { presentImport, presentImportDetail } from './presenter';
import * as service from './service';

const tags = ['registry'];
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const page = (q: { page?: number; pageSize?: number }) => ({ page: q.page ?? 1, pageSize: q.pageSize ?? 20 });

export const registryRoutes: ModuleRoutes = async (app, ctx) => {
  // Multipart parsing only for the upload.
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, {
      limits: { fileSize: MAX_ROSTER_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
    });
    scope.post(
      '/api/organisations/:orgId/roster-imports',
      {
        schema: {
          tags,
          summary: 'Upload a roster (CSV or XLSX, field "file") and check every row: the preview',
          description:
            'Nothing is imported yet: the answer lists the problems of the file and of each row in the reader’s language. Commit it with POST /api/roster-imports/:id/commit.',
          consumes: ['multipart/form-data'],
          params: OrgImportsParams,
          response: { 201: RosterImportDetail, ...errorResponses, 413: ErrorBody, 422: ErrorBody },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        // Who may import is known from the path: refuse before reading a byte of the upload.
        await service.assertCanImport(ctx, actor, req.params.orgId);
        let received: { buffer: Buffer; filename: string } | undefined;
        for await (const part of req.parts()) {
          if (part.type === 'file') received = { buffer: await part.toBuffer(), filename: part.filename };
        }
        if (!received) throw new AppError('FILE_REQUIRED');
        const imp = await service.previewRoster(ctx, actor, req.params.orgId, received, requestMeta(req));
        return reply.status(201).send(presentImportDetail(imp, req.locale));
      },
    );
  });

  app.get(
    '/api/organisations/:orgId/roster-imports',
    {
      schema: {
        tags,
        summary: "The organisation's roster imports, newest first",
        params: OrgImportsParams,
        querystring: ImportListQuery,
        response: { 200: RosterImportList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { rows, total } = await service.listImports(ctx, actorOf(req), req.params.orgId, {
        sort: req.query.sort === 'createdAt' ? 'createdAt' : '-createdAt',
        limit: p.pageSize,
        offset: (p.page - 1) * p.pageSize,
      });
      return { items: rows.map(presentImport), total, ...p };
    },
  );

  app.get(
    '/api/roster-imports/:id',
    {
      schema: {
        tags,
        summary: 'A roster import with its problems',
        params: ImportParams,
        response: { 200: RosterImportDetail, ...errorResponses },
      },
    },
    async (req) => presentImportDetail(await service.getImport(ctx, actorOf(req), req.params.id), req.locale),
  );

  app.post(
    '/api/roster-imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Import a previewed roster: every row ("all", only when none is rejected) or the valid ones',
        description:
          'With `Accept: application/x-ndjson` the answer comes as it goes, one JSON object per line: progress lines ' +
          '(phase checking, matching, writing; done of total rows), then `{"type":"done","import":…}`, or ' +
          '`{"type":"error","status":…,"error":{code,message}}` when the commit fails after the first line (nothing is then written).',
        params: ImportParams,
        body: CommitBody,
        response: { 200: RosterImport, ...errorResponses, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const commit = (onProgress?: (p: service.CommitProgress) => void) =>
        service.commitRoster(ctx, actorOf(req), req.params.id, req.body.mode, requestMeta(req), onProgress);
      if (!req.headers.accept?.includes(COMMIT_STREAM_TYPE)) return presentImport(await commit());
      return commitAsStream(req, reply, commit);
    },
  );

  app.get(
    '/api/roster-imports/:id/rejected.:format',
    {
      schema: {
        tags,
        summary: 'The rejected rows as a file to fix and upload again, with a column of problems',
        params: RejectedParams,
        response: { 200: Binary, ...errorResponses },
      },
    },
    async (req, reply) => {
      const f = await service.rejectedRows(ctx, actorOf(req), req.params.id, req.params.format, req.locale);
      return (
        reply
          .type(f.contentType)
          .header('content-disposition', contentDisposition(f.filename, false))
          // Written as the rows are checked; the response schema describes only the error bodies.
          .send(f.stream as never)
      );
    },
  );

  app.get(
    '/api/roster-template.:format',
    {
      schema: {
        tags,
        summary: 'An empty roster with the columns in the chosen language and an example row',
        params: TemplateParams,
        querystring: TemplateQuery,
        response: { 200: Binary, ...errorResponses },
      },
    },
    async (req, reply) => {
      const lang = req.query.lang ?? req.locale;
      const t = await service.template(lang, req.params.format);
      return reply
        .type(t.contentType)
        .header('content-disposition', contentDisposition(`roster-${lang}.${req.params.format}`, false))
        .send(t.buffer);
    },
  );
};

/**
 * A commit that answers as it goes (see CommitEvent): the answer begins with the first progress
 * line, so what fails before it (not allowed, already committed, …) is an ordinary error answer;
 * what fails after it is the last line.
 */
function commitAsStream(
  req: FastifyRequest,
  reply: FastifyReply,
  commit: (onProgress: (p: service.CommitProgress) => void) => ReturnType<typeof service.commitRoster>,
) {
  const out = new PassThrough();
  const line = (event: CommitEventT) => out.write(`${JSON.stringify(event)}\n`);
  return new Promise<FastifyReply>((resolve, reject) => {
    let begun = false;
    const begin = () => {
      if (begun) return;
      begun = true;
      // No proxy buffering: the lines are the point.
      resolve(
        reply
          .type(COMMIT_STREAM_TYPE)
          .header('cache-control', 'no-store')
          .header('x-accel-buffering', 'no')
          .send(out),
      );
    };
    commit((p) => {
      begin();
      line({ type: 'progress', ...p });
    }).then(
      (done) => {
        begin();
        line({ type: 'done', import: presentImport(done) });
        out.end();
      },
      (error: unknown) => {
        if (!begun) return reject(error);
        const { status, body } = errorAnswer(req, error);
        line({ type: 'error', status, error: { code: body.code, message: body.message } });
        out.end();
      },
    );
  });
}
