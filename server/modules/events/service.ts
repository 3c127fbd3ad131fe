/**
 * Use cases of events: the public list and page, registration (signed in or as a visitor, the person
 * found or made by the registry's matching), the staff list with counts, creating and editing events,
 * participants, check-in by QR code or from the list, and walk-ins. Each change is one transaction
 * with its audit entry; knows nothing of HTTP.
 *
 * Seats: a registration holds a seat (walk-ins included); the event row is locked (`FOR UPDATE`)
 * while seats are counted and taken, so two registrations for the last seat cannot both get it. A
 * walk-in is someone at the door: refused only when as many people as there are seats have checked
 * in already (no-shows free their seats on the day). Registering twice gives the same registration.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  CreateEventBodyT,
  PersonDetailsT,
  RegisterBodyT,
  UpdateEventBodyT,
} from '../../../common/contracts/events';
import {
  type EventSort,
  type EventStatus,
  type EventTopic,
  type EventWhen,
  normaliseShortCode,
  type ParticipantSort,
  type ParticipantState,
  SHORT_CODE_ALPHABET,
  SHORT_CODE_LENGTH,
  SHORT_CODE_PATTERN,
} from '../../../common/events';
import { canonicalVi, tokensVi } from '../../../common/text';
import type { DB, EventTranslations } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import type { AppContext, RequestMeta } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { insertAudit } from '../audit/repo';
import { ensurePersonForUser, findPersonByUser } from '../people/repo';
import { normaliseEmail, normalisePhone, parseDate, todayIso } from '../registry/identity';
import { findOrCreatePerson, type RegisteringPerson } from '../registry/people/registration';
import { checkInToken, checkInTokenHash, checkInUrl, qrCodeDataUrl } from './checkin-token';
import { canEditEvent, policy } from './policy';
import { registrationOpen } from './presenter';
import * as repo from './repo';

type Db = Kysely<DB>;

/** At most this many words of a search are used. */
const MAX_SEARCH_WORDS = 8;

async function loadEvent(db: Db, id: string) {
  const event = await repo.findEvent(db, id);
  if (!event) throw notFound('event');
  return event;
}

const countsOne = async (db: Db, id: string) => (await repo.countsOf(db, [id])).get(id);

/** The link and QR code of a registration, from its id (checkin-token.ts). */
export async function registrationCode(ctx: AppContext, participantId: string) {
  const url = checkInUrl(ctx.config, checkInToken(ctx.config, participantId));
  return { checkInUrl: url, qrCode: await qrCodeDataUrl(url) };
}

// ---- public ------------------------------------------------------------------------------------------------

export interface PublicListQuery {
  topic?: EventTopic;
  programCode?: string;
  provinceCode?: string;
  when?: EventWhen;
  q?: string;
  sort?: EventSort;
  page: number;
  pageSize: number;
}

/** Events anyone may read: every status but cancelled. */
export async function listPublicEvents(ctx: AppContext, query: PublicListQuery) {
  const when = query.when ?? 'upcoming';
  const { rows, total } = await repo.listEvents(ctx.db, {
    topic: query.topic,
    programCode: query.programCode,
    provinceCode: query.provinceCode,
    publicOnly: true,
    when,
    q: query.q,
    sort: query.sort ?? (when === 'past' ? '-startsAt' : 'startsAt'),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    rows,
    counts: await repo.countsOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    total,
  };
}

/**
 * One event for anyone (a cancelled one too, so a link already shared says it was cancelled), with the
 * signed-in reader's registration and its code.
 */
export async function getPublicEvent(ctx: AppContext, actor: Actor | null, id: string) {
  const event = await loadEvent(ctx.db, id);
  const counts = await countsOne(ctx.db, id);
  const person = actor ? await findPersonByUser(ctx.db, actor.userId) : undefined;
  const mine = person ? await repo.participantOfPerson(ctx.db, id, person.id) : undefined;
  return {
    event,
    counts,
    myRegistration: mine ? { participant: mine, code: await registrationCode(ctx, mine.id) } : null,
  };
}

// ---- a person's details, as typed ------------------------------------------------------------------------

interface CheckedDetails {
  record: RegisteringPerson;
  /** Kept on the participation when only a year was given. */
  birthYear: number | null;
}

/**
 * A registrant's details checked and put in canonical form; every problem at once, as field errors
 * under `at` (`/visitor` for the registration form, `` for a walk-in).
 */
async function checkDetails(db: Db, d: PersonDetailsT, at: string): Promise<CheckedDetails> {
  const fields: Record<string, string> = {};
  const fullName = canonicalVi(d.fullName);
  if (fullName.length < 2) fields[`${at}/fullName`] = 'required';
  const typedPhone = d.phone?.trim() || null;
  const phone = typedPhone ? normalisePhone(typedPhone) : null;
  if (typedPhone && !phone) fields[`${at}/phone`] = 'vnMobile';
  const email = d.email?.trim() ? normaliseEmail(d.email) : null;
  if (!typedPhone && !email) fields[`${at}/phone`] = 'contactRequired';
  const today = todayIso();
  let dateOfBirth: string | null = null;
  let birthYear: number | null = null;
  if (d.dateOfBirth) {
    dateOfBirth = parseDate(d.dateOfBirth, today);
    if (!dateOfBirth) fields[`${at}/dateOfBirth`] = 'birthDateRange';
  } else if (d.birthYear !== undefined && d.birthYear !== null) {
    if (d.birthYear > Number(today.slice(0, 4))) fields[`${at}/birthYear`] = 'birthDateRange';
    else birthYear = d.birthYear;
  } else fields[`${at}/dateOfBirth`] = 'birthRequired';
  if (!(await repo.provinceExists(db, d.provinceCode))) fields[`${at}/provinceCode`] = 'unknownProvince';
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields });
  return {
    record: { fullName, sex: d.sex, dateOfBirth, provinceCode: d.provinceCode, phone, email },
    birthYear,
  };
}

