/**
 * Files: uploads through the HTTP API and files other modules generate (certificate PDFs), kept in
 * ctx.storage under a random key and described by a row of `files`. Knows nothing of HTTP.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import type { AppContext, RequestMeta } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { insertAudit } from '../audit/repo';
import { policy } from './policy';
import * as repo from './repo';
import { type Sniffed, shownInline, sniff } from './sniff';

export type { FileRow } from './repo';

export interface NewStoredFile {
  buffer: Buffer;
  filename: string;
  contentType: string;
  organisationId: string | null;
  createdBy: string | null;
  /** Write the row in this transaction (the caller's use case) instead of on its own. */
  db?: Kysely<DB>;
}

/** A storage key nobody can guess, spread over month folders so no folder grows without bound. */
const newStorageKey = () => {
  const now = new Date();
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
};

/** Names are shown and sent back in headers: no folders, no control characters, a sane length. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(-200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
}

/**
 * Stores bytes and records them. The bytes are written first: if the row cannot be written, the
 * stored object is removed again, so a failure leaves neither half behind. Callers that trust their
 * content (the certificates module's PDFs) use this directly; uploads go through `uploadFile`.
 */
export async function storeFile(ctx: AppContext, f: NewStoredFile) {
  const key = newStorageKey();
  await ctx.storage.put(key, f.buffer);
  try {
    return await repo.insertFile(f.db ?? ctx.db, {
      storageKey: key,
      filename: cleanFilename(f.filename),
      contentType: f.contentType,
      sizeBytes: f.buffer.length,
      sha256: createHash('sha256').update(f.buffer).digest('hex'),
      organisationId: f.organisationId,
      createdBy: f.createdBy,
    });
  } catch (err) {
    await ctx.storage.delete(key).catch(() => undefined);
    throw err;
  }
}

/** An upload from a person: checked for its real type, then stored in the organisation they author for. */
export async function uploadFile(
  ctx: AppContext,
  actor: Actor,
  input: { buffer: Buffer; filename: string; organisationId?: string },
  meta: RequestMeta,
) {
  const organisationId = policy.uploadOrganisation(actor, input.organisationId);
  const filename = cleanFilename(input.filename);
  const sniffed: Sniffed | null = sniff(input.buffer, filename);
  if (!sniffed) {
    throw new AppError('FILE_TYPE_NOT_ALLOWED', { message: `refused upload ${JSON.stringify(filename)}` });
  }
  const key = newStorageKey();
  await ctx.storage.put(key, input.buffer);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const file = await repo.insertFile(trx, {
        storageKey: key,
        filename,
        contentType: sniffed.contentType,
        sizeBytes: input.buffer.length,
        sha256: createHash('sha256').update(input.buffer).digest('hex'),
        organisationId,
        createdBy: actor.userId,
      });
      await insertAudit(trx, {
        actorUserId: actor.userId,
        action: 'file.uploaded',
        entityType: 'file',
        entityId: file.id,
        organisationId,
        details: {
          filename,
          contentType: file.content_type,
          sizeBytes: file.size_bytes,
          sha256: file.sha256,
        },
        ip: meta.ip,
      });
      return file;
    });
  } catch (err) {
    await ctx.storage.delete(key).catch(() => undefined);
    throw err;
  }
}

/**
 * Whether the actor may read the file: its authors, its uploader, its course's learners, admins,
 * employers a CV's owner applied to, and for a manual result's evidence NIC staff and the authors of
 * the result's organisation.
 */
export async function canReadFile(ctx: AppContext, actor: Actor, file: repo.FileRow) {
  return (
    policy.readsWithoutEnrolment(actor, file) ||
    (await repo.readableThroughEnrolment(ctx.db, file.id, actor.userId)) ||
    (await repo.readableThroughCredential(ctx.db, file.id, actor.userId)) ||
    (await repo.readableThroughApplication(ctx.db, file.id, actor.userId)) ||
    (await repo.readableThroughManualResult(ctx.db, file.id, policy.evidenceReader(actor)))
  );
}

/** A file and its bytes, for someone allowed to read it; anyone else learns nothing (404). */
export async function openFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ file: repo.FileRow; inline: boolean; stream: Readable }> {
  const file = await repo.findFile(ctx.db, id);
  if (!file || !(await canReadFile(ctx, actor, file))) throw notFound('file');
  return { file, inline: shownInline(file.content_type), stream: await ctx.storage.read(file.storage_key) };
}

export const findFile = (ctx: AppContext, id: string) => repo.findFile(ctx.db, id);
