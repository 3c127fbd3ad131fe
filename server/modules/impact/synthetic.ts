/**
 * A generated world for impact monitoring's tests and bench: training partners, programs with their
 * courses (some training-of-trainers), cohorts with trainers, people across the 34 provinces (urban
 * and rural communes, both sexes, all ages), enrolments over several years, trainer certifications,
 * hires in Vietnam and Japan, and scholarships. Written with set-based SQL (generate_series and a
 * deterministic mix of the row number), so a million people take seconds, not minutes; the same spec
 * and seed always give the same world.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { prng } from '../../test/random';
import { insertOrganisation } from '../organisations/repo';

export interface WorldSpec {
  people: number;
  enrolments: number;
  partners: number;
  programs: number;
  coursesPerProgram: number;
  cohortsPerCourse: number;
  /** hired applications, as a share of people */
  hireShare?: number;
  seed?: number;
  /** first and last day of enrolment (ISO dates) */
  from?: string;
  to?: string;
}

export interface World {
  programIds: string[];
  programCodes: string[];
  partnerIds: string[];
  courseIds: string[];
  totCourseIds: string[];
  cohortIds: string[];
}

/** A deterministic number in [0, m) from a row number and a salt (SQL). */
const mix = (expr: string, salt: number, m: number) =>
  sql.raw(
    `(((((${expr})::bigint * 2654435761 + ${salt * 40503 + 7}) % 4294967291) + 4294967291) % 4294967291 % ${m})`,
  );

