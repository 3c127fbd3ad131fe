/**
 * Merging two records of one person and undoing it, through the HTTP API against a real database:
 * every enrolment and certificate kept (and held by the survivor), the same class settled, the
 * survivor's gaps filled, the account moved, the audit written, other pairs followed; the undo puts
 * back the whole database as it was; refusals leave it untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../../db/backup';
import { type Browser, createTestApp, type TestApp } from '../../../test/app';
import { addParticipant, makeEvent } from '../../events/test-fixtures';
import { blockingKeys } from '../match';
import { openNationalId } from '../personal';
import { candidatesByKeys } from '../repo';
import type { MergeMoves } from './merge';
import { consent, enrol, makeClasses, makePerson, queuePair, reviewWorld } from './test-fixtures';

let t: TestApp;
let w: Awaited<ReturnType<typeof reviewWorld>>;
let manager: Browser;

/** A well-formed CCCD per story: two living records never share one. */
const cccd = (tag: string) => `0791980${String(tag.charCodeAt(0)).padStart(5, '0')}`;
const PHONE = '+84912345678';

beforeAll(async () => {
  t = await createTestApp();
  w = await reviewWorld(t);
  manager = await w.browser('manager@nic.vn', 'en');
});
afterAll(() => t.close());

const db = () => t.ctx.db;
/** Every application table but those a merge or an undo writes by design (its record, the audit). */
async function state() {
  const all = await snapshotTables(db());
  for (const table of ['person_merges', 'audit_log', 'sessions']) delete all[table];
  return all;
}
const countOf = async (table: 'enrolments' | 'credentials' | 'consents', personId: string) =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const person = (id: string) =>
  db().selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const enrolment = (id: string) =>
  db().selectFrom('enrolments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const decide = (b: Browser, pairId: string, body: unknown) =>
  b.post(`/api/registry/duplicate-pairs/${pairId}/decision`, body);
const auditOf = (action: string) =>
  db().selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

/**
 * Lan, twice: the account she registered with (few identity fields, one class in progress), and the
 * record two partners' rosters made (unaccented name, birth date, phone, CCCD; the same class finished,
 * another class finished with a certificate, a withdrawal, a consent).
 */
async function lanTwice(tag: string) {
  const userId = (
    await t.ctx.db
      .insertInto('users')
      .values({
        email: `lan.${tag}@hoc.vn`,
        password_hash: 'x',
        display_name: 'Nguyễn Thị Lan',
        display_name_folded: 'nguyen thi lan',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const { course, classes } = await makeClasses(t, w.mekong, `ky-nang-so-${tag}`, [
    `KNS-${tag}-1`,
    `KNS-${tag}-2`,
  ]);
  const [k1, k2] = classes as [(typeof classes)[0], (typeof classes)[0]];
  const other = await makeClasses(t, w.hoaLac, `ban-dan-${tag}`, [`BD-${tag}`]);
  const h1 = other.classes[0]!;
  const account = await makePerson(t, {
    fullName: 'Nguyễn Thị Lan',
    userId,
    sex: 'F',
    provinceCode: '92',
    organisations: [w.mekong],
  });
  const roster = await makePerson(t, {
    fullName: 'Nguyen Thi Lan',
    sex: 'F',
    dateOfBirth: '1998-07-15',
    provinceCode: '92',
    phone: PHONE,
    email: `lan.${tag}@gmail.example`,
    nationalId: cccd(tag),
    organisations: [w.mekong, w.hoaLac],
  });
  const [l1, l2, l3] = course.lessonIds as [string, string, string];
  const [s1, s2, s3] = k1.sessions as [string, string, string];
  const ours = await enrol(t, account, k1.id, {
    status: 'enrolled',
    lessons: [l1, l3],
    attendance: [
      [s1, 'present'],
      [s3, 'present'],
    ],
  });
  const theirs = await enrol(t, roster, k1.id, {
    status: 'completed',
    lessons: [l1, l2],
    attendance: [
      [s1, 'absent'],
      [s2, 'present'],
    ],
  });
  const withdrawn = await enrol(t, roster, k2.id, { status: 'withdrawn' });
  const certified = await enrol(t, roster, h1.id, { status: 'completed', certificate: true });
  const consents = [await consent(t, account, true, 'self'), await consent(t, roster, true)];
  return { userId, account, roster, ours, theirs, withdrawn, certified, consents, l3, s3, k1 };
}

describe('merging', () => {
  it('keeps every enrolment and certificate, held by the survivor; settles the same class; fills the gaps', async () => {
    const lan = await lanTwice('a');
    const pairId = await queuePair(t, lan.account, lan.roster);
    const before = {
      enrolments: (await countOf('enrolments', lan.account)) + (await countOf('enrolments', lan.roster)),
      credentials: (await countOf('credentials', lan.account)) + (await countOf('credentials', lan.roster)),
    };
    expect(before).toEqual({ enrolments: 4, credentials: 1 });

    const res = await decide(manager, pairId, { decision: 'merge', survivorId: lan.account });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'merged', merge: { survivorId: lan.account, canUndo: true } });

    // Every row now with the survivor, none left behind, none lost.
    expect(await countOf('enrolments', lan.account)).toBe(4);
    expect(await countOf('enrolments', lan.roster)).toBe(0);
    expect(await countOf('credentials', lan.account)).toBe(1);
    expect(await countOf('credentials', lan.roster)).toBe(0);
    expect(await countOf('consents', lan.account)).toBe(2);
    const credential = await db()
      .selectFrom('credentials')
      .select(['person_id', 'enrolment_id'])
      .where('id', '=', lan.certified.credentialId!)
      .executeTakeFirstOrThrow();
    expect(credential).toEqual({ person_id: lan.account, enrolment_id: lan.certified.id });

    // The same class: the finished enrolment stays; the one in progress ends, transferred to it, and
    // what was done only under it (lesson 3, session 3) is copied over; session 1 keeps its own mark.
    expect(await enrolment(lan.theirs.id)).toMatchObject({ person_id: lan.account, status: 'completed' });
    expect(await enrolment(lan.ours.id)).toMatchObject({
      person_id: lan.account,
      status: 'transferred',
      transferred_to: lan.theirs.id,
    });
    expect((await enrolment(lan.ours.id)).ended_at).not.toBeNull();
    const progress = await db()
      .selectFrom('lesson_progress')
      .select('lesson_id')
      .where('enrolment_id', '=', lan.theirs.id)
      .execute();
    expect(progress).toHaveLength(3);
    const attendance = await db()
      .selectFrom('attendance')
      .select(['session_id', 'status'])
      .where('enrolment_id', '=', lan.theirs.id)
      .execute();
    expect(attendance).toHaveLength(3);
    expect(attendance.find((a) => a.session_id === lan.k1.sessions[0])?.status).toBe('absent');
    expect(attendance.find((a) => a.session_id === lan.s3)?.status).toBe('present');
    // Only one active enrolment per class and person, as the database demands.
    const active = await db()
      .selectFrom('enrolments')
      .select('cohort_id')
      .where('person_id', '=', lan.account)
      .where('status', 'in', ['waitlisted', 'enrolled', 'completed'])
      .execute();
    expect(new Set(active.map((a) => a.cohort_id)).size).toBe(active.length);

    // The survivor keeps its name and fills what it lacked; the CCCD opens under its own id.
    const survivor = await person(lan.account);
    expect(survivor).toMatchObject({
      full_name: 'Nguyễn Thị Lan',
      user_id: lan.userId,
      date_of_birth: '1998-07-15',
      phone: PHONE,
      email: 'lan.a@gmail.example',
      merged_into: null,
    });
    expect(openNationalId(t.ctx.config, lan.account, survivor.national_id_enc!)).toBe(cccd('a'));
    expect(await person(lan.roster)).toMatchObject({ merged_into: lan.account });

    // Both organisations know the survivor; matching now finds the survivor by the roster's keys.
    const orgs = await db()
      .selectFrom('person_organisations')
      .select('organisation_id')
      .where('person_id', '=', lan.account)
      .execute();
    expect(orgs.map((o) => o.organisation_id).sort()).toEqual([w.mekong, w.hoaLac].sort());
    const keys = blockingKeys({ fullName: 'Nguyen Thi Lan', dateOfBirth: '1998-07-15', phone: PHONE });
    const found = await candidatesByKeys(db(), keys, 50);
    expect(new Set(found.map((c) => c.id))).toEqual(new Set([lan.account]));
    // The merged record's own keys lead to the survivor, never to itself.
    const rosterKeys = blockingKeys({ fullName: 'Nguyễn Thị Lan', dateOfBirth: '1998-07-15', phone: PHONE });
    expect(new Set((await candidatesByKeys(db(), rosterKeys, 50)).map((c) => c.id))).toEqual(
      new Set([lan.account]),
    );

    // Written down: the audit entry, and the merge's record of what moved.
    const [audit] = (await auditOf('person.merged')).slice(-1);
    expect(audit).toMatchObject({
      actor_user_id: w.userIds['manager@nic.vn'],
      entity_type: 'person',
      entity_id: lan.account,
    });
    expect(audit!.details).toMatchObject({
      pairId,
      personId: lan.roster,
      survivorId: lan.account,
      enrolments: 3,
      sameClassEnrolments: 1,
      certificates: 1,
      filledFields: expect.arrayContaining(['date_of_birth', 'phone', 'email', 'national_id']),
      accountMoved: false,
    });
    const merge = await db()
      .selectFrom('person_merges')
      .selectAll()
      .where('pair_id', '=', pairId)
      .executeTakeFirstOrThrow();
    const moves = merge.moved as unknown as MergeMoves;
    expect(moves.ended).toMatchObject([
      { id: lan.ours.id, keptId: lan.theirs.id, status: 'enrolled', lessons: [lan.l3], sessions: [lan.s3] },
    ]);
    expect(moves.enrolments.sort()).toEqual([lan.theirs.id, lan.withdrawn.id, lan.certified.id].sort());
  });

  it('gives the survivor the account only the merged record has, and the undo gives it back', async () => {
    const lan = await lanTwice('b');
    // The roster record is kept this time: it takes the account.
    const pairId = await queuePair(t, lan.account, lan.roster);
    const res = await decide(manager, pairId, { decision: 'merge', survivorId: lan.roster });
    expect(res.statusCode, res.body).toBe(200);
    expect(await person(lan.roster)).toMatchObject({ user_id: lan.userId, full_name: 'Nguyen Thi Lan' });
    expect(await person(lan.account)).toMatchObject({ user_id: null, merged_into: lan.roster });
    // The completed enrolment (now the survivor's own) stays; the account's one ends.
    expect(await enrolment(lan.ours.id)).toMatchObject({ person_id: lan.roster, status: 'transferred' });
    const [audit] = (await auditOf('person.merged')).slice(-1);
    expect(audit!.details).toMatchObject({ accountMoved: true });

    const undo = await manager.post(`/api/registry/duplicate-pairs/${pairId}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await person(lan.account)).toMatchObject({ user_id: lan.userId, merged_into: null });
    expect(await person(lan.roster)).toMatchObject({ user_id: null });
  });

  it('moves the merged record’s other open pairs to the survivor, and leaves out those it already has', async () => {
    const a = await makePerson(t, { fullName: 'Trần Văn Hùng', dateOfBirth: '1990-01-02' });
    const b = await makePerson(t, {
      fullName: 'Tran Van Hung',
      dateOfBirth: '1990-01-02',
      phone: '+84988000111',
    });
    const x = await makePerson(t, { fullName: 'Trần Văn Hưng', phone: '+84988000111' });
    const y = await makePerson(t, { fullName: 'Trần V. Hùng', dateOfBirth: '1990-01-02' });
    const pairId = await queuePair(t, a, b);
    const bx = await queuePair(t, b, x, 3);
    const by = await queuePair(t, b, y, 2);
    await queuePair(t, a, y, 2);
    expect((await decide(manager, pairId, { decision: 'merge', survivorId: a })).statusCode).toBe(200);

    const pair = (id: string) =>
      db().selectFrom('duplicate_pairs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const moved = await pair(bx);
    expect(new Set([moved.person_a, moved.person_b])).toEqual(new Set([a, x]));
    expect(moved.status).toBe('open');
    // (b, y) stays as it was, out of the queue: (a, y) is already there.
    expect(await pair(by)).toMatchObject({ status: 'open' });
    const queue = await manager.get('/api/registry/duplicate-pairs?pageSize=100');
    const listed = queue.json().items.map((p: { id: string }) => p.id);
    expect(listed).toContain(bx);
    expect(listed).not.toContain(by);
    expect(listed).not.toContain(pairId);

    expect((await manager.post(`/api/registry/duplicate-pairs/${pairId}/undo`)).statusCode).toBe(200);
    expect(await pair(bx)).toMatchObject({ person_a: b < x ? b : x, person_b: b < x ? x : b });
    const after = (await manager.get('/api/registry/duplicate-pairs?pageSize=100')).json().items;
    expect(after.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([pairId, bx, by]));
  });
});

describe('event participations', () => {
  const participations = (personId: string) =>
    db()
      .selectFrom('event_participants')
      .select(['id', 'event_id', 'checked_in_at', 'checked_in_by'])
      .where('person_id', '=', personId)
      .orderBy('id')
      .execute();

  it('move to the survivor; one event attended by both keeps one participation with the attendance; the undo puts all back', async () => {
    const lan = await lanTwice('ev');
    const pairId = await queuePair(t, lan.account, lan.roster);
    const staff = w.userIds['trainer@mekong.vn']!;
    const [onlyRoster, both, bothSurvivorPresent, onlyAccount] = [
      await makeEvent(t, w.mekong, { title: 'Ngày hội nghề nghiệp 4.0', inDays: -20 }),
      await makeEvent(t, w.mekong, { title: 'Phụ nữ trong AI', topic: 'women_in_ai', inDays: -10 }),
      await makeEvent(t, w.mekong, { title: 'Giáo dục số', topic: 'digital_education', inDays: -5 }),
      await makeEvent(t, w.mekong, { title: 'Hội thảo sắp tới', inDays: 5 }),
    ];
    const moved = await addParticipant(t, onlyRoster, lan.roster, { checkedIn: true, by: staff });
    const keptNoCheckIn = await addParticipant(t, both, lan.account);
    const rosterCheckedIn = await addParticipant(t, both, lan.roster, { walkIn: true, by: staff });
    const keptPresent = await addParticipant(t, bothSurvivorPresent, lan.account, {
      checkedIn: true,
      by: staff,
    });
    const rosterAbsent = await addParticipant(t, bothSurvivorPresent, lan.roster);
    const untouched = await addParticipant(t, onlyAccount, lan.account);
    const before = await state();
    const rosterRow = (await participations(lan.roster)).find((p) => p.id === rosterCheckedIn)!;

    const res = await decide(manager, pairId, { decision: 'merge', survivorId: lan.account });
    expect(res.statusCode, res.body).toBe(200);

    const survivors = await participations(lan.account);
    expect(survivors.map((p) => p.id).sort()).toEqual([moved, keptNoCheckIn, keptPresent, untouched].sort());
    // The kept participation took the merged record's check-in, time and staff member as they were.
    const kept = survivors.find((p) => p.id === keptNoCheckIn)!;
    expect(kept.checked_in_at).toEqual(rosterRow.checked_in_at);
    expect(kept.checked_in_by).toBe(staff);
    expect(survivors.find((p) => p.id === keptPresent)!.checked_in_at).not.toBeNull();
    // The merged record keeps its own participations in the events both attended, out of every count.
    expect((await participations(lan.roster)).map((p) => p.id).sort()).toEqual(
      [rosterCheckedIn, rosterAbsent].sort(),
    );
    const attended = await db()
      .selectFrom('event_participants as ep')
      .innerJoin('people as p', 'p.id', 'ep.person_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('ep.event_id', '=', both)
      .where('ep.checked_in_at', 'is not', null)
      .where('p.merged_into', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(attended.n)).toBe(1);

    const merge = await db()
      .selectFrom('person_merges')
      .select(['id', 'moved'])
      .where('pair_id', '=', pairId)
      .executeTakeFirstOrThrow();
    expect((merge.moved as unknown as MergeMoves).events).toEqual({
      moved: [moved],
      same: expect.arrayContaining([
        { keptId: keptNoCheckIn, otherId: rosterCheckedIn, tookCheckIn: true },
        { keptId: keptPresent, otherId: rosterAbsent, tookCheckIn: false },
      ]),
    });

    const undo = await manager.post(`/api/registry/person-merges/${merge.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await state()).toEqual(before);
  });

  it('undoes a merge recorded before events existed (no `events` in its record)', async () => {
    const a = await makePerson(t, { fullName: 'Trịnh Văn Hậu', dateOfBirth: '1993-03-03' });
    const b = await makePerson(t, { fullName: 'Trinh Van Hau', dateOfBirth: '1993-03-03' });
    const pairId = await queuePair(t, a, b);
    const before = await state();
    expect((await decide(manager, pairId, { decision: 'merge', survivorId: a })).statusCode).toBe(200);
    const merge = await db()
      .selectFrom('person_merges')
      .select(['id', 'moved'])
      .where('pair_id', '=', pairId)
      .executeTakeFirstOrThrow();
    const { events: _events, ...older } = merge.moved as unknown as MergeMoves;
    await db()
      .updateTable('person_merges')
      .set({ moved: JSON.stringify(older) })
      .where('id', '=', merge.id)
      .execute();
    expect((await manager.post(`/api/registry/person-merges/${merge.id}/undo`)).statusCode).toBe(200);
    expect(await state()).toEqual(before);
  });
});

describe('undoing a merge', () => {
  it('puts back every row of the database exactly as it was', async () => {
    const lan = await lanTwice('c');
    const pairId = await queuePair(t, lan.account, lan.roster);
    await queuePair(t, lan.roster, await makePerson(t, { fullName: 'Nguyễn Thị Lan', phone: PHONE }), 4);
    // Records merged into the roster record earlier follow it to the survivor, and come back.
    const older = await makePerson(t, { fullName: 'Nguyễn T. Lan' });
    await db().updateTable('people').set({ merged_into: lan.roster }).where('id', '=', older).execute();
    const before = await state();

    expect((await decide(manager, pairId, { decision: 'merge', survivorId: lan.account })).statusCode).toBe(
      200,
    );
    expect(await person(older)).toMatchObject({ merged_into: lan.account });
    const merge = await db()
      .selectFrom('person_merges')
      .select('id')
      .where('pair_id', '=', pairId)
      .executeTakeFirstOrThrow();

    const res = await manager.post(`/api/registry/person-merges/${merge.id}/undo`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: merge.id, pairId, undoneAt: expect.any(String) });
    expect(await state()).toEqual(before);

    const [audit] = (await auditOf('person.merge_undone')).slice(-1);
    expect(audit).toMatchObject({
      actor_user_id: w.userIds['manager@nic.vn'],
      entity_id: lan.account,
      details: { mergeId: merge.id, pairId, personId: lan.roster },
    });
    // The pair is open again and can be decided anew.
    const pair = await manager.get(`/api/registry/duplicate-pairs/${pairId}`);
    expect(pair.json()).toMatchObject({ status: 'open', merge: null, decidedAt: null });
  });

  it('is refused a second time, and while a later merge of the same person stands', async () => {
    const a = await makePerson(t, { fullName: 'Lê Minh Tuấn', dateOfBirth: '1995-05-05' });
    const b = await makePerson(t, { fullName: 'Le Minh Tuan', dateOfBirth: '1995-05-05' });
    const c = await makePerson(t, { fullName: 'Lê Minh Tuấn', phone: '+84977000222' });
    const ab = await queuePair(t, a, b);
    const ac = await queuePair(t, a, c);
    expect((await decide(manager, ab, { decision: 'merge', survivorId: a })).statusCode).toBe(200);
    expect((await decide(manager, ac, { decision: 'merge', survivorId: c })).statusCode).toBe(200);

    const list = (await manager.get('/api/registry/duplicate-pairs?status=merged&pageSize=100')).json();
    const canUndo = Object.fromEntries(
      list.items.map((p: { id: string; merge: { canUndo: boolean } }) => [p.id, p.merge.canUndo]),
    );
    expect(canUndo[ab]).toBe(false);
    expect(canUndo[ac]).toBe(true);

    const snapshot = await state();
    const blocked = await (await w.browser('manager@nic.vn', 'ja')).post(
      `/api/registry/duplicate-pairs/${ab}/undo`,
    );
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'MERGE_UNDO_BLOCKED' });
    expect(blocked.json().message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(await state()).toEqual(snapshot);

    expect((await manager.post(`/api/registry/duplicate-pairs/${ac}/undo`)).statusCode).toBe(200);
    expect((await manager.post(`/api/registry/duplicate-pairs/${ab}/undo`)).statusCode).toBe(200);
    const again = await manager.post(`/api/registry/duplicate-pairs/${ab}/undo`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      code: 'MERGE_ALREADY_UNDONE',
      message: 'This merge has already been undone.',
    });
    const merge = await db()
      .selectFrom('person_merges')
      .select('id')
      .where('pair_id', '=', ab)
      .executeTakeFirstOrThrow();
    expect((await manager.post(`/api/registry/person-merges/${merge.id}/undo`)).json().code).toBe(
      'MERGE_ALREADY_UNDONE',
    );
  });
});

