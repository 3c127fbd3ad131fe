import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, createUser, type TestApp } from '../../test/app';
import { makeCourse } from '../enrolment/test-fixtures';
import { insertOrganisation } from '../organisations/repo';
import { openNationalId } from './personal';

let t: TestApp;
let orgA: string;
let orgB: string;
let adminA: Browser;
let adminB: Browser;
let trainerA: Browser;

const BOM = '\uFEFF';

function multipart(name: string, data: Buffer | string) {
  const boundary = '----nhanluc-roster-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const preview = (b: Browser, orgId: string, name: string, csv: string) => {
  const m = multipart(name, csv);
  return b.request('POST', `/api/organisations/${orgId}/roster-imports`, m.body, m.headers);
};

const countPeople = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A Vietnamese header, semicolons as Excel writes them on Vietnamese Windows, a BOM. */
const HEADER =
  'Họ và tên;Giới tính;Ngày sinh;Số CCCD;Số điện thoại;Email;Tỉnh/Thành phố;Mã lớp;Trạng thái;Ngày hoàn thành';
const ROWS_A = [
  'Nguyễn Thị Lan;Nữ;15/03/1998;001198012345;0912 345 678;lan.nguyen@example.vn;Hà Nội;HL-K1;Hoàn thành;30/10/2026',
  'Trần Văn Minh;Nam;1999-07-02;;0987654321;;Bắc Giang;HL-K1;Đang học;',
  'Lê Hoàng Nam;Nam;31/02/1999;;0901234567;;Hà Nội;HL-K1;Đang học;',
  'Phạm Thị Hoa;Nữ;02/09/2000;;0934567890;hoa.pham@example.vn;TP.HCM;HL-K9;Đang học;',
  'Võ Thị Ngọc Hân;Nữ;20/11/2001;;0978123456;;Cần Thơ;HL-K1;Đang học;',
];
const csv = (rows: string[], header = HEADER) => `${BOM}${[header, ...rows].join('\r\n')}\r\n`;

beforeAll(async () => {
  t = await createTestApp();
  orgA = (
    await insertOrganisation(t.ctx.db, { slug: 'hoa-lac', name: 'Đối tác Hòa Lạc', kind: 'training_partner' })
  ).id;
  orgB = (
    await insertOrganisation(t.ctx.db, { slug: 'mekong', name: 'Đối tác Mekong', kind: 'training_partner' })
  ).id;
  for (const [org, code] of [
    [orgA, 'HL-K1'],
    [orgB, 'MK-K1'],
  ] as const) {
    const c = await makeCourse(t.ctx.db, org, `khoa-${code.toLowerCase()}`);
    await t.ctx.db
      .insertInto('cohorts')
      .values({
        course_id: c.id,
        organisation_id: org,
        code,
        name: `Lớp ${code}`,
        starts_on: '2026-09-01',
        capacity: 1,
      })
      .execute();
  }
  await createUser(t, 'admin@hoalac.vn', [{ role: 'partner_admin', organisationId: orgA }]);
  await createUser(t, 'admin@mekong.vn', [{ role: 'partner_admin', organisationId: orgB }]);
  await createUser(t, 'trainer@hoalac.vn', [{ role: 'trainer', organisationId: orgA }]);
  adminA = await new Browser(t).login('admin@hoalac.vn');
  adminB = await new Browser(t).login('admin@mekong.vn');
  trainerA = await new Browser(t).login('trainer@hoalac.vn');
});
afterAll(() => t.close());