/** A short code the event has not given yet (31⁶ ≈ 887 million codes: a clash is rare, never fatal). */
async function newShortCode(trx: Db, eventId: string): Promise<string> {
  for (;;) {
    const tries = Array.from({ length: 5 }, () =>
      Array.from(
        { length: SHORT_CODE_LENGTH },
        () => SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)],
      ).join(''),
    );
    const taken = await repo.shortCodesTaken(trx, eventId, tries);
    const free = tries.find((c) => !taken.has(c));
    if (free) return free;
  }
}

async function addParticipant(
  ctx: AppContext,
  trx: Db,
  p: {
    eventId: string;
    personId: string;
    registeredBy: string | null;
    walkIn: boolean;
    birthYear: number | null;
  },
) {
  const id = randomUUID();
  await repo.insertParticipant(trx, {
    id,
    eventId: p.eventId,
    personId: p.personId,
    registeredBy: p.registeredBy,
    walkIn: p.walkIn,
    checkedInBy: p.walkIn ? p.registeredBy : null,
    tokenHash: checkInTokenHash(checkInToken(ctx.config, id)),
    shortCode: await newShortCode(trx, p.eventId),
    birthYear: p.birthYear,
  });
  return id;
}

/** A participation with its history, for the demo seed (events/demo.ts): inside the seed's transaction. */
export async function addDemoParticipant(
  ctx: AppContext,
  trx: Db,
  p: {
    eventId: string;
    personId: string;
    registeredBy: string | null;
    walkIn: boolean;
    registeredAt: Date;
    checkedInAt: Date | null;
    checkedInBy: string | null;
  },
) {
  const id = await addParticipant(ctx, trx, { ...p, birthYear: null });
  await repo.setParticipantTimes(trx, id, p);
  return id;
}

// ---- registration ------------------------------------------------------------------------------------------

/**
 * Registers the signed-in reader's own person, or a visitor by their details (matched against the
 * registry: registry/people/registration.ts findOrCreatePerson). The same person registering again
 * gets the same registration, even once the event is closed or full. Refused (and nothing written,
 * not even the visitor's person) when the event is not open, has ended, or has no seat left.
 */
