import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPrograms } from '../../db/seed/programs';
import { createTestApp, type TestApp } from '../../test/app';
import { seedDemoCourses } from '../catalog/demo';
import { insertOrganisation } from '../organisations/repo';
import { seedDemoQuizzes } from './demo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const quizzes = () => t.ctx.db.selectFrom('quizzes').selectAll().orderBy('title').execute();

describe('demo quizzes', () => {
  it('does nothing when the catalog has no demo course', async () => {
    await seedDemoQuizzes(t.ctx);
    expect(await quizzes()).toEqual([]);
  });

  it("adds a GIFT bank, a quiz and a published quiz lesson at the end of the catalog's demo courses, once", async () => {
    for (const [slug, provinceCode] of [
      ['demo-hoc-vien-ky-nang-so-mekong', '92'],
      ['demo-cao-dang-cong-nghe-hoa-lac', '01'],
      ['demo-trung-tam-ban-dan-da-nang', '48'],
      ['demo-vien-du-lieu-ai-sai-gon', '79'],
    ] as const) {
      await insertOrganisation(t.ctx.db, {
        slug,
        name: `[Demo] ${slug}`,
        kind: 'training_partner',
        provinceCode,
        isDemo: true,
      });
    }
    await seedPrograms(t.ctx.db, { demo: false });
    await seedDemoCourses(t.ctx);

    await seedDemoQuizzes(t.ctx);
    await seedDemoQuizzes(t.ctx);

    const courses = await t.ctx.db
      .selectFrom('courses')
      .select(['id', 'slug'])
      .where('slug', 'in', ['ky-thuat-vien-ban-dan-co-ban', 'tieng-nhat-n4'])
      .execute();
    const idOf = (slug: string) => courses.find((c) => c.slug === slug)!.id;
    const made = await quizzes();
    expect(
      made.map((q) => [q.course_id, q.title, q.attempts_limit, q.time_limit_seconds, q.pass_mark_pct]),
    ).toEqual([
      [idOf('ky-thuat-vien-ban-dan-co-ban'), 'Kiểm tra cuối khoá: phòng sạch và kiểm tra wafer', 3, 900, 70],
      [idOf('tieng-nhat-n4'), 'Kiểm tra từ vựng và ngữ pháp N4', 3, 900, 70],
    ]);

    const questions = await t.ctx.db
      .selectFrom('questions')
      .select(['course_id', 'kind', 'category'])
      .execute();
    expect(
      questions
        .filter((q) => q.course_id === idOf('ky-thuat-vien-ban-dan-co-ban'))
        .map((q) => q.kind)
        .sort(),
    ).toEqual([
      'multiple',
      'numeric',
      'short_answer',
      'single',
      'single',
      'single',
      'true_false',
      'true_false',
    ]);
    expect(questions.filter((q) => q.course_id === idOf('tieng-nhat-n4'))).toHaveLength(7);
    expect(new Set(questions.map((q) => q.category))).toEqual(
      new Set(['Phòng sạch và kiểm tra wafer', 'JLPT N4']),
    );

    for (const quiz of made) {
      const [lastModule] = await t.ctx.db
        .selectFrom('course_modules')
        .select('id')
        .where('course_id', '=', quiz.course_id)
        .orderBy('position', 'desc')
        .limit(1)
        .execute();
      const lessons = await t.ctx.db
        .selectFrom('lessons')
        .selectAll()
        .where('quiz_id', '=', quiz.id)
        .execute();
      expect(lessons).toHaveLength(1);
      expect(lessons[0]).toMatchObject({
        module_id: lastModule!.id,
        kind: 'quiz',
        status: 'published',
        required: true,
      });
    }
  });
});
