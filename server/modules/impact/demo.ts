/**
 * Demo records for the New Opportunities Program's dashboard (2021–2024), so a fresh start shows real
 * numbers against the WISE targets: past cohorts of the program's courses at its two partners, about
 * 240 learners (names, sexes, ages and provinces from the registry's generator; urban wards and rural
 * communes when the communes are imported), some trained by both partners (their partner rows do not
 * add up to the total), trainers certified by the training-of-trainers course who then teach (their
 * learners are the indirect beneficiaries), a few hires, and one person recorded twice by the two
 * partners, queued for review: merging the pair takes the unique-learner total down by one; two manual
 * results (manual-demo.ts), one approved and one awaiting NIC's decision.
 * Idempotent: nothing is done when the demo cohorts exist.
 */
import { sql } from 'kysely';
import { foldVi } from '../../../common/text';
import type { AppContext } from '../../lib/context';
import { prng } from '../../test/random';
import { findOrganisationBySlug } from '../organisations/repo';
import { insertPerson } from '../people/repo';
import { compare } from '../registry/match';
import { setNameKeys } from '../registry/repo';
import * as reviewRepo from '../registry/review/repo';
import { syntheticPopulation } from '../registry/synthetic';
import { seedDemoManualResults } from './manual-demo';

const PROGRAM = 'new-opportunities';
const PARTNERS = ['demo-trung-tam-tai-dao-tao-dong-nai', 'demo-cao-dang-cong-nghe-hoa-lac'];
const COHORT_PREFIX = 'CHM-';
const LEARNERS = 240;
const TRAINERS = 8;
export const DEMO_DUPLICATE_NAME = 'Phạm Thị Hoa';

