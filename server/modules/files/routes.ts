/** HTTP for files: upload (multipart) and download, with the type sniffed on the way in. */
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FileParams, MAX_UPLOAD_BYTES, StoredFile, UploadQuery } from '../../../common/contracts/catalog';
import { ErrorBody, errorResponses } from '../../../common/contracts/common';
import { AppError } from '../../lib/errors';
import { actorOf, requestMeta } from '../../lib/http';
import type { ModuleRoutes } from '../../lib/route';
import { presentFile } from './presenter';
import * as service from './service';
import { contentDisposition } from './sniff';

const tags = ['files'];

export const fileRoutes: ModuleRoutes = async (app, ctx) => {
  // Multipart parsing only where it is needed: no other route accepts multipart bodies.
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
    });

    scope.post(
      '/api/files',
      {
        schema: {
          tags,
          summary: 'Upload one file (multipart/form-data, field "file", at most 50 MB)',
          description:
            'The type is read from the content. Programs, scripts, HTML, SVG and files whose content contradicts their extension are refused (415 FILE_TYPE_NOT_ALLOWED).',
          consumes: ['multipart/form-data'],
          querystring: UploadQuery,
          response: { 201: StoredFile, ...errorResponses, 413: ErrorBody, 415: ErrorBody },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        // Every part is read, so a second file or an oversized one fails the request (413) before
        // anything is stored, rather than being silently dropped.
        let received: { buffer: Buffer; filename: string } | undefined;
        for await (const part of req.parts()) {
          if (part.type === 'file') received = { buffer: await part.toBuffer(), filename: part.filename };
        }
        if (!received) throw new AppError('FILE_REQUIRED');
        const file = await service.uploadFile(
          ctx,
          actor,
          { ...received, organisationId: req.query.organisationId },
          requestMeta(req),
        );
        return reply.status(201).send(presentFile(file));
      },
    );
  });

  app.get(
    '/api/files/:id',
    {
      schema: {
        tags,
        summary: 'Download a file (its authors, enrolled learners of a course using it, admins)',
        params: FileParams,
        response: { ...errorResponses },
      },
    },
    async (req, reply) => {
      const { file, inline, stream } = await service.openFile(ctx, actorOf(req), req.params.id);
      return (
        reply
          .header('content-type', file.content_type)
          .header('content-length', String(file.size_bytes))
          .header('content-disposition', contentDisposition(file.filename, inline))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=3600')
          .header('etag', `"${file.sha256}"`)
          // The bytes are streamed as stored; the response schemas describe only the error bodies.
          .send(stream as never)
      );
    },
  );
};
