/**
 * Verifiable certificates: issuing one when a learner completes a course, publishing the issuers'
 * keys and revocation lists, verifying any certificate handed to us, revoking, and the learner's
 * wallet. Knows nothing of HTTP. Every change is audited in the transaction that makes it.
 */
import { randomUUID } from 'node:crypto';
import type {
  CredentialStatus,
  RevocationReason,
  VerificationCheck,
  VerifyResultT,
} from '../../../common/contracts/credentials';
import type { Locale } from '../../../common/i18n/locales';
import { intlTag, timeZone } from '../../../common/i18n/locales';
import type { Actor } from '../../lib/actor';
import type { AppContext, RequestMeta } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { translate } from '../../lib/i18n';
import { insertAudit } from '../audit/repo';
import { findFile } from '../files/repo';
import { storeFile } from '../files/service';
import { deliverMail, type PendingMail, recordNotification } from '../notifications/service';
import { findPersonByUser } from '../people/repo';
import { generateIssuerKey, privateKeyFor, publicKeyFor, publishedJwk } from './keys';
import { policy } from './policy';
import * as repo from './repo';
import {
  buildCredential,
  buildStatusListCredential,
  credentialProblems,
  credentialUrls,
  JWT_TYPE,
  type OpenBadgeCredential,
  parseJwt,
  STATUS_LIST_BITS,
  signJwt,
  verifySignature,
} from './vc';

/** pdfkit, fontkit and qrcode load on the first certificate, not at start-up (~0.3 s of imports). */
const pdfRenderer = async () => (await import('./pdf')).renderCertificatePdf;

type Db = AppContext['db'];

// ---- issuer keys ------------------------------------------------------------------------------------

/** The issuer's signing key, made on first need. Call inside a transaction holding `lockOrganisation`. */
async function activeKey(ctx: AppContext, trx: Db, orgId: string) {
  const secret = ctx.config.CREDENTIAL_SECRET;
  const row = await repo.findActiveKey(trx, orgId);
  if (row) return { id: row.id, kid: row.kid, privateKey: privateKeyFor(row, secret) };
  const k = generateIssuerKey(secret);
  const inserted = await repo.insertKey(trx, {
    orgId,
    kid: k.kid,
    publicJwk: { ...k.publicJwk },
    privateKeyEncrypted: k.privateKeyEncrypted,
  });
  await insertAudit(trx, {
    actorUserId: null,
    action: 'credential_key.created',
    entityType: 'organisation',
    entityId: orgId,
    organisationId: orgId,
    details: { kid: k.kid },
  });
  return { id: inserted.id, kid: k.kid, privateKey: k.privateKey };
}

/** A new active key for the issuer; the old ones stay published and keep verifying what they signed. */
export async function rotateIssuerKey(ctx: AppContext, actor: Actor, orgId: string, meta: RequestMeta) {
  policy.rotateKey(actor, orgId);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.lockOrganisation(trx, orgId))) throw notFound('organisation');
    const previous = await repo.findActiveKey(trx, orgId);
    const k = generateIssuerKey(ctx.config.CREDENTIAL_SECRET);
    const row = await repo.insertKey(trx, {
      orgId,
      kid: k.kid,
      publicJwk: { ...k.publicJwk },
      privateKeyEncrypted: k.privateKeyEncrypted,
    });
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'credential_key.rotated',
      entityType: 'organisation',
      entityId: orgId,
      organisationId: orgId,
      details: { kid: k.kid, previousKid: previous?.kid ?? null },
      ip: meta.ip,
    });
    return { kid: row.kid, createdAt: row.created_at };
  });
}

async function issuerOrganisation(ctx: AppContext, orgId: string) {
  const org = await repo.findOrganisation(ctx.db, orgId);
  if (!org) throw notFound('organisation');
  return org;
}

export async function issuerJwks(ctx: AppContext, orgId: string) {
  await issuerOrganisation(ctx, orgId);
  const keys = await repo.keysOfOrganisation(ctx.db, orgId);
  return { keys: keys.map((k) => publishedJwk(k.public_jwk)) };
}

