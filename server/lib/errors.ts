/**
 * One error type for the whole server. `message` is for the log; the user reads the translation of
 * `code` (with `params`), in their language. Services throw these; the HTTP layer presents them.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ApiErrorBody, type ErrorCode, errorStatus } from '../../common/errors';
import { translate } from './i18n';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, unknown>;
  /** Field problems: JSON pointer → a key under `validation.` in the message files. */
  readonly fields?: Record<string, string>;
  constructor(
    code: ErrorCode,
    opts: { message?: string; params?: Record<string, unknown>; fields?: Record<string, string> } = {},
  ) {
    super(opts.message ?? code);
    this.code = code;
    this.params = opts.params ?? {};
    this.fields = opts.fields;
  }
  get status() {
    return errorStatus[this.code];
  }
}

/** Small factories so call sites read as the rule they enforce. */
export const forbidden = (why?: string) => new AppError('FORBIDDEN', { message: why });
export const notFound = (what?: string) => new AppError('NOT_FOUND', { message: what });
export const unauthenticated = () => new AppError('UNAUTHENTICATED');

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function fieldMessages(req: FastifyRequest, issues: AjvIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    let path = issue.instancePath || '/';
    const params = { ...issue.params };
    let key = issue.keyword;
    if (issue.keyword === 'required') path = `${issue.instancePath}/${String(issue.params.missingProperty)}`;
    if (issue.keyword === 'format' && issue.params.format === 'email') key = 'email';
    if (issue.keyword === 'additionalProperties') params.property = issue.params.additionalProperty;
    const known = [
      'required',
      'format',
      'email',
      'minLength',
      'maxLength',
      'enum',
      'type',
      'pattern',
      'minimum',
      'maximum',
      'additionalProperties',
    ];
    if (!known.includes(key)) key = 'format';
    if (key === 'enum' || issue.keyword === 'const' || issue.keyword === 'anyOf') key = 'enum';
    fields[path] ??= translate(req.locale, `validation.${key}`, params);
  }
  return fields;
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  params: Record<string, unknown> = {},
  fields?: Record<string, string>,
) {
  const body: ApiErrorBody = { code, message: translate(req.locale, `errors.${code}`, params) };
  if (fields && Object.keys(fields).length > 0) body.fields = fields;
  return reply.status(errorStatus[code]).send(body);
}

/**
 * What an error answers with (status and body in the reader's language), for answers that report an
 * error inside a stream already begun, where the error handler can no longer set the status.
 */
export function errorAnswer(req: FastifyRequest, err: unknown): { status: number; body: ApiErrorBody } {
  const code: ErrorCode = err instanceof AppError ? err.code : 'INTERNAL';
  const status = errorStatus[code];
  if (status >= 500) req.log.error({ err }, 'error in a streamed answer');
  const params = err instanceof AppError ? err.params : {};
  return { status, body: { code, message: translate(req.locale, `errors.${code}`, params) } };
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, err.message);
      const fields = err.fields
        ? Object.fromEntries(
            Object.entries(err.fields).map(([path, key]) => [
              path,
              translate(req.locale, `validation.${key}`, err.params),
            ]),
          )
        : undefined;
      return sendError(req, reply, err.code, err.params, fields);
    }
    const fe = err as FastifyError & { validation?: AjvIssue[] };
    if (fe.validation)
      return sendError(req, reply, 'VALIDATION_FAILED', {}, fieldMessages(req, fe.validation));
    if (fe.statusCode === 429) return sendError(req, reply, 'RATE_LIMITED');
    if (fe.statusCode === 413) return sendError(req, reply, 'PAYLOAD_TOO_LARGE');
    if (fe.statusCode === 415) return sendError(req, reply, 'UNSUPPORTED_MEDIA_TYPE');
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors: bad JSON, empty body with a JSON content type, …
      return sendError(req, reply, fe.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST');
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, 'INTERNAL');
  });
}
