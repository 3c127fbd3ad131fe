/**
 * The person's data rights (Law 91/2025/QH15): consent per purpose, a copy of their data, erasure.
 * Every use case acts for the signed-in account on its own person; knows nothing of HTTP.
 */
import type { Kysely } from 'kysely';
import { type ConsentPurpose, consentPurposes, currentWordingVersion } from '../../../common/consent';
import type { ConsentOverviewT } from '../../../common/contracts/privacy';
import type { DB } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import type { AppContext, RequestMeta } from '../../lib/context';
import { AppError, unauthenticated } from '../../lib/errors';
import { deriveKey, unseal } from '../../lib/seal';
import { insertAudit } from '../audit/repo';
import { verifyPassword } from '../identity/password';
import { ensurePersonForUser, findPersonByUser } from '../people/repo';
import { enrolmentsOf } from '../registry/people/repo';
import { policy } from './policy';
import { presentConsentOverview } from './presenter';
import * as repo from './repo';

// ---- consent -------------------------------------------------------------------------------------

/**
 * Whether the person's choice in force for `purpose` is "granted". For other modules (job matching,
 * sharing with employers, impact figures): no record means no consent. A consent given to an older
 * wording still holds until the person answers again; the page asks them to.
 */
export async function hasConsent(
  db: Kysely<DB>,
  personId: string,
  purpose: ConsentPurpose,
): Promise<boolean> {
  const latest = await repo.latestConsent(db, personId, purpose);
  return latest?.granted === true;
}

export async function consentOverview(ctx: AppContext, actor: Actor): Promise<ConsentOverviewT> {
  const person = await findPersonByUser(ctx.db, actor.userId);
  return presentConsentOverview(person ? await repo.consentHistory(ctx.db, person.id) : []);
}

/**
 * Records the person's choice for one purpose, against the words they were shown. Words that are no
 * longer current are refused (the page is stale); choosing what is already in force records nothing.
 */
export async function recordConsent(
  ctx: AppContext,
  actor: Actor,
  purpose: ConsentPurpose,
  input: { granted: boolean; wordingVersion: string },
  meta: RequestMeta,
): Promise<ConsentOverviewT> {
  const current = currentWordingVersion(purpose);
  if (input.wordingVersion !== current)
    throw new AppError('CONSENT_WORDING_OUTDATED', {
      params: { current },
      message: `${purpose}: wording ${input.wordingVersion} is not the current ${current}`,
    });
  const history = await ctx.db.transaction().execute(async (trx) => {
    const person = await ensurePersonForUser(trx, actor.userId);
    await repo.lockPerson(trx, person.id);
    const latest = await repo.latestConsent(trx, person.id, purpose);
    const inForce = latest?.granted ?? false;
    const unchanged = input.granted
      ? inForce && latest?.wording_version === current
      : // Withdrawing what was never granted (or is already withdrawn) changes nothing.
        !inForce;
    if (!unchanged) {
      await repo.insertConsent(trx, {
        personId: person.id,
        purpose,
        granted: input.granted,
        wordingVersion: current,
        source: 'self',
        recordedBy: actor.userId,
      });
      await insertAudit(trx, {
        actorUserId: actor.userId,
        action: input.granted ? 'consent.granted' : 'consent.withdrawn',
        entityType: 'person',
        entityId: person.id,
        details: { purpose, wordingVersion: current },
        ip: meta.ip,
      });
    }
    return repo.consentHistory(trx, person.id);
  });
  return presentConsentOverview(history);
}

export { consentPurposes };

// ---- the copy of one's data -------------------------------------------------------------------------

const nationalIdKey = (ctx: AppContext) =>
  deriveKey(ctx.config.PERSONAL_DATA_SECRET, 'nhanluc national id v1', 'PERSONAL_DATA_SECRET');

/** The CCCD in clear, for its owner only; null when none is stored or it cannot be opened. */
export function openNationalId(
  ctx: AppContext,
  person: { id: string; national_id_enc: string | null },
): string | null {
  if (!person.national_id_enc) return null;
  try {
    return unseal(person.national_id_enc, nationalIdKey(ctx), person.id).toString('utf8');
  } catch (e) {
    ctx.log.error(e, `national id of person ${person.id} could not be opened`);
    return null;
  }
}

async function rowsOfPerson(db: Kysely<DB>, personId: string) {
  const [
    knownTo,
    enrolments,
    attendance,
    progress,
    attempts,
    credentials,
    consents,
    talent,
    skills,
    applications,
    events,
  ] = await Promise.all([
    repo.organisationsKnowing(db, personId),
    enrolmentsOf(db, personId, undefined, 'asc'),
    repo.attendanceOf(db, personId),
    repo.progressOf(db, personId),
    repo.quizAttemptsOf(db, personId),
    repo.credentialsOf(db, personId),
    repo.consentHistory(db, personId),
    repo.talentProfileOf(db, personId),
    repo.talentSkillsOf(db, personId),
    repo.applicationsOf(db, personId),
    repo.eventsOf(db, personId),
  ]);
  return {
    knownTo,
    enrolments,
    attendance,
    progress,
    attempts,
    credentials,
    consents,
    talent: talent ?? null,
    skills,
    applications,
    events,
  };
}
type PersonRows = Awaited<ReturnType<typeof rowsOfPerson>>;
const noRows: PersonRows = {
  knownTo: [],
  enrolments: [],
  attendance: [],
  progress: [],
  attempts: [],
  credentials: [],
  consents: [],
  talent: null,
  skills: [],
  applications: [],
  events: [],
};