/** The Open Badges Profile that a credential's issuer id resolves to. */
export async function issuerProfile(ctx: AppContext, orgId: string) {
  const org = await issuerOrganisation(ctx, orgId);
  const urls = credentialUrls(ctx.config.APP_URL);
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: urls.issuer(org.id),
    type: ['Profile'],
    name: org.name,
    ...(org.website ? { url: org.website } : {}),
    jwks_uri: urls.jwks(org.id),
  };
}

/**
 * The issuer's revocation list as a signed BitstringStatusListCredential (VC-JWT). Signed on request:
 * one Ed25519 signature and 16 KiB of gzip cost well under a millisecond, and it is never stale.
 */
export async function statusListJwt(ctx: AppContext, orgId: string): Promise<string> {
  await issuerOrganisation(ctx, orgId);
  const row = await repo.findActiveKey(ctx.db, orgId);
  // An issuer without a key has issued nothing, so it has no list; a public GET never makes a key.
  if (!row) throw notFound('status list');
  const credential = buildStatusListCredential({
    appUrl: ctx.config.APP_URL,
    orgId,
    revokedIndexes: await repo.revokedIndexes(ctx.db, orgId),
    now: new Date(),
  });
  return signJwt(credential, { kid: row.kid, privateKey: privateKeyFor(row, ctx.config.CREDENTIAL_SECRET) });
}

// ---- issuing -------------------------------------------------------------------------------------

/**
 * Issues the certificate of a completed enrolment: the Open Badges credential in the course's
 * teaching language, signed with the issuer's key, stored with its PDF, audited, and the learner told.
 * Idempotent: a second call (or a racing one) returns the certificate the enrolment already has.
 */