describe('refusals', () => {
  it('refuses to merge two records that both have an account, and changes nothing', async () => {
    const lan = await lanTwice('d');
    const other = (
      await t.ctx.db
        .insertInto('users')
        .values({
          email: 'lan.d2@hoc.vn',
          password_hash: 'x',
          display_name: 'Lan',
          display_name_folded: 'lan',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db().updateTable('people').set({ user_id: other }).where('id', '=', lan.roster).execute();
    const pairId = await queuePair(t, lan.account, lan.roster);
    const before = await state();
    const vi = await w.browser('admin@nic.vn', 'vi');
    const res = await decide(vi, pairId, { decision: 'merge', survivorId: lan.roster });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('MERGE_TWO_ACCOUNTS');
    expect(res.json().message).toContain('tài khoản');
    expect(await state()).toEqual(before);
  });

  it('refuses a survivor from outside the pair, a merge without one, and a pair already decided', async () => {
    const a = await makePerson(t, { fullName: 'Phạm Quốc Bảo', dateOfBirth: '1993-03-03' });
    const b = await makePerson(t, { fullName: 'Pham Quoc Bao', dateOfBirth: '1993-03-03' });
    const pairId = await queuePair(t, a, b);
    const outside = await decide(manager, pairId, {
      decision: 'merge',
      survivorId: '00000000-0000-4000-8000-000000000000',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields).toEqual({ '/survivorId': 'The record to keep must be one of the pair.' });
    expect((await decide(manager, pairId, { decision: 'merge' })).json().fields).toHaveProperty(
      '/survivorId',
    );

    const res = await decide(manager, pairId, { decision: 'not_duplicate' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'not_duplicate', decidedByName: 'manager', merge: null });
    const [audit] = (await auditOf('duplicate.not_duplicate')).slice(-1);
    expect(audit).toMatchObject({ entity_type: 'duplicate_pair', entity_id: pairId });
    expect(audit!.details).toEqual({ personA: a < b ? a : b, personB: a < b ? b : a });
    expect(await person(b)).toMatchObject({ merged_into: null });

    const twice = await decide(manager, pairId, { decision: 'merge', survivorId: a });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('DUPLICATE_PAIR_DECIDED');
    expect(
      (await manager.get('/api/registry/duplicate-pairs/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });

  it('refuses to merge a record merged away since the pair was queued', async () => {
    const a = await makePerson(t, { fullName: 'Võ Thị Yến', dateOfBirth: '1999-09-09' });
    const b = await makePerson(t, { fullName: 'Vo Thi Yen', dateOfBirth: '1999-09-09' });
    const c = await makePerson(t, { fullName: 'Võ Thị Yến' });
    const ab = await queuePair(t, a, b);
    const bc = await queuePair(t, b, c);
    await db().updateTable('people').set({ merged_into: c }).where('id', '=', b).execute();
    const res = await decide(manager, ab, { decision: 'merge', survivorId: a });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('MERGE_PERSON_UNAVAILABLE');
    expect(bc).toBeTruthy();
  });
});