/** Everything the platform holds about the signed-in person, as rows; the presenter shapes them. */
export async function collectPersonalData(ctx: AppContext, actor: Actor) {
  const db = ctx.db;
  const account = await repo.accountOf(db, actor.userId);
  if (!account) throw unauthenticated();
  const person = await repo.personWithPlaces(db, actor.userId);
  const [roles, rows, notifications, audit] = await Promise.all([
    repo.rolesOf(db, actor.userId),
    person ? rowsOfPerson(db, person.id) : noRows,
    repo.notificationsOf(db, actor.userId),
    repo.auditAbout(db, actor.userId, person ? [person.id] : []),
  ]);
  return {
    account,
    roles,
    person: person ? { ...person, national_id: openNationalId(ctx, person) } : null,
    ...rows,
    notifications,
    audit,
  };
}
export type PersonalData = Awaited<ReturnType<typeof collectPersonalData>>;

// ---- erasure ------------------------------------------------------------------------------------------

export const ERASED = '[erased]';

/**
 * A copy of `value` in which every string that contains one of `needles` (case-insensitive) is
 * replaced by "[erased]". Needles shorter than 3 characters are ignored, so a one-letter name cannot
 * wipe unrelated words.
 */
export function redact(value: unknown, needles: readonly string[]): unknown {
  const words = needles.map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 3);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return words.some((w) => v.toLowerCase().includes(w)) ? ERASED : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

export interface ErasureResult {
  personId: string | null;
  credentialsRevoked: number;
}

/**
 * Erases the signed-in person, after asking for their password again. One transaction: the person is
 * anonymised (the records of their learning stay, linked to nobody, so counts stay right), the
 * account is emptied and disabled, their certificates are revoked and stripped of the name, their
 * talent profile, skills and CV are deleted (applications keep only their status), their
 * notifications are deleted, and personal data inside audit entries about them is redacted. The PDF
 * bytes go after the commit, so a rollback never loses a file a row still points to.
 */
export async function erase(
  ctx: AppContext,
  actor: Actor,
  password: string,
  // No IP is written: the erasure entry holds no personal data.
  _meta: RequestMeta,
): Promise<ErasureResult> {
  const account = await repo.accountOf(ctx.db, actor.userId);
  if (!account) throw unauthenticated();
  if (!(await verifyPassword(account.password_hash, password)))
    throw new AppError('ERASURE_WRONG_PASSWORD', { message: `erasure of ${actor.userId}: wrong password` });
  policy.erase(actor, { lastPlatformAdmin: await repo.isLastPlatformAdmin(ctx.db, actor.userId) });

  const { result, storageKeys } = await ctx.db.transaction().execute(async (trx) => {
    const person = await findPersonByUser(trx, actor.userId);
    const people = person ? await repo.peopleOfErasure(trx, person.id) : [];
    const ids = people.map((p) => p.id);
    const needles = [
      account.email,
      account.display_name,
      ...people.flatMap((p) => [p.full_name, p.full_name_folded, p.phone ?? '', p.email ?? '']),
    ];

    let credentialsRevoked = 0;
    let files: { id: string; storage_key: string }[] = [];
    if (ids.length) {
      credentialsRevoked = (await repo.revokeActiveCredentials(trx, ids)).length;
      files = [...(await repo.pdfFilesOfCredentials(trx, ids)), ...(await repo.eraseTalent(trx, ids))];
      await repo.stripCredentials(trx, ids);
      await repo.deleteFiles(
        trx,
        files.map((f) => f.id),
      );
      await repo.anonymisePeople(trx, ids);
    }
    await repo.deleteNotifications(trx, actor.userId);
    await repo.eraseAccount(trx, actor.userId);

    // The audit log is append-only, with one exception: personal data written into entries about
    // the erased person is redacted (the entries themselves, who did what and when, stay).
    const about = await repo.auditAbout(trx, actor.userId, ids);
    const byThem = await repo.auditByActor(trx, actor.userId);
    const seen = new Set<number>();
    for (const entry of [...about, ...byThem]) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      const details = redact(entry.details ?? {}, needles) as Record<string, unknown>;
      const ownIp = entry.actor_user_id === actor.userId && entry.ip !== null;
      if (ownIp || JSON.stringify(details) !== JSON.stringify(entry.details ?? {}))
        await repo.updateAuditDetails(trx, entry.id, details, ownIp);
    }

    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'person.erased',
      entityType: person ? 'person' : 'user',
      entityId: person?.id ?? actor.userId,
      details: { userId: actor.userId, credentialsRevoked, peopleAnonymised: ids.length },
    });
    return {
      result: { personId: person?.id ?? null, credentialsRevoked },
      storageKeys: files.map((f) => f.storage_key),
    };
  });
  for (const key of storageKeys)
    await ctx.storage.delete(key).catch((e) => ctx.log.error(e, `erasure: file ${key} not deleted`));
  return result;
}