export async function issueCredential(
  ctx: AppContext,
  enrolmentId: string,
): Promise<{ credentialId: string }> {
  const existing = await repo.findCredentialByEnrolment(ctx.db, enrolmentId);
  if (existing) return { credentialId: existing.id };
  const facts = await repo.findIssuanceFacts(ctx.db, enrolmentId);
  if (!facts) throw notFound('enrolment');
  if (facts.enrolment_status !== 'completed')
    throw new AppError('CREDENTIAL_NOT_EARNED', {
      message: `enrolment ${enrolmentId} is ${facts.enrolment_status}`,
    });

  const language = facts.teaching_language;
  const urls = credentialUrls(ctx.config.APP_URL);
  const skills = await repo.courseSkills(ctx.db, facts.course_id);
  const storageKeys: string[] = [];
  let result: { credentialId: string; created: boolean; mail?: PendingMail };
  try {
    result = await ctx.db.transaction().execute(async (trx) => {
      // Under the issuer's lock: one key is made, status bits are unique, and a racing call for
      // the same enrolment waits here and then finds the certificate made by the first.
      await repo.lockOrganisation(trx, facts.organisation_id);
      const raced = await repo.findCredentialByEnrolment(trx, enrolmentId);
      if (raced) return { credentialId: raced.id, created: false };

      const key = await activeKey(ctx, trx, facts.organisation_id);
      const credentialId = randomUUID();
      // Whole seconds: the stored issue time and the credential's validFrom are the same instant.
      const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
      const statusIndex = await repo.allocateStatusIndex(trx, facts.organisation_id, STATUS_LIST_BITS);
      const params = {
        course: facts.course_title,
        hours: facts.duration_hours,
        issuer: facts.organisation_name,
      };
      const credential = buildCredential({
        appUrl: ctx.config.APP_URL,
        credentialId,
        personId: facts.person_id,
        learnerName: facts.full_name,
        issuer: {
          id: facts.organisation_id,
          name: facts.organisation_name,
          website: facts.organisation_website,
        },
        course: {
          id: facts.course_id,
          title: facts.course_title,
          summary: facts.course_summary,
          language,
          skills,
        },
        credentialName: translate(language, 'credentials.name', params),
        criteriaNarrative: translate(
          language,
          facts.is_tot ? 'credentials.criteriaTot' : 'credentials.criteria',
          params,
        ),
        issuedAt,
        validUntil: null,
        statusIndex,
      });
      const jwt = signJwt(credential, key);

      const pdf = await (await pdfRenderer())({
        language,
        credentialId,
        learnerName: facts.full_name,
        courseTitle: facts.course_title,
        durationHours: facts.duration_hours,
        issuerName: facts.organisation_name,
        issuedAt,
        credentialUrl: urls.credential(credentialId),
        verifyUrl: urls.verifyPage(credentialId),
        jwt,
      });
      const pdfFileId = await storePdf(ctx, trx, storageKeys, facts.organisation_id, credentialId, pdf);

      const inserted = await repo.insertCredential(trx, {
        id: credentialId,
        enrolmentId,
        personId: facts.person_id,
        courseId: facts.course_id,
        issuerOrganisationId: facts.organisation_id,
        keyId: key.id,
        language,
        credential,
        jwt,
        pdfFileId,
        issuedAt,
        validUntil: null,
        statusIndex,
      });
      if (!inserted)
        throw new AppError('CONFLICT', { message: `enrolment ${enrolmentId} already certified` });
      if (facts.is_tot)
        await repo.linkTrainerCertification(trx, facts.person_id, facts.course_id, credentialId);
      await insertAudit(trx, {
        actorUserId: null,
        action: 'credential.issued',
        entityType: 'credential',
        entityId: credentialId,
        organisationId: facts.organisation_id,
        details: {
          enrolmentId,
          personId: facts.person_id,
          courseId: facts.course_id,
          kid: key.kid,
          statusIndex,
          language,
        },
      });
      // The in-app notice is part of the issuance; its e-mail leaves after the commit.
      const mail = facts.user_id
        ? await recordNotification(trx, {
            userId: facts.user_id,
            kind: 'certificate_issued',
            params: { course: courseParam(facts), issuer: facts.organisation_name },
            link: `/credentials/${credentialId}`,
          })
        : undefined;
      return { credentialId, created: true, mail };
    });
  } catch (e) {
    // The transaction rolled back: no row points at the PDF written for it, so remove the file too.
    await dropFiles(ctx, storageKeys);
    if (e instanceof AppError && e.code === 'CONFLICT') {
      const winner = await repo.findCredentialByEnrolment(ctx.db, enrolmentId);
      if (winner) return { credentialId: winner.id };
    }
    throw e;
  }
  if (result.mail) await deliverMail(ctx, [result.mail]);
  return { credentialId: result.credentialId };
}

/** The PDF through the files module, its row in the caller's transaction; `written` collects keys to drop on rollback. */
async function storePdf(
  ctx: AppContext,
  trx: Db,
  written: string[],
  orgId: string,
  credentialId: string,
  pdf: Buffer,
) {
  const file = await storeFile(ctx, {
    buffer: pdf,
    filename: `certificate-${credentialId}.pdf`,
    contentType: 'application/pdf',
    organisationId: orgId,
    createdBy: null,
    db: trx,
  });
  written.push(file.storage_key);
  return file.id;
}

async function dropFiles(ctx: AppContext, keys: string[]) {
  for (const key of keys.splice(0)) await ctx.storage.delete(key).catch(() => undefined);
}

// ---- reading -------------------------------------------------------------------------------------