export async function register(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  body: RegisterBodyT,
  meta: RequestMeta,
) {
  let visitor: CheckedDetails | null = null;
  if (!actor) {
    if (!body.visitor) throw new AppError('VALIDATION_FAILED', { fields: { '/visitor': 'required' } });
    if (!(await repo.findEvent(ctx.db, eventId))) throw notFound('event');
    const checked = await checkDetails(ctx.db, body.visitor, '/visitor');
    if (body.visitor.consent !== true)
      throw new AppError('VALIDATION_FAILED', { fields: { '/visitor/consent': 'consentRequired' } });
    visitor = checked;
  }
  const { participantId, already } = await ctx.db.transaction().execute(async (trx) => {
    const event = await repo.lockEvent(trx, eventId);
    if (!event) throw notFound('event');
    let personId: string;
    let personCreated = false;
    let pairsQueued = 0;
    if (actor) personId = (await ensurePersonForUser(trx, actor.userId)).id;
    else {
      const found = await findOrCreatePerson(trx, visitor!.record);
      ({ personId, created: personCreated, pairsQueued } = found);
    }
    const existing = await repo.participantOfPerson(trx, eventId, personId);
    if (existing) return { participantId: existing.id, already: true };

    const counts = await countsOne(trx, eventId);
    // Open and not ended (the seats are counted next, to answer "full" rather than "not open").
    if (!registrationOpen(event, 0)) {
      throw new AppError(event.status === 'cancelled' ? 'EVENT_CANCELLED' : 'EVENT_NOT_OPEN', {
        params: { title: event.title },
      });
    }
    if (event.capacity !== null && (counts?.registered ?? 0) >= event.capacity)
      throw new AppError('EVENT_FULL', { params: { title: event.title } });

    const participantId = await addParticipant(ctx, trx, {
      eventId,
      personId,
      registeredBy: actor?.userId ?? null,
      walkIn: false,
      birthYear: visitor?.birthYear ?? null,
    });
    await insertAudit(trx, {
      actorUserId: actor?.userId ?? null,
      action: 'event.registered',
      entityType: 'event',
      entityId: eventId,
      organisationId: event.organisation_id,
      details: {
        participantId,
        personId,
        via: actor ? 'account' : 'visitor',
        personCreated,
        pairsQueued,
        ...(actor ? {} : { noticeAccepted: true }),
      },
      ip: meta.ip,
    });
    return { participantId, already: false };
  });
  const participant = (await repo.findParticipant(ctx.db, participantId))!;
  return { participant, code: await registrationCode(ctx, participantId), already };
}

// ---- staff: events -----------------------------------------------------------------------------------------

export interface StaffListQuery {
  topic?: EventTopic;
  status?: EventStatus;
  programId?: string;
  organisationId?: string;
  provinceCode?: string;
  when?: EventWhen;
  q?: string;
  sort?: EventSort;
  page: number;
  pageSize: number;
}

/** The events the actor runs: all for NIC staff, their organisations' for partner admins and trainers. */
export async function listStaffEvents(ctx: AppContext, actor: Actor, query: StaffListQuery) {
  const scope = policy.staffScope(actor);
  const { rows, total } = await repo.listEvents(ctx.db, {
    topic: query.topic,
    status: query.status,
    programId: query.programId,
    organisationId: query.organisationId,
    provinceCode: query.provinceCode,
    scope,
    when: query.when ?? 'all',
    q: query.q,
    sort: query.sort ?? '-startsAt',
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    rows,
    counts: await repo.countsOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    total,
    canEdit: (organisationId: string) => canEditEvent(actor, organisationId),
  };
}

export async function getStaffEvent(ctx: AppContext, actor: Actor, id: string) {
  const event = await loadEvent(ctx.db, id);
  policy.runEvent(actor, event.organisation_id);
  return {
    event,
    counts: await countsOne(ctx.db, id),
    canEdit: canEditEvent(actor, event.organisation_id),
  };
}

/** Translations without the event's own language (its words are the title and description). */
function cleanTranslations(t: EventTranslations | undefined, language: string): EventTranslations {
  const out: EventTranslations = {};
  for (const [locale, words] of Object.entries(t ?? {}) as [
    keyof EventTranslations,
    { title: string; description?: string },
  ][]) {
    if (locale === language || !words) continue;
    out[locale] = { title: words.title.trim(), description: (words.description ?? '').trim() };
  }
  return out;
}

async function validateEvent(
  db: Db,
  actor: Actor,
  organisationId: string,
  v: repo.EventValues,
  checkProgram: boolean,
) {
  const fields: Record<string, string> = {};
  if (new Date(v.endsAt).getTime() <= new Date(v.startsAt).getTime()) fields['/endsAt'] = 'endsBeforeStart';
  if (!v.online && !v.provinceCode) fields['/provinceCode'] = 'eventProvinceRequired';
  if (v.provinceCode && !(await repo.provinceExists(db, v.provinceCode)))
    fields['/provinceCode'] = 'unknownProvince';
  if (checkProgram && v.programId) {
    const program = await repo.programFor(db, v.programId, organisationId);
    if (!program) fields['/programId'] = 'unknownProgram';
    else if (!program.takes_part && !policy.anyProgram(actor)) fields['/programId'] = 'notInProgram';
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields });
}

const auditable = (v: repo.EventValues) => ({ ...v, description: undefined });

