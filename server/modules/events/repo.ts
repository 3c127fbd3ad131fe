/**
 * SQL of events and their participants. Lists are one statement for the page plus one for the total;
 * counts of many events are one grouped statement.
 */
import { type Kysely, sql } from 'kysely';
import type { EventSort, EventWhen, ParticipantSort, ParticipantState } from '../../../common/events';
import { foldVi } from '../../../common/text';
import type { DB, EventStatus, EventTopic, EventTranslations, Locale } from '../../db/schema';

type Db = Kysely<DB>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const ids = (list: readonly string[]) => sql<string>`any(${sql.val([...list])}::uuid[])`;

// ---- events ----------------------------------------------------------------------------------------------

const eventColumns = [
  'e.id',
  'e.program_id',
  'e.organisation_id',
  'e.topic',
  'e.title',
  'e.description',
  'e.language',
  'e.translations',
  'e.starts_at',
  'e.ends_at',
  'e.online',
  'e.province_code',
  'e.location',
  'e.capacity',
  'e.status',
  'e.created_at',
  'e.updated_at',
  'o.name as organisation_name',
  'pr.name as province_name',
  'pr.name_en as province_name_en',
  'pg.code as program_code',
  'pg.name_vi as program_name_vi',
  'pg.name_en as program_name_en',
  'pg.name_ja as program_name_ja',
] as const;