/** A course as notifications take it: every title, so each reader gets their own language. */
const courseParam = (f: {
  course_title: string;
  course_translations: unknown;
  teaching_language: Locale;
}) => ({
  title: f.course_title,
  translations: f.course_translations,
  language: f.teaching_language,
});

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export function statusOf(
  c: { revoked_at: Date | null; valid_until: Date | null },
  now = new Date(),
): CredentialStatus {
  if (c.revoked_at) return 'revoked';
  if (c.valid_until && new Date(c.valid_until).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export const reasonText = (locale: Locale, reason: string | null) =>
  reason ? translate(locale, `credentials.revocationReasons.${reason}`) : null;

async function loadCredential(ctx: AppContext, id: string) {
  const c = await repo.findCredential(ctx.db, id);
  if (!c) throw notFound('credential');
  return c;
}

/** What the public verification page shows: name, course, issuer, dates, status and the JWT. */
export const getPublicCredential = (ctx: AppContext, id: string) => loadCredential(ctx, id);

export async function listWallet(
  ctx: AppContext,
  actor: Actor,
  f: { sort: string; page: number; pageSize: number },
) {
  const person = await findPersonByUser(ctx.db, actor.userId);
  if (!person) return { rows: [], total: 0 };
  return repo.listCredentialsOfPerson(ctx.db, person.id, f);
}

export async function listIssued(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  f: Parameters<typeof repo.listCredentialsOfIssuer>[2],
) {
  policy.listIssued(actor, orgId);
  await issuerOrganisation(ctx, orgId);
  return repo.listCredentialsOfIssuer(ctx.db, orgId, f);
}

/**
 * A certificate whose holder erased their data keeps only its status (privacy/service): its signed
 * text and PDF named the person and are gone, so there is nothing to download.
 */
const erased = (c: { jwt: string }) => c.jwt === '';

export async function downloadJson(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadCredential(ctx, id);
  policy.download(actor, { holderUserId: c.holder_user_id, issuerOrgId: c.issuer_organisation_id });
  if (erased(c)) throw notFound('credential erased by its holder');
  return { id: c.id, jwt: c.jwt, credential: c.credential };
}

/** The certificate's PDF; drawn again (and kept) if its file was lost. */
export async function downloadPdf(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ filename: string; data: Buffer }> {
  const c = await loadCredential(ctx, id);
  policy.download(actor, { holderUserId: c.holder_user_id, issuerOrgId: c.issuer_organisation_id });
  if (erased(c)) throw notFound('credential erased by its holder');
  const filename = `certificate-${c.id}.pdf`;
  const file = c.pdf_file_id ? await findFile(ctx.db, c.pdf_file_id) : undefined;
  if (file && (await ctx.storage.exists(file.storage_key)))
    return { filename, data: await readAll(await ctx.storage.read(file.storage_key)) };

  const credential = c.credential as OpenBadgeCredential;
  const urls = credentialUrls(ctx.config.APP_URL);
  const pdf = await (await pdfRenderer())({
    language: c.language,
    credentialId: c.id,
    learnerName: credential.credentialSubject.name ?? c.full_name,
    courseTitle: credential.credentialSubject.achievement.name,
    durationHours: c.duration_hours,
    issuerName: credential.issuer.name,
    issuedAt: new Date(c.issued_at),
    credentialUrl: urls.credential(c.id),
    verifyUrl: urls.verifyPage(c.id),
    jwt: c.jwt,
  });
  const written: string[] = [];
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const fileId = await storePdf(ctx, trx, written, c.issuer_organisation_id, c.id, pdf);
      await repo.setCredentialPdf(trx, c.id, fileId);
    });
  } catch (e) {
    await dropFiles(ctx, written);
    throw e;
  }
  return { filename, data: pdf };
}

// ---- revoking ------------------------------------------------------------------------------------

export async function revokeCredential(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { reason: RevocationReason; note?: string },
  meta: RequestMeta,
) {
  const c = await loadCredential(ctx, id);
  policy.revoke(actor, c.issuer_organisation_id);
  const mail = await ctx.db.transaction().execute(async (trx) => {
    const done = await repo.revokeCredential(trx, id, input.reason);
    if (!done) throw new AppError('CREDENTIAL_ALREADY_REVOKED');
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'credential.revoked',
      entityType: 'credential',
      entityId: id,
      organisationId: c.issuer_organisation_id,
      details: { reason: input.reason, note: input.note ?? null, personId: c.person_id },
      ip: meta.ip,
    });
    if (!c.holder_user_id) return undefined;
    return recordNotification(trx, {
      userId: c.holder_user_id,
      kind: 'certificate_revoked',
      params: {
        course: { title: c.course_title, translations: c.course_translations, language: c.course_language },
        issuer: c.issuer_name,
        reason: input.reason,
      },
      link: `/credentials/${id}`,
    });
  });
  if (mail) await deliverMail(ctx, [mail]);
  return loadCredential(ctx, id);
}

