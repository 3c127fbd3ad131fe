/**
 * Events over HTTP: who may create, edit and run them; the public list and page; registration of a
 * visitor (matched against the registry, one person however many registrations) and of a signed-in
 * learner; seats taken under a lock; QR check-in by the event's staff only, idempotent and audited;
 * participants with counts, searched by name or short code; walk-ins.
 */
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORT_CODE_PATTERN } from '../../../common/events';
import { Browser, createTestApp, type TestApp } from '../../test/app';
import { countRows } from '../../test/db';
import { linkOrganisation, upsertProgram } from '../programs/repo';
import { makePerson, reviewWorld } from '../registry/review/test-fixtures';
import { QR_OPTIONS } from './checkin-token';
import { addParticipant, makeEvent } from './test-fixtures';

let t: TestApp;
let w: Awaited<ReturnType<typeof reviewWorld>>;
let programId: string;
let otherProgramId: string;

const DAY = 86_400_000;
const future = (days: number, hours = 0) =>
  new Date(Date.now() + days * DAY + hours * 3_600_000).toISOString();

const eventBody = (over: Record<string, unknown> = {}) => ({
  organisationId: w.mekong,
  programId,
  topic: 'women_in_ai',
  title: 'Ngày hội Phụ nữ trong AI Cần Thơ',
  description: 'Giao lưu với các nữ kỹ sư dữ liệu.',
  language: 'vi',
  translations: { en: { title: 'Women in AI day, Can Tho' }, ja: { title: 'カントーAI女性デー' } },
  startsAt: future(10),
  endsAt: future(10, 4),
  online: false,
  provinceCode: '92',
  location: 'Đại học Cần Thơ, khu II',
  capacity: 50,
  ...over,
});

const visitor = (over: Record<string, unknown> = {}) => ({
  fullName: 'Trần Thị Mỹ Duyên',
  phone: '0912 000 111',
  sex: 'F',
  dateOfBirth: '2002-05-17',
  provinceCode: '92',
  consent: true,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await reviewWorld(t);
  const db = t.ctx.db;
  programId = (
    await upsertProgram(db, {
      code: 'women-in-ai',
      name_vi: 'Phụ nữ trong AI',
      name_en: 'Women in AI',
      name_ja: 'AI分野の女性',
    })
  ).id;
  await linkOrganisation(db, programId, w.mekong, 'partner');
  otherProgramId = (
    await upsertProgram(db, {
      code: 'jds-scholarships',
      name_vi: 'Học bổng JDS',
      name_en: 'JDS scholarships',
      name_ja: 'JDS奨学金',
    })
  ).id;
});
afterAll(() => t.close());

/** One signed-in browser per account for the whole file (logins are rate-limited), reading in `lang`. */
const signedIn = new Map<string, Browser>();
async function as(email: string, lang: 'vi' | 'en' | 'ja' = 'vi') {
  let b = signedIn.get(email);
  if (!b) {
    b = await w.browser(email);
    signedIn.set(email, b);
  }
  b.cookies.set('nl_lang', lang);
  return b;
}

