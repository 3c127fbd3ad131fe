/**
 * The one HTTP client of the web app: JSON in and out, same-origin cookies, the double-submit CSRF
 * header on every unsafe method, and one error type (`ApiError`) carrying the server's stable code,
 * its already-localised message and the field errors.
 */

export const CSRF_COOKIE = 'nl_csrf';
const CSRF_HEADER = 'x-csrf-token';

/** Codes the client itself produces (the server's codes are in common/errors.ts). */
export const NETWORK_ERROR = 'NETWORK';
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** JSON pointer of the field ("/email") → localised message. */
    readonly fields: Record<string, string> = {},
    /** The whole error body, for endpoints that say more (e.g. the GIFT import's per-question report). */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const isErrorBody = (v: unknown): v is { code: string; message: string; fields?: Record<string, string> } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { code?: unknown }).code === 'string' &&
  typeof (v as { message?: unknown }).message === 'string';

let csrfPending: Promise<unknown> | null = null;

/** The server sets the CSRF cookie on any response; make sure one exists before a mutation. */
async function ensureCsrfCookie() {
  if (readCookie(CSRF_COOKIE)) return;
  csrfPending ??= fetch('/api/auth/me', { credentials: 'same-origin' }).finally(() => {
    csrfPending = null;
  });
  await csrfPending.catch(() => undefined);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(
  method: Method,
  path: string,
  options: { body?: unknown; query?: Query } = {},
) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    await ensureCsrfCookie();
    headers[CSRF_HEADER] = readCookie(CSRF_COOKIE) ?? '';
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }

  if (response.status === 204) return undefined as T;
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new ApiError(response.status, response.ok ? UNEXPECTED_RESPONSE : `HTTP_${response.status}`, '');
  }
  if (!response.ok) {
    if (isErrorBody(data))
      throw new ApiError(response.status, data.code, data.message, data.fields ?? {}, data);
    throw new ApiError(response.status, `HTTP_${response.status}`, '');
  }
  return data as T;
}

/**
 * The JSON objects of a newline-delimited answer, as they arrive (a line may come in several chunks,
 * several lines in one).
 */
export async function* jsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  for (;;) {
    const { value, done } = await reader.read();
    rest += decoder.decode(value, { stream: !done });
    let end = rest.indexOf('\n');
    while (end >= 0) {
      const line = rest.slice(0, end).trim();
      rest = rest.slice(end + 1);
      if (line !== '') yield JSON.parse(line);
      end = rest.indexOf('\n');
    }
    if (done) break;
  }
  if (rest.trim() !== '') yield JSON.parse(rest);
}

/** A line of a streamed answer: progress on the way, then the result or the error that ended it. */
export type StreamEvent<T, P> =
  | ({ type: 'progress' } & P)
  | { type: 'done'; result: T }
  | { type: 'error'; status: number; error: { code: string; message: string } };

/**
 * A mutation that answers as it goes (`Accept: application/x-ndjson`): `onProgress` hears each
 * progress line; the answer is the `done` line's `key`; an `error` line, or an error answer before
 * the first line, throws `ApiError` as `request` does.
 */
export async function requestLines<T, P>(
  path: string,
  body: unknown,
  key: string,
  onProgress: (progress: P) => void,
): Promise<T> {
  await ensureCsrfCookie();
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        accept: 'application/x-ndjson',
        'content-type': 'application/json',
        [CSRF_HEADER]: readCookie(CSRF_COOKIE) ?? '',
      },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  if (!response.ok || !response.body) {
    const data: unknown = await response.json().catch(() => undefined);
    if (isErrorBody(data))
      throw new ApiError(response.status, data.code, data.message, data.fields ?? {}, data);
    throw new ApiError(response.status, `HTTP_${response.status}`, '');
  }
  try {
    for await (const line of jsonLines(response.body)) {
      const event = line as { type?: string } & Record<string, unknown>;
      if (event.type === 'progress') onProgress(event as P);
      else if (event.type === 'done') return event[key] as T;
      else if (event.type === 'error') {
        const e = event as { status: number; error: { code: string; message: string } };
        throw new ApiError(e.status, e.error.code, e.error.message);
      }
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  // The answer ended without its last line: the connection broke.
  throw new ApiError(0, NETWORK_ERROR, '');
}

/**
 * Upload one file as multipart/form-data (field `file`), with the CSRF header; the browser sets the
 * multipart boundary itself. Answers and errors are read as by `request`.
 */
export async function upload<T>(path: string, file: File, query?: Query): Promise<T> {
  await ensureCsrfCookie();
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method: 'POST',
      headers: { accept: 'application/json', [CSRF_HEADER]: readCookie(CSRF_COOKIE) ?? '' },
      credentials: 'same-origin',
      body,
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new ApiError(response.status, `HTTP_${response.status}`, '');
  }
  if (!response.ok) {
    if (isErrorBody(data)) throw new ApiError(response.status, data.code, data.message, data.fields ?? {});
    throw new ApiError(response.status, `HTTP_${response.status}`, '');
  }
  return data as T;
}

export interface UploadOptions {
  query?: Query;
  /** Bytes of the request sent so far, as the browser reports them. */
  onProgress?: (sent: { loaded: number; total: number }) => void;
  /** The whole file is with the server, which may still be working on it before it answers. */
  onSent?: () => void;
  /** Aborting rejects with a DOMException named `AbortError`. */
  signal?: AbortSignal;
}

/**
 * `upload` with progress. fetch cannot tell how much of a request body has been sent, so this one
 * call uses XMLHttpRequest; the CSRF header, the cookies and the errors are those of `request`.
 */
export async function uploadWithProgress<T>(
  path: string,
  file: File,
  options: UploadOptions = {},
): Promise<T> {
  const { signal } = options;
  signal?.throwIfAborted();
  await ensureCsrfCookie();
  signal?.throwIfAborted();
  const body = new FormData();
  body.append('file', file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    const done = () => signal?.removeEventListener('abort', abort);
    xhr.open('POST', withQuery(path, options.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(CSRF_HEADER, readCookie(CSRF_COOKIE) ?? '');
    xhr.upload.onprogress = (e) =>
      options.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => options.onSent?.();
    xhr.onerror = () => {
      done();
      reject(new ApiError(0, NETWORK_ERROR, ''));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was aborted', 'AbortError'));
    };
    xhr.onload = () => {
      done();
      try {
        resolve(answerOf<T>(xhr.status, xhr.responseText));
      } catch (e) {
        reject(e);
      }
    };
    signal?.addEventListener('abort', abort, { once: true });
    xhr.send(body);
  });
}

/** A JSON answer read as `request` reads it: the data, or the `ApiError` of the server's error body. */
function answerOf<T>(status: number, text: string): T {
  const ok = status >= 200 && status < 300;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError(status, ok ? UNEXPECTED_RESPONSE : `HTTP_${status}`, '');
  }
  if (!ok) {
    if (isErrorBody(data)) throw new ApiError(status, data.code, data.message, data.fields ?? {}, data);
    throw new ApiError(status, `HTTP_${status}`, '');
  }
  return data as T;
}

/** The message of a field from an API validation error, by field name or JSON pointer. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const pointer = field.startsWith('/') ? field : `/${field}`;
  return error.fields[pointer] ?? error.fields[field] ?? error.fields[`/body${pointer}`];
}