export async function generateWorld(db: Kysely<DB>, spec: WorldSpec): Promise<World> {
  const rand = prng(spec.seed ?? 1);
  const from = spec.from ?? '2022-01-01';
  const to = spec.to ?? '2025-12-31';
  const tag = `w${spec.seed ?? 1}`;

  const partnerIds: string[] = [];
  for (let i = 0; i < spec.partners; i++) {
    const org = await insertOrganisation(db, {
      slug: `${tag}-partner-${i + 1}`,
      name: `Đối tác đào tạo ${tag} ${i + 1}`,
      kind: 'training_partner',
    });
    partnerIds.push(org.id);
  }
  const programIds: string[] = [];
  const programCodes: string[] = [];
  for (let i = 0; i < spec.programs; i++) {
    const code = `${tag}-program-${i + 1}`;
    const p = await db
      .insertInto('programs')
      .values({
        code,
        name_vi: `Chương trình ${i + 1}`,
        name_en: `Program ${i + 1}`,
        name_ja: `プログラム${i + 1}`,
        name_folded: `chuong trinh ${i + 1}`,
        starts_on: from,
        ends_on: to,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    programIds.push(p.id);
    programCodes.push(code);
  }

  // courses: minimal rows (the catalog's columns with defaults), the first of each program a ToT course
  const courseIds: string[] = [];
  const totCourseIds: string[] = [];
  const coursePartner: string[] = [];
  for (let p = 0; p < spec.programs; p++) {
    for (let c = 0; c < spec.coursesPerProgram; c++) {
      const partner = partnerIds[(p * spec.coursesPerProgram + c) % partnerIds.length]!;
      const tot = c === 0;
      const slug = `${tag}-p${p + 1}-c${c + 1}`;
      const row = await db
        .insertInto('courses')
        .values({
          organisation_id: partner,
          slug,
          teaching_language: 'vi',
          title: `Khoá ${slug}`,
          translations: '{}',
          search_folded: `khoa ${slug}`,
          topic: 'digital_skills',
          level: 'beginner',
          duration_hours: 20,
          delivery_mode: 'online',
          is_tot: tot,
          status: 'published',
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('course_programs')
        .values({ course_id: row.id, program_id: programIds[p]! })
        .execute();
      // a course shared by two programs now and then: its records count in both
      if (c === 1 && spec.programs > 1)
        await db
          .insertInto('course_programs')
          .values({ course_id: row.id, program_id: programIds[(p + 1) % spec.programs]! })
          .execute();
      courseIds.push(row.id);
      coursePartner.push(partner);
      if (tot) totCourseIds.push(row.id);
    }
  }
  const cohortIds: string[] = [];
  for (let i = 0; i < courseIds.length; i++) {
    for (let k = 0; k < spec.cohortsPerCourse; k++) {
      // cohorts are usually the course's partner's; sometimes another partner delivers it
      const partner = k % 3 === 2 ? rand.pick(partnerIds) : coursePartner[i]!;
      const row = await db
        .insertInto('cohorts')
        .values({
          course_id: courseIds[i]!,
          organisation_id: partner,
          code: `${tag}-K${i + 1}-${k + 1}`,
          name: `Lớp ${i + 1}.${k + 1}`,
          starts_on: from,
          ends_on: to,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      cohortIds.push(row.id);
    }
  }

  // people: sex, age, province and commune (urban or rural) spread by the row number
  // (with the communes imported, people live in urban wards and rural communes; without, in provinces only)
  const communes = await db
    .selectFrom('communes')
    .select(['code', 'province_code'])
    .orderBy('code')
    .execute();
  const provinces = (await db.selectFrom('provinces').select('code').orderBy('code').execute()).map(
    (p) => p.code,
  );
  const places =
    communes.length > 0 ? communes : provinces.map((code) => ({ code: null, province_code: code }));
  await sql`
    insert into people (full_name, full_name_folded, sex, date_of_birth, province_code, commune_code)
    select 'Người ' || i, 'nguoi ' || i,
      (array['F','M','F','M','X',null])[${mix('i', 1, 6)} + 1],
      case when ${mix('i', 2, 20)} = 0 then null else date '1960-01-01' + ${mix('i', 3, 16000)}::int end,
      case when ${mix('i', 5, 25)} = 0 then null else (${places.map((p) => p.province_code)}::text[])[x.k] end,
      case when ${mix('i', 5, 10)} < 8 then (${places.map((p) => p.code)}::text[])[x.k] end
    from generate_series(1, ${spec.people}::int) i
    cross join lateral (select ${mix('i', 4, places.length)} + 1 as k) x`.execute(db);
  const range = await sql<{ lo: number; hi: number }>`
    select min(person_no) as lo, max(person_no) as hi from people where full_name like 'Người %'`.execute(db);
  const lo = range.rows[0]!.lo;
  const span = range.rows[0]!.hi - lo + 1;

  // enrolments: person × cohort pairs, each person in few cohorts; a share completed, some withdrawn
  const days = Math.max(1, Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000));
  await sql`
    insert into enrolments (cohort_id, person_id, status, source, enrolled_at, completed_at)
    select distinct on (x.cohort, x.person) co.id, p.id, x.status, 'roster',
      (${from}::date + x.d) + time '09:00' at time zone 'Asia/Ho_Chi_Minh',
      case when x.status = 'completed' then (${from}::date + x.d + 30 + x.extra) + time '15:00' at time zone 'Asia/Ho_Chi_Minh' end
    from (
      select i, ${lo}::int + ${mix('i', 6, span)} as person,
        ${mix('i', 7, cohortIds.length)} + 1 as cohort,
        (array['completed','completed','completed','enrolled','withdrawn','waitlisted','completed'])[${mix('i', 8, 7)} + 1] as status,
        ${mix('i', 9, days)}::int as d, ${mix('i', 10, 120)}::int as extra
      from generate_series(1, ${spec.enrolments}::int) i
    ) x
    join people p on p.person_no = x.person
    join lateral (select (${cohortIds}::uuid[])[x.cohort] as id) co on true
    on conflict do nothing`.execute(db);

  // trainers: accounts with person records, certified by the ToT course, teaching cohorts
  const trainers: string[] = [];
  for (let i = 0; i < Math.max(2, spec.partners * 2); i++) {
    const u = await db
      .insertInto('users')
      .values({
        email: `${tag}.trainer${i}@example.test`,
        display_name: `Giảng viên ${i}`,
        display_name_folded: `giang vien ${i}`,
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const person = await db
      .insertInto('people')
      .values({
        user_id: u.id,
        full_name: `Giảng viên ${tag} ${i}`,
        full_name_folded: `giang vien ${tag} ${i}`,
        sex: i % 2 ? 'F' : 'M',
        date_of_birth: '1985-05-05',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    trainers.push(u.id);
    if (i % 4 !== 3) {
      const tot = totCourseIds[i % totCourseIds.length]!;
      const day = rand.int(30, days);
      await sql`insert into trainer_certifications (person_id, course_id, certified_at)
        values (${person.id}, ${tot}, ${from}::date + ${day}::int + time '10:00')`.execute(db);
    }
  }
  for (let c = 0; c < cohortIds.length; c++) {
    if (c % 2 === 1) continue;
    await db
      .insertInto('cohort_trainers')
      .values({ cohort_id: cohortIds[c]!, user_id: rand.pick(trainers) })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  // hires: applications moved to hired, dated after a completion, in Vietnam and in Japan
  const employer = await insertOrganisation(db, {
    slug: `${tag}-employer`,
    name: `Nhà tuyển dụng ${tag}`,
    kind: 'employer',
  });
  const jobs: string[] = [];
  for (const [country, place] of [
    ['VN', { province_code: '01', prefecture: null }],
    ['JP', { province_code: null, prefecture: '40' }],
  ] as const) {
    const job = await db
      .insertInto('jobs')
      .values({
        organisation_id: employer.id,
        language: 'vi',
        title: `Việc làm ${country}`,
        country,
        ...place,
        currency: country === 'JP' ? 'JPY' : 'VND',
        closes_on: to,
        weight_total: 1,
        required_count: 0,
        search_folded: `viec lam ${country}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    jobs.push(job.id);
  }
  const hireEvery = Math.max(2, Math.round(1 / (spec.hireShare ?? 0.05)));
  await sql`
    with hired as (
      select distinct on (e.person_id) e.person_id,
        coalesce(e.completed_at, e.updated_at) + (${mix('p.person_no', 11, 500)}::int * interval '1 day') as at,
        (${jobs}::uuid[])[${mix('p.person_no', 12, 2)} + 1] as job
      from enrolments e join people p on p.id = e.person_id
      where e.status = 'completed' and ${mix('p.person_no', 13, hireEvery)} = 0
      order by e.person_id, e.enrolment_no
    ), apps as (
      insert into applications (job_id, person_id, status, updated_at)
      select job, person_id, 'hired', at from hired returning id, updated_at
    )
    insert into application_events (application_id, status, at) select id, 'hired', updated_at from apps`.execute(
    db,
  );

  // events: three per program, organised by its partners; a share of people registered, most checked in
  for (let p = 0; p < spec.programs; p++) {
    for (let k = 0; k < 3; k++) {
      const day = rand.int(0, days - 1);
      const ev = await sql<{ id: string }>`
        insert into events (program_id, organisation_id, topic, title, language, title_folded, starts_at, ends_at, online, province_code)
        values (${programIds[p]!}, ${partnerIds[(p + k) % partnerIds.length]!}, ${k === 0 ? 'women_in_ai' : '4ir_careers'},
          ${`Sự kiện ${p + 1}.${k + 1}`}, 'vi', ${`su kien ${p + 1}.${k + 1}`},
          ${from}::date + ${day}::int + time '08:00', ${from}::date + ${day}::int + time '17:00', ${k === 2}, ${k === 2 ? null : '01'})
        returning id`.execute(db);
      const eventId = ev.rows[0]!.id;
      await sql`
        insert into event_participants (event_id, person_id, registered_at, walk_in, checked_in_at, check_in_token_hash, short_code)
        select ${eventId}::uuid, p.id, ${from}::date + ${day}::int - 7, ${mix('p.person_no', 20 + k, 10)} = 0,
          case when ${mix('p.person_no', 20 + k, 10)} < 7 then ${from}::date + ${day}::int + time '08:30' end,
          md5(${eventId}::text || p.id::text), p.person_no::text
        from people p
        where p.person_no between ${lo}::int and ${lo + span - 1}::int and ${mix('p.person_no', 30 + p * 3 + k, 25)} = 0`.execute(
        db,
      );
    }
  }

  // scholarships: a few people of each program a year
  for (let p = 0; p < spec.programs; p++) {
    await sql`
      insert into scholarship_awards (program_id, person_id, kind, awarded_on)
      select ${programIds[p]!}::uuid, p.id, case when p.person_no % 8 = 0 then 'doctoral' else 'masters' end,
        ${from}::date + ${mix('p.person_no', 14, days)}::int
      from people p where p.person_no between ${lo}::int and ${lo + span - 1}::int and ${mix('p.person_no', 15 + p, 400)} = 0
      on conflict do nothing`.execute(db);
  }

  return { programIds, programCodes, partnerIds, courseIds, totCourseIds, cohortIds };
}