describe('creating and editing events', () => {
  it('a partner admin creates an event of its organisation in a program it takes part in; audited', async () => {
    const partner = await as('partner@mekong.vn', 'en');
    const res = await partner.post('/api/events', eventBody());
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      title: 'Women in AI day, Can Tho',
      shownLanguage: 'en',
      topic: 'women_in_ai',
      program: { code: 'women-in-ai', name: 'Women in AI' },
      organisation: { id: w.mekong },
      province: { code: '92' },
      capacity: 50,
      seatsLeft: 50,
      status: 'open',
      registrationOpen: true,
      canEdit: true,
      counts: { registered: 0, checkedIn: 0, walkIns: 0, capacity: 50, capacityLeft: 50 },
      source: { title: 'Ngày hội Phụ nữ trong AI Cần Thơ', language: 'vi' },
    });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'event.created')
      .where('entity_id', '=', e.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.organisation_id).toBe(w.mekong);
  });

  it('refuses a partner admin for another organisation, or a program it is not in; trainers and learners create nothing', async () => {
    const partner = await as('partner@mekong.vn', 'en');
    expect((await partner.post('/api/events', eventBody({ organisationId: w.hoaLac }))).statusCode).toBe(403);
    const wrong = await partner.post('/api/events', eventBody({ programId: otherProgramId }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual({
      '/programId': 'This organisation takes no part in the chosen program.',
    });
    for (const email of ['trainer@mekong.vn', 'learner@hoc.vn']) {
      const b = await as(email);
      expect((await b.post('/api/events', eventBody())).statusCode, email).toBe(403);
    }
    // NIC staff file events under any program, for any organiser.
    const manager = await as('manager@nic.vn');
    const ok = await manager.post(
      '/api/events',
      eventBody({ organisationId: w.hoaLac, programId: otherProgramId }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('checks the place and the times, every problem at once, in the reader’s language', async () => {
    const manager = await as('manager@nic.vn', 'vi');
    const before = await countRows(t.ctx.db, 'events');
    const res = await manager.post(
      '/api/events',
      eventBody({ provinceCode: null, startsAt: future(5), endsAt: future(4) }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual({
      '/endsAt': 'Thời điểm kết thúc phải sau thời điểm bắt đầu.',
      '/provinceCode': 'Sự kiện trực tiếp cần có tỉnh/thành phố nơi tổ chức.',
    });
    // Online needs no province.
    const online = await manager.post('/api/events', eventBody({ online: true, provinceCode: null }));
    expect(online.statusCode, online.body).toBe(201);
    expect(await countRows(t.ctx.db, 'events')).toBe(before + 1);
  });

  it('edits: NIC staff and the organiser’s partner admin; not another partner, not a trainer; audited with before and after', async () => {
    const id = await makeEvent(t, w.mekong);
    const other = await makeEvent(t, w.hoaLac);
    const partner = await as('partner@mekong.vn');
    const trainer = await as('trainer@mekong.vn');
    expect((await trainer.patch(`/api/events/${id}`, { capacity: 10 })).statusCode).toBe(403);
    expect((await partner.patch(`/api/events/${other}`, { capacity: 10 })).statusCode).toBe(403);
    const res = await partner.patch(`/api/events/${id}`, { capacity: 10, title: 'Ngày hội nghề nghiệp 4.0' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ capacity: 10, source: { title: 'Ngày hội nghề nghiệp 4.0' } });
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'event.updated')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ changes: { capacity: 10 }, before: { capacity: null } });
  });
});

describe('the public side', () => {
  it('lists upcoming events that are not cancelled, with seats left and no names; reads one', async () => {
    const open = await makeEvent(t, w.mekong, {
      title: 'Hội thảo Giáo dục số Hòa Lạc',
      topic: 'digital_education',
    });
    const cancelled = await makeEvent(t, w.mekong, { title: 'Hội thảo bị huỷ Hòa Lạc', status: 'cancelled' });
    const past = await makeEvent(t, w.mekong, { title: 'Hội thảo đã qua Hòa Lạc', inDays: -30 });
    const anon = new Browser(t, 'en');
    const list = await anon.get('/api/events?q=hoa%20lac');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((e: { id: string }) => e.id);
    expect(ids).toContain(open);
    expect(ids).not.toContain(cancelled);
    expect(ids).not.toContain(past);
    const pastList = await anon.get('/api/events?when=past&q=Hòa Lạc');
    expect(pastList.json().items.map((e: { id: string }) => e.id)).toEqual([past]);
    const one = await anon.get(`/api/events/${cancelled}`);
    expect(one.json()).toMatchObject({ status: 'cancelled', registrationOpen: false, myRegistration: null });
    expect(JSON.stringify(one.json())).not.toMatch(/participants|fullName/);
    expect((await anon.get(`/api/events/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('registration', () => {
  it('a visitor registers: a new person of the registry, a QR code of the check-in page and a short code; again → the same registration', async () => {
    const eventId = await makeEvent(t, w.mekong, { capacity: 100 });
    const people = await countRows(t.ctx.db, 'people');
    const anon = new Browser(t, 'vi');
    const res = await anon.post(`/api/events/${eventId}/registrations`, { visitor: visitor() });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ eventId, alreadyRegistered: false, checkedInAt: null, walkIn: false });
    expect(r.shortCode).toMatch(new RegExp(SHORT_CODE_PATTERN));
    expect(r.checkInUrl).toMatch(/^http:\/\/localhost:\d+\/events\/check-in\/[A-Za-z0-9_-]{22}$/);
    // The QR code is exactly the code of that address.
    const svg = await QRCode.toString(r.checkInUrl, QR_OPTIONS);
    expect(r.qrCode).toBe(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
    expect(await countRows(t.ctx.db, 'people')).toBe(people + 1);
    const row = await t.ctx.db
      .selectFrom('event_participants as ep')
      .innerJoin('people as p', 'p.id', 'ep.person_id')
      .select([
        'p.full_name',
        'p.phone',
        'p.sex',
        'p.province_code',
        'ep.check_in_token_hash',
        'ep.registered_by',
      ])
      .where('ep.id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      full_name: 'Trần Thị Mỹ Duyên',
      phone: '+84912000111',
      sex: 'F',
      registered_by: null,
    });
    // Only the token's hash is stored.
    const token = r.checkInUrl.split('/').pop();
    expect(row.check_in_token_hash).not.toContain(token);

    // Again, written without accents and the phone another way: the same person, the same registration.
    const again = await new Browser(t).post(`/api/events/${eventId}/registrations`, {
      visitor: visitor({ fullName: 'Tran Thi My Duyen', phone: '+84 912 000 111' }),
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      id: r.id,
      shortCode: r.shortCode,
      checkInUrl: r.checkInUrl,
      alreadyRegistered: true,
    });
    expect(await countRows(t.ctx.db, 'people')).toBe(people + 1);
  });

  it('a visitor who is a roster person is that person; one who types an account’s e-mail is queued for review, not linked', async () => {
    const eventId = await makeEvent(t, w.mekong);
    const roster = await makePerson(t, {
      fullName: 'Lâm Văn Phúc',
      sex: 'M',
      dateOfBirth: '1999-09-09',
      provinceCode: '86',
      phone: '+84987654321',
      organisations: [w.mekong],
    });
    const res = await new Browser(t).post(`/api/events/${eventId}/registrations`, {
      visitor: visitor({
        fullName: 'Lam Van Phuc',
        phone: '0987654321',
        sex: 'M',
        dateOfBirth: '1999-09-09',
        provinceCode: '86',
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = await t.ctx.db
      .selectFrom('event_participants')
      .select('person_id')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(p.person_id).toBe(roster);

    const account = await makePerson(t, {
      fullName: 'Ngô Thị Thu Hà',
      userId: w.userIds['learner@hoc.vn'],
      email: 'thuha.ngo@example.vn',
    });
    const pairs = await countRows(t.ctx.db, 'duplicate_pairs');
    const typed = await new Browser(t).post(`/api/events/${eventId}/registrations`, {
      visitor: visitor({ fullName: 'Ngô Thị Thu Hà', phone: null, email: 'ThuHa.Ngo@example.vn' }),
    });
    expect(typed.statusCode, typed.body).toBe(201);
    const q = await t.ctx.db
      .selectFrom('event_participants')
      .select('person_id')
      .where('id', '=', typed.json().id)
      .executeTakeFirstOrThrow();
    expect(q.person_id).not.toBe(account);
    expect(await countRows(t.ctx.db, 'duplicate_pairs')).toBe(pairs + 1);
    const pair = await t.ctx.db
      .selectFrom('duplicate_pairs')
      .selectAll()
      .where((eb) => eb.or([eb('person_a', '=', account), eb('person_b', '=', account)]))
      .executeTakeFirstOrThrow();
    expect(pair.reasons).toEqual(expect.arrayContaining(['email', 'registration']));
  });

  it('a year of birth alone is kept on the participation, not made into a date', async () => {
    const eventId = await makeEvent(t, w.mekong);
    const res = await new Browser(t).post(`/api/events/${eventId}/registrations`, {
      visitor: visitor({
        fullName: 'Phan Minh Khang',
        phone: '0933 444 555',
        sex: 'M',
        dateOfBirth: null,
        birthYear: 2004,
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.ctx.db
      .selectFrom('event_participants as ep')
      .innerJoin('people as p', 'p.id', 'ep.person_id')
      .select(['ep.birth_year', 'p.date_of_birth'])
      .where('ep.id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ birth_year: 2004, date_of_birth: null });
  });

  it('refuses incomplete details field by field, in the reader’s language, and writes nothing', async () => {
    const eventId = await makeEvent(t, w.mekong);
    const people = await countRows(t.ctx.db, 'people');
    const en = new Browser(t, 'en');
    const res = await en.post(`/api/events/${eventId}/registrations`, {
      visitor: visitor({
        phone: '024 3822 1234',
        email: null,
        dateOfBirth: null,
        provinceCode: '00',
        consent: false,
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual({
      '/visitor/phone':
        'Enter a Vietnamese mobile number (e.g. 0912 345 678), or leave it empty and give an e-mail address.',
      '/visitor/dateOfBirth': 'Enter your date of birth, or at least the year.',
      '/visitor/provinceCode': 'There is no province with this code.',
    });
    const none = await en.post(`/api/events/${eventId}/registrations`, { visitor: visitor({ phone: null }) });
    expect(none.json().fields).toEqual({ '/visitor/phone': 'Enter a phone number or an e-mail address.' });
    const noConsent = await new Browser(t, 'ja').post(`/api/events/${eventId}/registrations`, {
      visitor: visitor({ consent: false }),
    });
    expect(noConsent.json().fields).toEqual({
      '/visitor/consent': '申し込みのための個人情報の利用に同意してください。',
    });
    const empty = await en.post(`/api/events/${eventId}/registrations`, {});
    expect(empty.statusCode).toBe(400);
    expect(await countRows(t.ctx.db, 'people')).toBe(people);
    expect(await countRows(t.ctx.db, 'event_participants')).toBeGreaterThanOrEqual(0);
  });

  it('a signed-in learner registers in one click with their own person and sees the same code on the event page', async () => {
    const eventId = await makeEvent(t, w.mekong);
    const learner = await as('learner@hoc.vn');
    const res = await learner.post(`/api/events/${eventId}/registrations`, {});
    expect(res.statusCode, res.body).toBe(201);
    const person = await t.ctx.db
      .selectFrom('people')
      .select('id')
      .where('user_id', '=', w.userIds['learner@hoc.vn']!)
      .executeTakeFirstOrThrow();
    const row = await t.ctx.db
      .selectFrom('event_participants')
      .selectAll()
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ person_id: person.id, registered_by: w.userIds['learner@hoc.vn'] });
    const page = await learner.get(`/api/events/${eventId}`);
    expect(page.json().myRegistration).toMatchObject({
      id: res.json().id,
      shortCode: res.json().shortCode,
      qrCode: res.json().qrCode,
    });
    expect((await learner.post(`/api/events/${eventId}/registrations`, {})).statusCode).toBe(200);
  });

  it('takes the last seats once, however many ask at the same moment; full, closed, ended and cancelled events refuse in words', async () => {
    const eventId = await makeEvent(t, w.mekong, { capacity: 2, title: 'Hội thảo nhỏ' });
    const results = await Promise.all(
      ['0911000001', '0911000002', '0911000003'].map((phone, i) =>
        new Browser(t, 'en').post(`/api/events/${eventId}/registrations`, {
          visitor: visitor({ fullName: `Đỗ Văn Người ${['Một', 'Hai', 'Ba'][i]}`, phone, sex: 'M' }),
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 409]);
    const full = results.find((r) => r.statusCode === 409)!;
    expect(full.json()).toEqual({ code: 'EVENT_FULL', message: '“Hội thảo nhỏ” is full.' });
    expect(
      await t.ctx.db.selectFrom('event_participants').select('id').where('event_id', '=', eventId).execute(),
    ).toHaveLength(2);
    // The refused visitor left no person behind.
    expect(
      await t.ctx.db.selectFrom('people').select('id').where('full_name', 'like', 'Đỗ Văn Người%').execute(),
    ).toHaveLength(2);

    const closed = await makeEvent(t, w.mekong, { status: 'closed', title: 'Đã đóng' });
    const ended = await makeEvent(t, w.mekong, { inDays: -2, title: 'Đã xong' });
    const cancelled = await makeEvent(t, w.mekong, { status: 'cancelled', title: 'Đã huỷ' });
    const vi = new Browser(t, 'vi');
    const ja = new Browser(t, 'ja');
    expect((await vi.post(`/api/events/${closed}/registrations`, { visitor: visitor() })).json()).toEqual({
      code: 'EVENT_NOT_OPEN',
      message: 'Sự kiện “Đã đóng” không còn nhận đăng ký.',
    });
    expect((await ja.post(`/api/events/${ended}/registrations`, { visitor: visitor() })).json().code).toBe(
      'EVENT_NOT_OPEN',
    );
    expect((await ja.post(`/api/events/${cancelled}/registrations`, { visitor: visitor() })).json()).toEqual({
      code: 'EVENT_CANCELLED',
      message: '「Đã huỷ」は中止になりました。',
    });
  });
});

describe('check-in', () => {
  it('by QR: the event’s staff only; idempotent, saying when and by whom; audited once', async () => {
    const eventId = await makeEvent(t, w.mekong);
    const reg = (
      await new Browser(t).post(`/api/events/${eventId}/registrations`, {
        visitor: visitor({ fullName: 'Võ Thành Nam', phone: '0977 111 222', sex: 'M' }),
      })
    ).json();
    const token = reg.checkInUrl.split('/').pop();
    const url = `/api/event-check-ins/${token}`;
    expect((await new Browser(t).get(url)).statusCode).toBe(401);
    expect((await (await as('learner@hoc.vn')).post(url)).statusCode).toBe(403);
    const otherPartner = await t.ctx.db
      .insertInto('role_grants')
      .values({ user_id: w.userIds['learner@hoc.vn']!, role: 'partner_admin', organisation_id: w.hoaLac })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await (await as('learner@hoc.vn')).post(url)).statusCode).toBe(403);
    await t.ctx.db.deleteFrom('role_grants').where('id', '=', otherPartner.id).execute();

    const trainer = await as('trainer@mekong.vn', 'en');
    const view = await trainer.get(url);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      participant: { id: reg.id, person: { fullName: 'Võ Thành Nam' }, checkedInAt: null },
      event: { id: eventId, title: '4IR careers day in Can Tho' },
      alreadyCheckedIn: false,
    });
    const first = await trainer.post(url);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ alreadyCheckedIn: false, counts: { checkedIn: 1 } });
    expect(first.json().participant.checkedInBy).toEqual({
      userId: w.userIds['trainer@mekong.vn'],
      displayName: 'trainer',
    });

    const manager = await as('manager@nic.vn');
    const second = await manager.post(url);
    expect(second.json()).toMatchObject({
      alreadyCheckedIn: true,
      participant: {
        checkedInAt: first.json().participant.checkedInAt,
        checkedInBy: { displayName: 'trainer' },
      },
      counts: { checkedIn: 1 },
    });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'event.checked_in')
      .where('entity_id', '=', eventId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ participantId: reg.id, method: 'qr' });

    expect((await trainer.get('/api/event-check-ins/AAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
  });

  it('from the list: found by short code or by name without accents; a cancelled event refuses', async () => {
    const eventId = await makeEvent(t, w.mekong, { capacity: 3 });
    const a = await makePerson(t, { fullName: 'Huỳnh Ngọc Trâm', sex: 'F' });
    const b = await makePerson(t, { fullName: 'Lý Gia Bảo', sex: 'M' });
    const pa = await addParticipant(t, eventId, a, { shortCode: 'K7M2QX' });
    await addParticipant(t, eventId, b, { shortCode: 'P3R8TW' });
    const partner = await as('partner@mekong.vn');
    const byCode = await partner.get(`/api/events/${eventId}/participants?q=k7m2-qx`);
    expect(byCode.json().items.map((p: { id: string }) => p.id)).toEqual([pa]);
    const byName = await partner.get(
      `/api/events/${eventId}/participants?q=${encodeURIComponent('ngoc tram')}`,
    );
    expect(byName.json().items.map((p: { id: string }) => p.id)).toEqual([pa]);
    const res = await partner.post(`/api/events/${eventId}/participants/${pa}/check-in`);
    expect(res.statusCode, res.body).toBe(200);
    const list = await partner.get(`/api/events/${eventId}/participants?state=checked_in`);
    expect(list.json()).toMatchObject({
      total: 1,
      counts: { registered: 2, checkedIn: 1, walkIns: 0, capacity: 3, capacityLeft: 1 },
    });
    const sorted = await partner.get(`/api/events/${eventId}/participants?sort=-name`);
    expect(sorted.json().items.map((p: { person: { fullName: string } }) => p.person.fullName)).toEqual([
      'Lý Gia Bảo',
      'Huỳnh Ngọc Trâm',
    ]);
    // Another event's participant is not this event's.
    const other = await makeEvent(t, w.mekong);
    expect((await partner.post(`/api/events/${other}/participants/${pa}/check-in`)).statusCode).toBe(404);

    await partner.patch(`/api/events/${eventId}`, { status: 'cancelled' });
    const refused = await (await as('partner@mekong.vn', 'en')).post(
      `/api/events/${eventId}/participants/${pa}/check-in`,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('EVENT_CANCELLED');
  });

  it('a partner never sees another organisation’s participants or events', async () => {
    const eventId = await makeEvent(t, w.hoaLac);
    const p = await makePerson(t, { fullName: 'Bùi Thị Hạnh', sex: 'F' });
    const pid = await addParticipant(t, eventId, p);
    const partner = await as('partner@mekong.vn');
    for (const [method, url] of [
      ['GET', `/api/events/${eventId}/participants`],
      ['GET', `/api/staff/events/${eventId}`],
      ['POST', `/api/events/${eventId}/participants/${pid}/check-in`],
      ['POST', `/api/events/${eventId}/walk-ins`],
    ] as const) {
      const res = await partner.request(
        method,
        url,
        method === 'POST' ? visitor({ consent: undefined }) : undefined,
      );
      expect.soft(res.statusCode, `${method} ${url}`).toBe(403);
    }
    const list = await partner.get('/api/staff/events?pageSize=100');
    expect(list.json().items.every((e: { organisationId: string }) => e.organisationId === w.mekong)).toBe(
      true,
    );
    expect((await (await as('learner@hoc.vn')).get('/api/staff/events')).statusCode).toBe(403);
    const manager = await as('manager@nic.vn');
    const all = await manager.get(`/api/staff/events?organisationId=${w.hoaLac}&pageSize=100`);
    expect(all.json().items.map((e: { id: string }) => e.id)).toContain(eventId);
    const row = await t.ctx.db
      .selectFrom('event_participants')
      .select('checked_in_at')
      .where('id', '=', pid)
      .executeTakeFirstOrThrow();
    expect(row.checked_in_at).toBeNull();
  });
});

describe('the person page', () => {
  it('lists the person’s events with attendance; a partner sees only those its organisations organise', async () => {
    const person = await makePerson(t, {
      fullName: 'Châu Ngọc Bích',
      sex: 'F',
      organisations: [w.mekong, w.hoaLac],
    });
    const ours = await makeEvent(t, w.mekong, { title: 'Hội thảo IoT nông nghiệp', inDays: -3 });
    const theirs = await makeEvent(t, w.hoaLac, { title: 'Ngày hội bán dẫn', inDays: -2 });
    await addParticipant(t, ours, person, { checkedIn: true });
    await addParticipant(t, theirs, person);
    const manager = await as('manager@nic.vn', 'en');
    const all = (await manager.get(`/api/people/${person}`)).json();
    expect(all.events).toEqual([
      expect.objectContaining({
        eventId: theirs,
        checkedInAt: null,
        organisation: { id: w.hoaLac, name: expect.any(String) },
      }),
      expect.objectContaining({ eventId: ours, title: '4IR careers day in Can Tho', walkIn: false }),
    ]);
    expect(all.events[1].checkedInAt).not.toBeNull();
    const partner = await as('partner@mekong.vn');
    const own = (await partner.get(`/api/people/${person}`)).json();
    expect(own.events.map((e: { eventId: string }) => e.eventId)).toEqual([ours]);
  });
});

describe('walk-ins', () => {
  it('registers and checks in at once, through the registry; a registered person is only checked in; seats count who is present', async () => {
    const eventId = await makeEvent(t, w.mekong, { capacity: 2 });
    const trainer = await as('trainer@mekong.vn', 'en');
    const details = {
      fullName: 'Đinh Thị Kim Oanh',
      phone: '0966 123 456',
      sex: 'F',
      birthYear: 1998,
      provinceCode: '92',
    };
    const res = await trainer.post(`/api/events/${eventId}/walk-ins`, details);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      alreadyRegistered: false,
      participant: { walkIn: true, person: { fullName: 'Đinh Thị Kim Oanh' } },
      counts: { registered: 1, checkedIn: 1, walkIns: 1 },
    });
    expect(res.json().participant.checkedInAt).not.toBeNull();

    // Someone registered ahead who did not come yet frees nothing; a registered person walking in is checked in.
    const reg = (
      await new Browser(t).post(`/api/events/${eventId}/registrations`, {
        visitor: visitor({ fullName: 'Mai Văn Toàn', phone: '0944 555 666', sex: 'M' }),
      })
    ).json();
    const again = await trainer.post(`/api/events/${eventId}/walk-ins`, {
      fullName: 'Mai Van Toan',
      phone: '0944555666',
      sex: 'M',
      dateOfBirth: '2002-05-17',
      provinceCode: '92',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      alreadyRegistered: true,
      alreadyCheckedIn: false,
      participant: { id: reg.id, walkIn: false },
    });
    // Two present of two seats: the next walk-in is refused.
    const full = await trainer.post(`/api/events/${eventId}/walk-ins`, {
      ...details,
      fullName: 'Tạ Quang Vinh',
      phone: '0922 999 888',
      sex: 'M',
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('EVENT_FULL');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', eventId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['event.walk_in', 'event.registered', 'event.checked_in']);
  });
});