// ---- verifying -----------------------------------------------------------------------------------

export interface VerifyInput {
  jwt?: string;
  credential?: Record<string, unknown>;
  id?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with keys sorted: two credentials are the same when these strings are. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

const ENVELOPE_PREFIX = 'data:application/vc+jwt,';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a certificate handed to us, whatever form it comes in, and says in the reader's language
 * which checks passed. Never throws on a bad certificate: a forged or broken one is an answer, not an error.
 */
export async function verifyCredential(
  ctx: AppContext,
  input: VerifyInput,
  locale: Locale,
): Promise<VerifyResultT> {
  const t = (key: string, params: Record<string, unknown> = {}) =>
    translate(locale, `credentials.checks.${key}`, params);
  const day = (iso: unknown) =>
    new Intl.DateTimeFormat(intlTag[locale], { dateStyle: 'long', timeZone }).format(new Date(String(iso)));
  const urls = credentialUrls(ctx.config.APP_URL);
  const results = new Map<VerificationCheck, { ok: boolean; message: string }>();
  const answer = (payload: Record<string, unknown> | null): VerifyResultT => {
    const checks = (['format', 'issuer', 'signature', 'validity', 'status'] as const).map((check) => ({
      check,
      ...(results.get(check) ?? { ok: false, message: t('skipped') }),
    }));
    return { valid: checks.every((c) => c.ok), checks, credential: payload ? summaryOf(payload) : null };
  };
  const summaryOf = (p: Record<string, unknown>) => {
    const subject = isObject(p.credentialSubject) ? p.credentialSubject : {};
    const achievement = isObject(subject.achievement) ? subject.achievement : {};
    const issuer = isObject(p.issuer) ? p.issuer : {};
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      id: urls.idOf(p.id),
      learnerName: str(subject.name),
      courseTitle: str(achievement.name),
      issuerName: str(issuer.name),
      issuedAt: str(p.validFrom),
      validUntil: str(p.validUntil),
    };
  };

  // 1. What was handed over: a JWT, a JSON credential (plain, or enveloping a JWT), or an id.
  let jwt: string | null = null;
  let json: Record<string, unknown> | null = null;
  if (input.jwt !== undefined) jwt = input.jwt.trim();
  else if (input.credential !== undefined) {
    const c = input.credential;
    const types = Array.isArray(c.type) ? c.type : [c.type];
    if (
      types.includes('EnvelopedVerifiableCredential') &&
      typeof c.id === 'string' &&
      c.id.startsWith(ENVELOPE_PREFIX)
    )
      jwt = c.id.slice(ENVELOPE_PREFIX.length);
    else json = c;
  } else if (input.id !== undefined) {
    const id = urls.idOf(input.id) ?? (UUID.test(input.id.trim()) ? input.id.trim() : null);
    const row = id ? await repo.findCredential(ctx.db, id) : undefined;
    if (!row) {
      results.set('format', { ok: false, message: t('format.notFound') });
      return answer(null);
    }
    jwt = row.jwt;
  } else {
    throw new AppError('VALIDATION_FAILED', { fields: { '/': 'credentialInputRequired' } });
  }

