import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, jsonLines, requestLines } from './client';

/** A body that arrives in the given pieces of bytes, as a network would cut it. */
const body = (...pieces: (string | Uint8Array)[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const p of pieces) controller.enqueue(typeof p === 'string' ? new TextEncoder().encode(p) : p);
      controller.close();
    },
  });

const collect = async (stream: ReadableStream<Uint8Array>) => {
  const out: unknown[] = [];
  for await (const line of jsonLines(stream)) out.push(line);
  return out;
};

describe('jsonLines', () => {
  it('reads lines cut anywhere, even inside a character, and a last line without its newline', async () => {
    const bytes = new TextEncoder().encode('{"a":"Nguyễn"}\n\n{"b":2}\n{"c":3}');
    // Cut inside "ễ" (three bytes) and between lines.
    const at = bytes.indexOf(0xbb);
    expect(await collect(body(bytes.slice(0, at), bytes.slice(at, 20), bytes.slice(20)))).toEqual([
      { a: 'Nguyễn' },
      { b: 2 },
      { c: 3 },
    ]);
  });
});

describe('requestLines', () => {
  afterEach(() => vi.unstubAllGlobals());
  const answer = (status: number, text: string, type = 'application/x-ndjson') =>
    vi.fn(async () => new Response(text, { status, headers: { 'content-type': type } }));

  it('hands each progress line on and answers with the done line', async () => {
    vi.stubGlobal('document', { cookie: 'nl_csrf=token' });
    const fetch = answer(
      200,
      '{"type":"progress","phase":"checking","done":0,"total":2}\n{"type":"progress","phase":"writing","done":2,"total":2}\n{"type":"done","import":{"id":"x"}}\n',
    );
    vi.stubGlobal('fetch', fetch);
    const seen: unknown[] = [];
    const result = await requestLines('/api/x', { mode: 'all' }, 'import', (p) => seen.push(p));
    expect(result).toEqual({ id: 'x' });
    expect(seen).toEqual([
      { type: 'progress', phase: 'checking', done: 0, total: 2 },
      { type: 'progress', phase: 'writing', done: 2, total: 2 },
    ]);
    const init = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init[1].headers).toMatchObject({ accept: 'application/x-ndjson', 'x-csrf-token': 'token' });
  });

  it('throws the error line, and an error answer before any line, as ApiError', async () => {
    vi.stubGlobal('document', { cookie: 'nl_csrf=token' });
    vi.stubGlobal(
      'fetch',
      answer(
        200,
        '{"type":"progress","phase":"writing","done":1,"total":2}\n{"type":"error","status":500,"error":{"code":"INTERNAL","message":"Đã có lỗi"}}\n',
      ),
    );
    await expect(requestLines('/api/x', {}, 'import', () => {})).rejects.toMatchObject({
      status: 500,
      code: 'INTERNAL',
      message: 'Đã có lỗi',
    });
    vi.stubGlobal(
      'fetch',
      answer(409, '{"code":"ROSTER_IMPORT_DONE","message":"Đã nhập"}', 'application/json'),
    );
    const refused = await requestLines('/api/x', {}, 'import', () => {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 409, code: 'ROSTER_IMPORT_DONE' });
    // An answer cut before its last line is a broken connection, not a success.
    vi.stubGlobal('fetch', answer(200, '{"type":"progress","phase":"writing","done":1,"total":2}\n'));
    await expect(requestLines('/api/x', {}, 'import', () => {})).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