const at = (iso: string, hour = 9) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+07:00`);
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoImpact(
  ctx: Pick<AppContext, 'db'>,
): Promise<{ learners: number; cohorts: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const program = await trx
      .selectFrom('programs')
      .select('id')
      .where('code', '=', PROGRAM)
      .executeTakeFirst();
    const partners = (await Promise.all(PARTNERS.map((s) => findOrganisationBySlug(trx, s)))).filter(
      (o) => o !== undefined,
    );
    if (!program || partners.length < 2) return { learners: 0, cohorts: 0 };
    const exists = await trx
      .selectFrom('cohorts')
      .select('id')
      .where('code', 'like', `${COHORT_PREFIX}%`)
      .executeTakeFirst();
    if (exists) return { learners: 0, cohorts: 0 };
    const courses = await trx
      .selectFrom('course_programs as cp')
      .innerJoin('courses as c', 'c.id', 'cp.course_id')
      .select(['c.id', 'c.is_tot', 'c.slug'])
      .where('cp.program_id', '=', program.id)
      .orderBy('c.slug')
      .execute();
    const tot = courses.find((c) => c.is_tot);
    const taught = courses.filter((c) => !c.is_tot);
    if (!tot || taught.length === 0) return { learners: 0, cohorts: 0 };
    const random = prng(2021);

    // cohorts: each course at each partner, once a year 2021–2023
    let n = 0;
    const cohorts: { id: string; partner: number; starts: string; ends: string }[] = [];
    const insertCohort = async (courseId: string, partner: number, starts: string, ends: string) => {
      n += 1;
      const row = await trx
        .insertInto('cohorts')
        .values({
          course_id: courseId,
          organisation_id: partners[partner]!.id,
          code: `${COHORT_PREFIX}${starts.slice(0, 4)}-${String(n).padStart(2, '0')}`,
          name: `Cơ hội Mới ${starts.slice(0, 4)} — lớp ${n}`,
          starts_on: starts,
          ends_on: ends,
          status: 'closed',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const totCohort = await insertCohort(tot.id, 1, '2021-06-01', '2021-08-31');
    for (const year of [2021, 2022, 2023]) {
      for (const course of taught) {
        for (const partner of [0, 1]) {
          const starts = year === 2021 ? '2021-10-04' : `${year}-0${3 + partner * 3}-01`;
          const ends = addDays(starts, 75);
          cohorts.push({ id: await insertCohort(course.id, partner, starts, ends), partner, starts, ends });
        }
      }
    }

    // trainers: accounts with person records; six certified by the ToT course in 2021, teaching later cohorts
    const trainerUsers: string[] = [];
    for (let i = 1; i <= TRAINERS; i++) {
      const email = `giangvien.chm${String(i).padStart(2, '0')}@demo.nhanluc.vn`;
      const user = await trx
        .insertInto('users')
        .values({
          email,
          display_name: `Giảng viên CHM ${i}`,
          display_name_folded: `giang vien chm ${i}`,
          password_hash: '!',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const person = await insertPerson(trx, {
        fullName: `Giảng viên CHM ${i}`,
        userId: user.id,
        sex: i % 3 === 0 ? 'M' : 'F',
        dateOfBirth: `19${80 + i}-0${1 + (i % 9)}-1${i % 9}`,
        provinceCode: i % 2 ? '75' : '01',
      });
      trainerUsers.push(user.id);
      await trx
        .insertInto('enrolments')
        .values({
          cohort_id: totCohort,
          person_id: person.id,
          status: i <= 6 ? 'completed' : 'enrolled',
          source: 'roster',
          enrolled_at: at('2021-06-01'),
          completed_at: i <= 6 ? at('2021-08-31', 15) : null,
        })
        .execute();
      if (i <= 6)
        await sql`insert into trainer_certifications (person_id, course_id, certified_at) values (${person.id}, ${tot.id}, ${at('2021-09-01')}) on conflict do nothing`.execute(
          trx,
        );
    }
    for (const [k, c] of cohorts.entries()) {
      if (c.starts < '2021-09-01') continue;
      await trx
        .insertInto('cohort_trainers')
        .values({ cohort_id: c.id, user_id: trainerUsers[k % TRAINERS]! })
        .execute();
    }

    // learners
    // the generator speaks the 63 former provinces: records map to the 34 current ones
    const former = new Map(
      (await trx.selectFrom('former_provinces').select(['code', 'province_code']).execute()).map((f) => [
        f.code,
        f.province_code,
      ]),
    );
    const current = new Set((await trx.selectFrom('provinces').select('code').execute()).map((p) => p.code));
    const provinceOf = (code: string) =>
      former.get(code) ?? former.get(code.padStart(2, '0')) ?? (current.has(code) ? code : null);
    const communes = await trx.selectFrom('communes').select(['code', 'province_code']).execute();
    const communesOf = new Map<string, string[]>();
    for (const c of communes)
      communesOf.set(c.province_code, [...(communesOf.get(c.province_code) ?? []), c.code]);
    const population = syntheticPopulation({ seed: 2021, people: LEARNERS, duplicateRate: 0 }).people;
    let learners = 0;
    const completedAt = new Map<string, string>();
    for (const p of population) {
      const fullName = [p.family, ...p.middles, p.given].join(' ');
      const province = provinceOf(p.province);
      const inProvince = province ? (communesOf.get(province) ?? []) : [];
      const person = await trx
        .insertInto('people')
        .values({
          full_name: fullName,
          full_name_folded: foldVi(fullName),
          sex: p.sex,
          date_of_birth: p.dateOfBirth,
          province_code: province,
          commune_code: inProvince.length > 0 ? random.pick(inProvince) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await setNameKeys(trx, person.id, fullName);
      learners += 1;
      const first = random.pick(cohorts);
      const second =
        random.next() < 0.15 ? random.pick(cohorts.filter((c) => c.partner !== first.partner)) : undefined;
      for (const c of second ? [first, second] : [first]) {
        const r = random.next();
        const status = r < 0.78 ? 'completed' : r < 0.9 ? 'withdrawn' : 'enrolled';
        await trx
          .insertInto('enrolments')
          .values({
            cohort_id: c.id,
            person_id: person.id,
            status,
            source: 'roster',
            enrolled_at: at(c.starts),
            completed_at: status === 'completed' ? at(c.ends, 15) : null,
            ended_at: status === 'withdrawn' ? at(addDays(c.starts, 20)) : null,
          })
          .execute();
        if (status === 'completed') completedAt.set(person.id, c.ends);
      }
    }

    // hires within a year of completing, through a demo employer's job
    const job = await trx.selectFrom('jobs').select('id').orderBy('created_at').executeTakeFirst();
    if (job) {
      const hired = [...completedAt].filter((_, i) => i % 9 === 0);
      for (const [personId, done] of hired) {
        const day = addDays(done, 60 + random.int(0, 200));
        const app = await trx
          .insertInto('applications')
          .values({
            job_id: job.id,
            person_id: personId,
            status: 'hired',
            created_at: at(addDays(done, 20)),
            updated_at: at(day),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('application_events')
          .values({ application_id: app.id, status: 'hired', at: at(day) })
          .execute();
      }
    }

    // one person in both partners' rosters, not yet known to be one: a likely pair for review
    const twins = [
      {
        fullName: DEMO_DUPLICATE_NAME,
        partner: 0,
        cohort: cohorts.find((c) => c.partner === 0 && c.starts.startsWith('2022'))!,
      },
      {
        fullName: 'Pham Thi Hoa',
        partner: 1,
        cohort: cohorts.find((c) => c.partner === 1 && c.starts.startsWith('2023'))!,
      },
    ];
    const ids: string[] = [];
    for (const tw of twins) {
      const person = await insertPerson(trx, {
        fullName: tw.fullName,
        sex: 'F',
        dateOfBirth: '1995-02-11',
        provinceCode: '75',
      });
      await setNameKeys(trx, person.id, tw.fullName);
      await reviewRepo.knownTo(trx, person.id, partners[tw.partner]!.id);
      await trx
        .insertInto('enrolments')
        .values({
          cohort_id: tw.cohort.id,
          person_id: person.id,
          status: 'completed',
          source: 'roster',
          enrolled_at: at(tw.cohort.starts),
          completed_at: at(tw.cohort.ends, 15),
        })
        .execute();
      ids.push(person.id);
    }
    const record = (name: string) => ({
      fullName: name,
      sex: 'F' as const,
      dateOfBirth: '1995-02-11',
      provinceCode: '75',
      phone: null,
      email: null,
      nationalIdHash: null,
    });
    const m = compare(record(twins[0]!.fullName), record(twins[1]!.fullName));
    if (m.decision !== 'none') await reviewRepo.queuePair(trx, ids[0]!, ids[1]!, m.score, m.reasons);
    await seedDemoManualResults(trx, program.id, { dongNai: partners[0]!.id, hoaLac: partners[1]!.id });
    return { learners: learners + 2, cohorts: cohorts.length + 1 };
  });
}