export async function createEvent(ctx: AppContext, actor: Actor, input: CreateEventBodyT, meta: RequestMeta) {
  policy.createEvent(actor, input.organisationId);
  if (!(await repo.organisationExists(ctx.db, input.organisationId)))
    throw new AppError('VALIDATION_FAILED', { fields: { '/organisationId': 'unknownOrganisation' } });
  const values: repo.EventValues = {
    programId: input.programId ?? null,
    topic: input.topic,
    title: input.title.trim(),
    description: (input.description ?? '').trim(),
    language: input.language,
    translations: cleanTranslations(input.translations, input.language),
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    online: input.online,
    provinceCode: input.provinceCode ?? null,
    location: input.location?.trim() || null,
    capacity: input.capacity ?? null,
    status: input.status ?? 'open',
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    await validateEvent(trx, actor, input.organisationId, values, true);
    const { id } = await repo.insertEvent(trx, input.organisationId, actor.userId, values);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'event.created',
      entityType: 'event',
      entityId: id,
      organisationId: input.organisationId,
      details: auditable(values),
      ip: meta.ip,
    });
    return id;
  });
  return getStaffEvent(ctx, actor, id);
}

export async function updateEvent(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateEventBodyT,
  meta: RequestMeta,
) {
  const before = await loadEvent(ctx.db, id);
  policy.editEvent(actor, before.organisation_id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockEvent(trx, id);
    const current = await loadEvent(trx, id);
    const language = input.language ?? current.language;
    const previous: repo.EventValues = {
      programId: current.program_id,
      topic: current.topic,
      title: current.title,
      description: current.description,
      language: current.language,
      translations: current.translations ?? {},
      startsAt: new Date(current.starts_at).toISOString(),
      endsAt: new Date(current.ends_at).toISOString(),
      online: current.online,
      provinceCode: current.province_code,
      location: current.location,
      capacity: current.capacity,
      status: current.status,
    };
    const next: repo.EventValues = {
      programId: input.programId === undefined ? previous.programId : input.programId,
      topic: input.topic ?? previous.topic,
      title: input.title?.trim() ?? previous.title,
      description: input.description?.trim() ?? previous.description,
      language,
      translations: cleanTranslations(input.translations ?? previous.translations, language),
      startsAt: input.startsAt ?? previous.startsAt,
      endsAt: input.endsAt ?? previous.endsAt,
      online: input.online ?? previous.online,
      provinceCode: input.provinceCode === undefined ? previous.provinceCode : input.provinceCode,
      location: input.location === undefined ? previous.location : input.location?.trim() || null,
      capacity: input.capacity === undefined ? previous.capacity : input.capacity,
      status: input.status ?? previous.status,
    };
    await validateEvent(
      trx,
      actor,
      current.organisation_id,
      next,
      input.programId !== undefined && input.programId !== previous.programId,
    );
    await repo.updateEvent(trx, id, next);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'event.updated',
      entityType: 'event',
      entityId: id,
      organisationId: current.organisation_id,
      details: { changes: auditable(next), before: auditable(previous) },
      ip: meta.ip,
    });
  });
  return getStaffEvent(ctx, actor, id);
}

// ---- staff: participants, check-in, walk-ins -------------------------------------------------------------

export interface ParticipantQuery {
  q?: string;
  state?: ParticipantState;
  sort?: ParticipantSort;
  page: number;
  pageSize: number;
}

export async function listParticipants(
  ctx: AppContext,
  actor: Actor,
  eventId: string,
  query: ParticipantQuery,
) {
  const event = await loadEvent(ctx.db, eventId);
  policy.runEvent(actor, event.organisation_id);
  const code = normaliseShortCode(query.q ?? '');
  const { rows, total } = await repo.listParticipants(ctx.db, {
    eventId,
    words: tokensVi(query.q ?? '').slice(0, MAX_SEARCH_WORDS),
    shortCode: new RegExp(SHORT_CODE_PATTERN).test(code) ? code : undefined,
    state: query.state,
    sort: query.sort ?? 'name',
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { event, rows, total, counts: await countsOne(ctx.db, eventId) };
}

/** Checks in inside a transaction that holds the event; idempotent. True when this call did it. */
async function checkInLocked(
  trx: Db,
  actor: Actor,
  participant: { id: string; event_id: string; person_id: string },
  method: 'qr' | 'staff',
  meta: RequestMeta,
) {
  const event = await repo.lockEvent(trx, participant.event_id);
  if (!event) throw notFound('event');
  if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED', { params: { title: event.title } });
  const did = await repo.checkIn(trx, participant.id, actor.userId);
  if (did)
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'event.checked_in',
      entityType: 'event',
      entityId: event.id,
      organisationId: event.organisation_id,
      details: { participantId: participant.id, personId: participant.person_id, method },
      ip: meta.ip,
    });
  return did;
}