const eventsWithNames = (db: Db) =>
  db
    .selectFrom('events as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .leftJoin('provinces as pr', 'pr.code', 'e.province_code')
    .leftJoin('programs as pg', 'pg.id', 'e.program_id');

export const findEvent = (db: Db, id: string) =>
  eventsWithNames(db).select(eventColumns).where('e.id', '=', id).executeTakeFirst();
export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

/** Serialises registrations, walk-ins and edits of one event: capacity is counted under this lock. */
export const lockEvent = (db: Db, id: string) =>
  db
    .selectFrom('events')
    .select(['id', 'organisation_id', 'status', 'starts_at', 'ends_at', 'capacity', 'title'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export interface EventFilter {
  topic?: EventTopic;
  status?: EventStatus;
  /** Cancelled events are left out of the public list. */
  publicOnly?: boolean;
  programId?: string;
  programCode?: string;
  organisationId?: string;
  provinceCode?: string;
  when: EventWhen;
  q?: string;
  /** The organisations whose events a staff list may show; undefined: all. */
  scope?: readonly string[];
  sort: EventSort;
  limit: number;
  offset: number;
}

export async function listEvents(db: Db, f: EventFilter) {
  let base = eventsWithNames(db);
  if (f.topic) base = base.where('e.topic', '=', f.topic);
  if (f.status) base = base.where('e.status', '=', f.status);
  if (f.publicOnly) base = base.where('e.status', '!=', 'cancelled');
  if (f.programId) base = base.where('e.program_id', '=', f.programId);
  if (f.programCode) base = base.where('pg.code', '=', f.programCode);
  if (f.organisationId) base = base.where('e.organisation_id', '=', f.organisationId);
  if (f.provinceCode) base = base.where('e.province_code', '=', f.provinceCode);
  if (f.scope) base = base.where('e.organisation_id', '=', ids(f.scope));
  if (f.when === 'upcoming') base = base.where('e.ends_at', '>', sql<Date>`now()`);
  if (f.when === 'past') base = base.where('e.ends_at', '<=', sql<Date>`now()`);
  const q = f.q ? foldVi(f.q).trim() : '';
  if (q) base = base.where('e.title_folded', 'like', `%${escapeLike(q)}%`);

  const direction = f.sort.startsWith('-') ? 'desc' : 'asc';
  const column = f.sort.endsWith('title')
    ? 'e.title_folded'
    : f.sort.endsWith('createdAt')
      ? 'e.created_at'
      : 'e.starts_at';
  const [rows, total] = await Promise.all([
    base
      .select(eventColumns)
      .orderBy(column, direction)
      .orderBy('e.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export interface ParticipantCounts {
  registered: number;
  checkedIn: number;
  walkIns: number;
}

/** Registered (walk-ins included), checked in and walk-ins of each event; events with none are absent. */
export async function countsOf(db: Db, eventIds: readonly string[]) {
  const counts = new Map<string, ParticipantCounts>();
  if (eventIds.length === 0) return counts;
  const rows = await db
    .selectFrom('event_participants')
    .select((eb) => [
      'event_id',
      eb.fn.countAll<string>().as('registered'),
      eb.fn.count<string>('checked_in_at').as('checked_in'),
      sql<string>`count(*) filter (where walk_in)`.as('walk_ins'),
    ])
    .where('event_id', '=', ids(eventIds))
    .groupBy('event_id')
    .execute();
  for (const r of rows)
    counts.set(r.event_id, {
      registered: Number(r.registered),
      checkedIn: Number(r.checked_in),
      walkIns: Number(r.walk_ins),
    });
  return counts;
}

export interface EventValues {
  programId: string | null;
  topic: EventTopic;
  title: string;
  description: string;
  language: Locale;
  translations: EventTranslations;
  startsAt: string;
  endsAt: string;
  online: boolean;
  provinceCode: string | null;
  location: string | null;
  capacity: number | null;
  status: EventStatus;
}

/** foldVi of every title of the event, for the accent-insensitive search. */
const titleFolded = (v: Pick<EventValues, 'title' | 'translations'>) =>
  foldVi([v.title, ...Object.values(v.translations).map((t) => t?.title ?? '')].join(' ')).trim();

const row = (v: EventValues) => ({
  program_id: v.programId,
  topic: v.topic,
  title: v.title,
  description: v.description,
  language: v.language,
  translations: JSON.stringify(v.translations),
  title_folded: titleFolded(v),
  starts_at: v.startsAt,
  ends_at: v.endsAt,
  online: v.online,
  province_code: v.provinceCode,
  location: v.location,
  capacity: v.capacity,
  status: v.status,
});

export const insertEvent = (db: Db, organisationId: string, createdBy: string | null, v: EventValues) =>
  db
    .insertInto('events')
    .values({ ...row(v), organisation_id: organisationId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateEvent = (db: Db, id: string, v: EventValues) =>
  db
    .updateTable('events')
    .set({ ...row(v), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();

// ---- reference checks ----------------------------------------------------------------------------------

export const provinceExists = async (db: Db, code: string) =>
  !!(await db.selectFrom('provinces').select('code').where('code', '=', code).executeTakeFirst());

export const organisationExists = async (db: Db, id: string) =>
  !!(await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst());

/** The program, and whether the organisation takes part in it (in any role). */
export const programFor = (db: Db, programId: string, organisationId: string) =>
  db
    .selectFrom('programs as pg')
    .select((eb) => [
      'pg.id',
      eb
        .exists(
          eb
            .selectFrom('program_organisations as po')
            .select(sql`1`.as('one'))
            .whereRef('po.program_id', '=', 'pg.id')
            .where('po.organisation_id', '=', organisationId),
        )
        .as('takes_part'),
    ])
    .where('pg.id', '=', programId)
    .executeTakeFirst();

// ---- participants ----------------------------------------------------------------------------------------

const participantColumns = [
  'ep.id',
  'ep.event_id',
  'ep.person_id',
  'p.full_name',
  'ep.registered_at',
  'ep.walk_in',
  'ep.checked_in_at',
  'ep.checked_in_by',
  'u.display_name as checked_in_by_name',
  'ep.short_code',
] as const;

const participantsWithNames = (db: Db) =>
  db
    .selectFrom('event_participants as ep')
    .innerJoin('people as p', 'p.id', 'ep.person_id')
    .leftJoin('users as u', 'u.id', 'ep.checked_in_by');

export const findParticipant = (db: Db, id: string) =>
  participantsWithNames(db).select(participantColumns).where('ep.id', '=', id).executeTakeFirst();
export type ParticipantRow = NonNullable<Awaited<ReturnType<typeof findParticipant>>>;

export const participantByTokenHash = (db: Db, hash: string) =>
  participantsWithNames(db)
    .select(participantColumns)
    .where('ep.check_in_token_hash', '=', hash)
    .executeTakeFirst();

export const participantOfPerson = (db: Db, eventId: string, personId: string) =>
  participantsWithNames(db)
    .select(participantColumns)
    .where('ep.event_id', '=', eventId)
    .where('ep.person_id', '=', personId)
    .executeTakeFirst();

/** Which of these short codes the event has given already. */
export const shortCodesTaken = (db: Db, eventId: string, codes: readonly string[]) =>
  db
    .selectFrom('event_participants')
    .select('short_code')
    .where('event_id', '=', eventId)
    .where('short_code', '=', sql<string>`any(${sql.val([...codes])}::text[])`)
    .execute()
    .then((rows) => new Set(rows.map((r) => r.short_code)));

export const insertParticipant = (
  db: Db,
  p: {
    id: string;
    eventId: string;
    personId: string;
    registeredBy: string | null;
    walkIn: boolean;
    checkedInBy: string | null;
    tokenHash: string;
    shortCode: string;
    birthYear: number | null;
  },
) =>
  db
    .insertInto('event_participants')
    .values({
      id: p.id,
      event_id: p.eventId,
      person_id: p.personId,
      registered_by: p.registeredBy,
      walk_in: p.walkIn,
      checked_in_at: p.walkIn ? sql`now()` : null,
      checked_in_by: p.walkIn ? p.checkedInBy : null,
      check_in_token_hash: p.tokenHash,
      short_code: p.shortCode,
      birth_year: p.birthYear,
    })
    .execute();

/** Checks a participant in unless done already; true when this call did it. */
export const checkIn = async (db: Db, participantId: string, userId: string) =>
  (
    await db
      .updateTable('event_participants')
      .set({ checked_in_at: sql`now()`, checked_in_by: userId })
      .where('id', '=', participantId)
      .where('checked_in_at', 'is', null)
      .returning('id')
      .execute()
  ).length === 1;

export interface ParticipantFilter {
  eventId: string;
  /** Folded words of a name, each starting a word of the folded name. */
  words: string[];
  /** A short code, matched exactly (with the words as the alternative). */
  shortCode?: string;
  state?: ParticipantState;
  sort: ParticipantSort;
  limit: number;
  offset: number;
}

export async function listParticipants(db: Db, f: ParticipantFilter) {
  let base = participantsWithNames(db).where('ep.event_id', '=', f.eventId);
  if (f.state === 'checked_in') base = base.where('ep.checked_in_at', 'is not', null);
  if (f.state === 'not_checked_in') base = base.where('ep.checked_in_at', 'is', null);
  if (f.state === 'walk_in') base = base.where('ep.walk_in', '=', true);
  if (f.state === 'registered') base = base.where('ep.walk_in', '=', false);
  if (f.words.length || f.shortCode) {
    const { words, shortCode } = f;
    base = base.where((eb) =>
      eb.or([
        ...(words.length
          ? [
              eb.and(
                words.map((w) => eb(sql<string>`' ' || p.full_name_folded`, 'like', `% ${escapeLike(w)}%`)),
              ),
            ]
          : []),
        ...(shortCode ? [eb('ep.short_code', '=', shortCode)] : []),
      ]),
    );
  }
  const direction = f.sort.startsWith('-') ? 'desc' : 'asc';
  const column = f.sort.endsWith('name')
    ? 'p.full_name_folded'
    : f.sort.endsWith('checkedInAt')
      ? 'ep.checked_in_at'
      : 'ep.registered_at';
  const [rows, total] = await Promise.all([
    base
      .select(participantColumns)
      .orderBy(column, (ob) => (direction === 'desc' ? ob.desc() : ob.asc()).nullsLast())
      .orderBy('ep.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The demo's history: when a participation was made and attended (events/demo.ts). */
export const setParticipantTimes = (
  db: Db,
  id: string,
  t: { registeredAt: Date; checkedInAt: Date | null; checkedInBy: string | null },
) =>
  db
    .updateTable('event_participants')
    .set({ registered_at: t.registeredAt, checked_in_at: t.checkedInAt, checked_in_by: t.checkedInBy })
    .where('id', '=', id)
    .execute();

export const eventTitled = (db: Db, organisationId: string, title: string) =>
  db
    .selectFrom('events')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('title', '=', title)
    .executeTakeFirst();