  // 2. Format: a compact JWS with the VC-JWT header, carrying an Open Badges 3.0 credential.
  let payload: Record<string, unknown>;
  let signed: { kid: string; parsed: NonNullable<ReturnType<typeof parseJwt>> } | null = null;
  if (jwt !== null) {
    const parsed = parseJwt(jwt);
    if (!parsed) {
      results.set('format', { ok: false, message: t('format.notJwt') });
      return answer(null);
    }
    payload = parsed.payload;
    const { alg, typ, kid } = parsed.header;
    if (alg !== 'EdDSA' || typ !== JWT_TYPE || typeof kid !== 'string' || !kid) {
      results.set('format', { ok: false, message: t('format.header') });
    } else signed = { kid, parsed };
  } else payload = json!;
  if (!results.has('format')) {
    const problems = credentialProblems(payload);
    results.set(
      'format',
      problems.length === 0
        ? { ok: true, message: t(signed ? 'format.ok' : 'format.okJson') }
        : { ok: false, message: t('format.fields', { fields: problems.join(', ') }) },
    );
  }

  // 3. Issuer: an organisation registered here, by the issuer id the credential names.
  const issuer = isObject(payload.issuer) ? payload.issuer : {};
  const orgId = urls.orgOfIssuer(issuer.id);
  const org = orgId ? await repo.findOrganisation(ctx.db, orgId) : undefined;
  results.set(
    'issuer',
    org
      ? { ok: true, message: t('issuer.ok', { issuer: org.name }) }
      : { ok: false, message: t('issuer.unknown') },
  );

  // 4. Signature: by a key this issuer published. A JSON credential is checked through the JWT we
  //    keep for it, and must be that JWT's payload exactly.
  const stored = await (async () => {
    const id = urls.idOf(payload.id);
    return id ? repo.findCredential(ctx.db, id) : undefined;
  })();
  if (!signed && json) {
    if (!stored || canonical(stored.credential) !== canonical(json)) {
      results.set('signature', { ok: false, message: t('signature.jsonUnmatched') });
    } else {
      const parsed = parseJwt(stored.jwt);
      const kid = parsed?.header.kid;
      if (parsed && typeof kid === 'string') signed = { kid, parsed };
    }
  }
  if (signed) {
    const key = await repo.findKeyByKid(ctx.db, signed.kid);
    if (!key || !org || key.organisation_id !== org.id) {
      results.set('signature', { ok: false, message: t('signature.unknownKey') });
    } else if (verifySignature(signed.parsed, publicKeyFor(key.kid, key.public_jwk))) {
      results.set('signature', { ok: true, message: t('signature.ok', { kid: key.kid }) });
    } else {
      results.set('signature', { ok: false, message: t('signature.bad') });
    }
  } else if (!results.has('signature') && jwt !== null) {
    results.set('signature', { ok: false, message: t('signature.unknownKey') });
  }

  // 5. Validity period, on the server's clock.
  const now = Date.now();
  const from = Date.parse(String(payload.validFrom));
  const until = payload.validUntil === undefined ? null : Date.parse(String(payload.validUntil));
  if (Number.isNaN(from) || (until !== null && Number.isNaN(until))) {
    results.set('validity', { ok: false, message: t('validity.unreadable') });
  } else if (from > now) {
    results.set('validity', { ok: false, message: t('validity.notYet', { from: day(payload.validFrom) }) });
  } else if (until !== null && until <= now) {
    results.set('validity', {
      ok: false,
      message: t('validity.expired', { until: day(payload.validUntil) }),
    });
  } else {
    results.set(
      'validity',
      until === null
        ? { ok: true, message: t('validity.ok', { from: day(payload.validFrom) }) }
        : {
            ok: true,
            message: t('validity.okUntil', { from: day(payload.validFrom), until: day(payload.validUntil) }),
          },
    );
  }

  // 6. Status: known to the issuer's registry and not revoked.
  if (!stored || (org && stored.issuer_organisation_id !== org.id)) {
    results.set('status', { ok: false, message: t('status.unknown') });
  } else if (stored.revoked_at) {
    results.set('status', {
      ok: false,
      message: t('status.revoked', {
        date: day(new Date(stored.revoked_at).toISOString()),
        reason: reasonText(locale, stored.revocation_reason),
      }),
    });
  } else {
    results.set('status', { ok: true, message: t('status.ok') });
  }
  return answer(payload);
}