async function checkInResult(
  ctx: AppContext,
  participantId: string,
  flags: { alreadyCheckedIn: boolean; alreadyRegistered: boolean },
) {
  const participant = (await repo.findParticipant(ctx.db, participantId))!;
  const event = await loadEvent(ctx.db, participant.event_id);
  return { participant, event, counts: await countsOne(ctx.db, event.id), ...flags };
}

/** Check-in from the event's screen (short code typed, or the participant found by name). */
export async function checkInParticipant(
  ctx: AppContext,
  actor: Actor,
  eventId: string,
  participantId: string,
  meta: RequestMeta,
) {
  const event = await loadEvent(ctx.db, eventId);
  policy.runEvent(actor, event.organisation_id);
  const participant = await repo.findParticipant(ctx.db, participantId);
  if (participant?.event_id !== eventId) throw notFound('participant');
  const did = await ctx.db
    .transaction()
    .execute((trx) => checkInLocked(trx, actor, participant, 'staff', meta));
  return checkInResult(ctx, participantId, { alreadyCheckedIn: !did, alreadyRegistered: true });
}

/** The participant a QR code names, for the event's staff only. */
async function participantOfToken(ctx: AppContext, actor: Actor, token: string) {
  const participant = await repo.participantByTokenHash(ctx.db, checkInTokenHash(token));
  if (!participant) throw notFound('registration');
  const event = await loadEvent(ctx.db, participant.event_id);
  policy.runEvent(actor, event.organisation_id);
  return participant;
}

export async function checkInView(ctx: AppContext, actor: Actor, token: string) {
  const participant = await participantOfToken(ctx, actor, token);
  return checkInResult(ctx, participant.id, {
    alreadyCheckedIn: participant.checked_in_at !== null,
    alreadyRegistered: true,
  });
}

export async function checkInByToken(ctx: AppContext, actor: Actor, token: string, meta: RequestMeta) {
  const participant = await participantOfToken(ctx, actor, token);
  const did = await ctx.db.transaction().execute((trx) => checkInLocked(trx, actor, participant, 'qr', meta));
  return checkInResult(ctx, participant.id, { alreadyCheckedIn: !did, alreadyRegistered: true });
}

/**
 * Someone at the door: found or made in the registry like a visitor, registered and checked in at
 * once (`walk_in`). Someone registered already is only checked in.
 */
export async function walkIn(
  ctx: AppContext,
  actor: Actor,
  eventId: string,
  details: PersonDetailsT,
  meta: RequestMeta,
) {
  const before = await loadEvent(ctx.db, eventId);
  policy.runEvent(actor, before.organisation_id);
  const checked = await checkDetails(ctx.db, details, '');
  const out = await ctx.db.transaction().execute(async (trx) => {
    const event = await repo.lockEvent(trx, eventId);
    if (!event) throw notFound('event');
    if (event.status === 'cancelled')
      throw new AppError('EVENT_CANCELLED', { params: { title: event.title } });
    const { personId, created, pairsQueued } = await findOrCreatePerson(trx, checked.record);
    const existing = await repo.participantOfPerson(trx, eventId, personId);
    if (existing) {
      const did = await checkInLocked(trx, actor, existing, 'staff', meta);
      return { participantId: existing.id, alreadyRegistered: true, alreadyCheckedIn: !did };
    }
    const present = (await countsOne(trx, eventId))?.checkedIn ?? 0;
    if (event.capacity !== null && present >= event.capacity)
      throw new AppError('EVENT_FULL', { params: { title: event.title } });
    const participantId = await addParticipant(ctx, trx, {
      eventId,
      personId,
      registeredBy: actor.userId,
      walkIn: true,
      birthYear: checked.birthYear,
    });
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'event.walk_in',
      entityType: 'event',
      entityId: eventId,
      organisationId: event.organisation_id,
      details: { participantId, personId, personCreated: created, pairsQueued },
      ip: meta.ip,
    });
    return { participantId, alreadyRegistered: false, alreadyCheckedIn: false };
  });
  return checkInResult(ctx, out.participantId, {
    alreadyCheckedIn: out.alreadyCheckedIn,
    alreadyRegistered: out.alreadyRegistered,
  });
}
