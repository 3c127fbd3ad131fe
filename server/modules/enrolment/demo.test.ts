/** Demo classes on top of the demo organisations, accounts, courses and quizzes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo';
import { seedPrograms } from '../../db/seed/programs';
import { createTestApp, type TestApp } from '../../test/app';
import { seedDemoCourses } from '../catalog/demo';
import { findPersonByUser } from '../people/repo';
import { seedDemoQuizzes } from '../quizzes/demo';
import { seedDemoCohorts } from './demo';
import { indirectBeneficiaries } from './repo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo cohorts', () => {
  it('does nothing without demo courses', async () => {
    expect(await seedDemoCohorts(t.ctx)).toEqual({ cohorts: 0 });
  });

  it('creates running and upcoming classes with learners, progress, attendance and a waitlist, once', async () => {
    await seedDemo(t.ctx);
    await seedPrograms(t.ctx.db, { demo: true });
    await seedDemoCourses(t.ctx);
    await seedDemoQuizzes(t.ctx);
    const first = await seedDemoCohorts(t.ctx);
    expect(first.cohorts).toBeGreaterThan(12);
    expect(await seedDemoCohorts(t.ctx)).toEqual({ cohorts: 0 });

    const db = t.ctx.db;
    const full = await db
      .selectFrom('cohorts as c')
      .innerJoin('enrolments as e', 'e.cohort_id', 'c.id')
      .select(['c.code', 'c.capacity', 'e.status'])
      .where('c.capacity', '=', 2)
      .orderBy('c.code')
      .execute();
    expect(full.filter((r) => r.status === 'waitlisted').length).toBeGreaterThan(0);
    expect(full.filter((r) => r.status === 'enrolled').length).toBe(
      2 * new Set(full.map((r) => r.code)).size,
    );

    const iot = await db
      .selectFrom('cohorts')
      .select(['id', 'code'])
      .where('code', '=', 'INNM-K1')
      .executeTakeFirstOrThrow();
    const trainer = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'trainer@demo.nhanluc.vn')
      .executeTakeFirstOrThrow();
    const taught = await db
      .selectFrom('cohort_trainers')
      .select('user_id')
      .where('cohort_id', '=', iot.id)
      .execute();
    expect(taught).toEqual([{ user_id: trainer.id }]);
    expect(
      Number(
        (
          await db
            .selectFrom('attendance as a')
            .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('e.cohort_id', '=', iot.id)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(0);

    // The demo trainer was certified by the ToT course and has reached the learners of the running class.
    const trainerPerson = (await findPersonByUser(db, trainer.id))!;
    const cert = await db
      .selectFrom('trainer_certifications')
      .select(['credential_id'])
      .where('person_id', '=', trainerPerson.id)
      .executeTakeFirstOrThrow();
    expect(cert.credential_id).not.toBeNull();
    expect((await indirectBeneficiaries(db, { trainerPersonId: trainerPerson.id })).count).toBe(3);

    // The demo learner has a class in progress and a completed one with its certificate.
    const learner = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'learner@demo.nhanluc.vn')
      .executeTakeFirstOrThrow();
    const person = (await findPersonByUser(db, learner.id))!;
    const mine = await db
      .selectFrom('enrolments as e')
      .leftJoin('credentials as cr', 'cr.enrolment_id', 'e.id')
      .select(['e.status', 'cr.id as credential'])
      .where('e.person_id', '=', person.id)
      .orderBy('e.status')
      .execute();
    expect(mine.map((m) => m.status)).toEqual(['completed', 'enrolled']);
    expect(mine[0]!.credential).not.toBeNull();
  });
});