describe('roster import', () => {
  let firstId: string;

  it('previews a file: every row checked, problems by row and column in Vietnamese, nothing imported', async () => {
    const res = await preview(adminA, orgA, 'danh-sach.csv', csv(ROWS_A));
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      status: 'previewed',
      format: 'csv',
      rowsTotal: 5,
      rowsValid: 3,
      rowsRejected: 2,
      peopleCreated: 0,
      fileProblems: [],
    });
    expect(p.problems.map((x: { row: number; column: string }) => [x.row, x.column])).toEqual([
      [4, 'date_of_birth'],
      [5, 'cohort_code'],
    ]);
    expect(p.problems[0].message).toContain('31/02/1999');
    expect(await countPeople()).toBe(0);
    firstId = p.id;
  });

  it('commits all rows only when none is rejected, then the valid ones, once', async () => {
    const all = await adminA.post(`/api/roster-imports/${firstId}/commit`, { mode: 'all' });
    expect(all.statusCode).toBe(422);
    expect(all.json()).toMatchObject({ code: 'ROSTER_HAS_ERRORS' });
    expect(all.json().message).toContain('2');
    expect(await countPeople()).toBe(0);

    const valid = await adminA.post(`/api/roster-imports/${firstId}/commit`, { mode: 'valid' });
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toMatchObject({
      status: 'committed',
      mode: 'valid',
      peopleCreated: 3,
      peopleMatched: 0,
      enrolmentsCreated: 3,
    });
    expect(await countPeople()).toBe(3);
    // A roster records what happened: capacity 1 does not waitlist anyone, the statuses are the file's.
    const enrolments = await t.ctx.db
      .selectFrom('enrolments as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .select(['p.full_name', 'e.status', 'e.source'])
      .orderBy('p.full_name')
      .execute();
    expect(enrolments).toEqual([
      { full_name: 'Nguyễn Thị Lan', status: 'completed', source: 'roster' },
      { full_name: 'Trần Văn Minh', status: 'enrolled', source: 'roster' },
      { full_name: 'Võ Thị Ngọc Hân', status: 'enrolled', source: 'roster' },
    ]);
    // The national ID is kept only as a hash and a sealed copy its person's id opens.
    const lan = await t.ctx.db
      .selectFrom('people')
      .selectAll()
      .where('full_name', '=', 'Nguyễn Thị Lan')
      .executeTakeFirstOrThrow();
    expect(lan).toMatchObject({ phone: '+84912345678', email: 'lan.nguyen@example.vn', province_code: '01' });
    expect(lan.national_id_enc).not.toContain('001198012345');
    expect(openNationalId(t.ctx.config, lan.id, lan.national_id_enc!)).toBe('001198012345');

    const again = await adminA.post(`/api/roster-imports/${firstId}/commit`, { mode: 'valid' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ROSTER_IMPORT_DONE');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_id', '=', firstId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['roster.previewed', 'roster.imported']);
  });

  it('gives the rejected rows back as a file which, fixed and uploaded again, imports them', async () => {
    const res = await adminA.get(`/api/roster-imports/${firstId}/rejected.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(BOM, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Lê Hoàng Nam');
    expect(lines[2]).toContain('Phạm Thị Hoa');
    const fixed = res.body.replace('31/02/1999', '28/02/1999').replace('HL-K9', 'HL-K1');
    const p = (await preview(adminA, orgA, 'danh-sach-da-sua.csv', fixed)).json();
    expect(p).toMatchObject({ rowsTotal: 2, rowsValid: 2, rowsRejected: 0, fileProblems: [] });
    const done = (await adminA.post(`/api/roster-imports/${p.id}/commit`, { mode: 'all' })).json();
    expect(done).toMatchObject({ peopleCreated: 2, enrolmentsCreated: 2 });
    expect(await countPeople()).toBe(5);
  });

  it('creates no one and enrols no one twice when the same file comes again', async () => {
    const p = (await preview(adminA, orgA, 'danh-sach.csv', csv(ROWS_A))).json();
    const done = (await adminA.post(`/api/roster-imports/${p.id}/commit`, { mode: 'valid' })).json();
    expect(done).toMatchObject({ peopleCreated: 0, peopleMatched: 3, enrolmentsCreated: 0 });
    expect(await countPeople()).toBe(5);
  });

  it("links another partner's roster of the same people, written differently, to the same records", async () => {
    const rows = [
      // No accents, given name first, phone in international form, ISO date.
      'Lan Nguyen Thi;F;1998-03-15;;+84 912 345 678;;Ha Noi;MK-K1;enrolled',
      // A typo in the name, the e-mail in capitals, the CCCD missing, a former province name.
      'Phamm Thi Hoa;F;02/09/2000;;;HOA.PHAM@EXAMPLE.VN;Ho Chi Minh;MK-K1;enrolled',
      // Someone new.
      'Đặng Quốc Bảo;M;05/05/1995;;0911222333;;Vĩnh Long;MK-K1;enrolled',
    ];
    const header = 'full_name,sex,date_of_birth,national_id,phone,email,province,cohort_code,status';
    const p = (
      await preview(
        adminB,
        orgB,
        'mekong.csv',
        csv(
          rows.map((r) => r.replaceAll(';', ',')),
          header,
        ),
      )
    ).json();
    expect(p).toMatchObject({ rowsValid: 3, rowsRejected: 0 });
    const done = (await adminB.post(`/api/roster-imports/${p.id}/commit`, { mode: 'all' })).json();
    expect(done).toMatchObject({ peopleCreated: 1, peopleMatched: 2, enrolmentsCreated: 3 });
    expect(await countPeople()).toBe(6);
    const lan = await t.ctx.db
      .selectFrom('person_organisations as po')
      .innerJoin('people as p', 'p.id', 'po.person_id')
      .select('po.organisation_id')
      .where('p.full_name', '=', 'Nguyễn Thị Lan')
      .execute();
    expect(lan.map((r) => r.organisation_id).sort()).toEqual([orgA, orgB].sort());
  });

  it('queues a likely duplicate for review instead of guessing', async () => {
    // Same name and birth date as Trần Văn Minh, no shared contact, another province: maybe him.
    const p = (
      await preview(adminB, orgB, 'them.csv', csv(['Tran Van Minh;Nam;02/07/1999;;;;Cần Thơ;MK-K1;Đang học']))
    ).json();
    const done = (await adminB.post(`/api/roster-imports/${p.id}/commit`, { mode: 'all' })).json();
    expect(done).toMatchObject({ peopleCreated: 1, peopleMatched: 0, pairsQueued: 1 });
    const pairs = await t.ctx.db.selectFrom('duplicate_pairs').select(['status', 'reasons']).execute();
    expect(pairs).toEqual([{ status: 'open', reasons: expect.arrayContaining(['nameDob']) }]);
  });

  it("gives no one a national ID another person holds: the row's person is made without it, for review", async () => {
    // Lan's CCCD under another name: a typo in the number or in the name; either way not surely Lan.
    const p = (
      await preview(
        adminB,
        orgB,
        'cccd.csv',
        csv(['Đỗ Thị Hằng;Nữ;01/01/1998;001198012345;;;Hà Nội;MK-K1;Đang học;']),
      )
    ).json();
    expect(p).toMatchObject({ rowsValid: 1, rowsRejected: 0 });
    const done = (await adminB.post(`/api/roster-imports/${p.id}/commit`, { mode: 'all' })).json();
    expect(done).toMatchObject({ peopleCreated: 1, peopleMatched: 0, pairsQueued: 1 });
    const people = await t.ctx.db
      .selectFrom('people')
      .select(['id', 'full_name', 'national_id_hash'])
      .where('full_name', 'in', ['Đỗ Thị Hằng', 'Nguyễn Thị Lan'])
      .execute();
    const hang = people.find((x) => x.full_name === 'Đỗ Thị Hằng')!;
    const lan = people.find((x) => x.full_name === 'Nguyễn Thị Lan')!;
    expect(hang.national_id_hash).toBeNull();
    expect(lan.national_id_hash).not.toBeNull();
    const pair = await t.ctx.db
      .selectFrom('duplicate_pairs')
      .select(['reasons'])
      .where((eb) => eb.or([eb('person_a', '=', hang.id), eb('person_b', '=', hang.id)]))
      .executeTakeFirstOrThrow();
    expect(pair.reasons).toContain('nationalId');
  });

  it('leaves the database as it was when the commit fails half-way, and can then be committed', async () => {
    const before = await countPeople();
    const p = (
      await preview(
        adminA,
        orgA,
        'moi.csv',
        csv(['Hồ Thị Mai;Nữ;01/01/1990;;0966000111;;Huế;HL-K1;Đang học']),
      )
    ).json();
    // The enrolment insert, after the people are written, fails.
    await sql`create function fail_enrolment() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`.execute(
      t.ctx.db,
    );
    await sql`create trigger fail_enrolment before insert on enrolments for each row execute function fail_enrolment()`.execute(
      t.ctx.db,
    );
    const failed = await adminA.post(`/api/roster-imports/${p.id}/commit`, { mode: 'all' });
    expect(failed.statusCode).toBe(500);
    expect(await countPeople()).toBe(before);
    expect((await adminA.get(`/api/roster-imports/${p.id}`)).json().status).toBe('previewed');
    await sql`drop trigger fail_enrolment on enrolments`.execute(t.ctx.db);
    const done = (await adminA.post(`/api/roster-imports/${p.id}/commit`, { mode: 'all' })).json();
    expect(done).toMatchObject({ peopleCreated: 1, enrolmentsCreated: 1 });
    expect(await countPeople()).toBe(before + 1);
  });

  it('answers as it goes when asked for lines: each phase in rows, then the import, or the error that undid it', async () => {
    const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
    const middles = ['Văn', 'Thị', 'Minh', 'Hữu', 'Ngọc', 'Thanh', 'Quang', 'Đức', 'Thu', 'Kim'];
    const givens = [
      'An',
      'Bình',
      'Chi',
      'Dũng',
      'Giang',
      'Hà',
      'Hải',
      'Hạnh',
      'Hiếu',
      'Hoa',
      'Huy',
      'Khánh',
      'Lâm',
      'Linh',
      'Long',
      'Mai',
      'Nam',
      'Nga',
      'Phong',
      'Phúc',
      'Quân',
      'Sơn',
      'Tâm',
      'Thảo',
      'Trang',
      'Trung',
      'Tú',
      'Tuấn',
      'Vân',
      'Yến',
      'Ánh',
      'Bảo',
      'Cường',
      'Duy',
      'Hằng',
      'Hưng',
      'Kiên',
      'Loan',
      'Lộc',
      'My',
      'Ngân',
      'Nhung',
      'Oanh',
      'Phương',
      'Quỳnh',
      'Sang',
      'Thắng',
      'Thủy',
      'Toàn',
      'Uyên',
      'Việt',
      'Xuân',
      'Yên',
      'Đạt',
      'Điệp',
      'Hiền',
      'Khoa',
      'Luân',
    ];
    const ROWS = 5_200;
    const rows = Array.from({ length: ROWS }, (_, i) => {
      const name = `${families[i % 10]} ${middles[Math.floor(i / 10) % 10]} ${givens[Math.floor(i / 100) % givens.length]}`;
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
      return `${name};;${day}/${month}/${1970 + (i % 30)};;09${String(20_000_000 + i)};;Hà Nội;HL-K1;Đang học;`;
    });
    const p = (await preview(adminA, orgA, 'lon.csv', csv(rows))).json();
    expect(p).toMatchObject({ status: 'previewed', rowsTotal: ROWS, rowsValid: ROWS });
    const streamed = () =>
      adminA.request(
        'POST',
        `/api/roster-imports/${p.id}/commit`,
        { mode: 'all' },
        { accept: 'application/x-ndjson' },
      );
    const linesOf = (body: string) =>
      body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    const before = await countPeople();

    // A failure after the answer has begun is its last line, in the reader's language; nothing stays.
    await sql`create or replace function fail_enrolment() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`.execute(
      t.ctx.db,
    );
    await sql`create trigger fail_enrolment before insert on enrolments for each row execute function fail_enrolment()`.execute(
      t.ctx.db,
    );
    const failed = await streamed();
    await sql`drop trigger fail_enrolment on enrolments`.execute(t.ctx.db);
    await sql`drop function fail_enrolment`.execute(t.ctx.db);
    expect(failed.statusCode).toBe(200);
    expect(failed.headers['content-type']).toContain('application/x-ndjson');
    const failedLines = linesOf(failed.body);
    expect(failedLines.at(-1)).toEqual({
      type: 'error',
      status: 500,
      error: { code: 'INTERNAL', message: expect.stringMatching(/lỗi/i) },
    });
    expect(failedLines.some((l) => l.type === 'progress' && l.phase === 'writing')).toBe(true);
    expect(await countPeople()).toBe(before);
    expect((await adminA.get(`/api/roster-imports/${p.id}`)).json().status).toBe('previewed');

    const res = await streamed();
    const lines = linesOf(res.body);
    const progress = lines.filter((l) => l.type === 'progress');
    expect(lines.slice(0, -1)).toEqual(progress);
    // Phases in order, each counting up to its total; a report every 5,000 rows on the way.
    const phases = progress.map((l) => l.phase);
    expect([...new Set(phases)]).toEqual(['checking', 'matching', 'writing']);
    expect(phases).toEqual(
      [...phases].sort(
        (a, b) =>
          ['checking', 'matching', 'writing'].indexOf(a) - ['checking', 'matching', 'writing'].indexOf(b),
      ),
    );
    for (const phase of ['checking', 'matching', 'writing']) {
      const mine = progress.filter((l) => l.phase === phase);
      expect(mine.map((l) => l.done)).toEqual([...mine.map((l) => l.done)].sort((a, b) => a - b));
      expect(mine.every((l) => l.done <= l.total)).toBe(true);
      expect(mine.at(-1)).toMatchObject({ done: ROWS, total: ROWS });
    }
    expect(progress).toContainEqual({ type: 'progress', phase: 'checking', done: 5_000, total: ROWS });
    expect(progress).toContainEqual({ type: 'progress', phase: 'matching', done: 5_000, total: ROWS });
    expect(lines.at(-1)).toMatchObject({
      type: 'done',
      import: { id: p.id, status: 'committed', peopleCreated: ROWS, enrolmentsCreated: ROWS },
    });
    expect(await countPeople()).toBe(before + ROWS);

    // What is refused before the first line is an ordinary error answer.
    const again = await streamed();
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ROSTER_IMPORT_DONE' });
  });

  it('refuses a file it cannot read, with the reason, and keeps nothing of it to import', async () => {
    const res = await preview(adminA, orgA, 'bao-cao.xlsx', Buffer.from('%PDF-1.7 not a roster') as never);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'failed', rowsTotal: 0 });
    expect(res.json().fileProblems[0].severity).toBe('error');
    const commit = await adminA.post(`/api/roster-imports/${res.json().id}/commit`, { mode: 'valid' });
    expect(commit.json().code).toBe('ROSTER_IMPORT_REFUSED');
  });
});

describe('who may import', () => {
  it('keeps each partner to its own rosters and imports; trainers do not import', async () => {
    expect((await preview(adminB, orgA, 'x.csv', csv(ROWS_A))).statusCode).toBe(403);
    expect((await preview(trainerA, orgA, 'x.csv', csv(ROWS_A))).statusCode).toBe(403);
    const own = (await adminA.get(`/api/organisations/${orgA}/roster-imports`)).json();
    expect(own.total).toBeGreaterThanOrEqual(4);
    expect(own.items[0].fileName).toBe('bao-cao.xlsx');
    const theirs = own.items[1].id;
    expect((await adminB.get(`/api/organisations/${orgA}/roster-imports`)).statusCode).toBe(403);
    expect((await adminB.get(`/api/roster-imports/${theirs}`)).statusCode).toBe(403);
    expect((await adminB.get(`/api/roster-imports/${theirs}/rejected.csv`)).statusCode).toBe(403);
    expect((await adminB.post(`/api/roster-imports/${theirs}/commit`, { mode: 'valid' })).statusCode).toBe(
      403,
    );
  });

  it('hands out the template in the asked language, with headers it reads back', async () => {
    const res = await adminA.get('/api/roster-template.csv?lang=vi');
    expect(res.statusCode).toBe(200);
    expect(res.body.replace(BOM, '').split(/\r?\n/)[0]).toContain('Họ và tên');
  });
});
